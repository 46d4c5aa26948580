/** Text with the search's matched words in <mark> (as text nodes: nothing is read as HTML). */
import { markMatches } from '@/utils/search/marks';

export function Marked({ text, words }: { text: string; words: readonly string[] }) {
  if (!words.length) return <>{text}</>;
  return (
    <>
      {markMatches(text, words).map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : segment.text))}
    </>
  );
}
