/**
 * Highlighting a search's words in a result (a quote, a note, a title): the text cut into
 * segments, matched or not. A word is marked when a search word is a prefix of one of its stored
 * keys (words.ts), so what is marked is what the index matched, the smallest word that did:
 * "Seoul" for "seoul", "Pyongyang" (not its 's) for "pyongyang", "Jong" alone for "jong", the
 * whole of "Jong-un" for "jongun". In CJK text each occurrence of the searched characters is marked.
 */
import { searchTokens, wordsOf } from './tokens';
import { keysWithSpans, matchesWord, queryWords } from './words';

export interface MarkSegment {
  text: string;
  match: boolean;
}

/** `text` in segments, the words matching `words` (search words, folded or not) marked. */
export function markMatches(text: string, words: readonly string[]): MarkSegment[] {
  if (!text) return [];
  const asked = queryWords(words.join(' '));
  if (asked.length === 0) return [{ text, match: false }];
  const ranges: [number, number][] = [];

  for (const word of wordsOf(searchTokens(text))) {
    if (word[0]?.cjk) {
      // Characters and bigrams: mark every place the asked characters stand in the run.
      const chars = word.map((token) => token.text);
      for (const ask of asked) {
        for (let k = 0; k < chars.length; k++) {
          if (ask === chars[k]) ranges.push([word[k]!.start, word[k]!.end]);
          else if (k + 1 < chars.length && ask === chars[k]! + chars[k + 1]!) ranges.push([word[k]!.start, word[k + 1]!.end]);
        }
      }
      continue;
    }
    // Keys come part first, then the hyphen groups, then the whole: mark the smallest that matched.
    const keys = keysWithSpans(word);
    for (const ask of asked) {
      const hit = keys.find(({ key }) => matchesWord(key, ask));
      if (hit) ranges.push([hit.from.start, hit.to.end]);
    }
  }
  return segmentsOf(text, ranges);
}

/** The text cut at the merged ranges. */
function segmentsOf(text: string, ranges: [number, number][]): MarkSegment[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const segments: MarkSegment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) pushSegment(segments, text.slice(at, from), false);
    pushSegment(segments, text.slice(from, end), true);
    at = end;
  }
  if (at < text.length) pushSegment(segments, text.slice(at), false);
  return segments;
}

function pushSegment(segments: MarkSegment[], text: string, match: boolean): void {
  const last = segments[segments.length - 1];
  if (last && last.match === match) last.text += text;
  else segments.push({ text, match });
}
