/**
 * One annotation in the library: its color, quote and a line of its note (the search's words
 * marked), its tags, and the article it is in. Activating it opens the article at the highlight.
 */
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { ArticleRecord } from '@/utils/article/types';
import { NOTE_FILLS } from '@/utils/highlight/styles';
import { noteSummary } from '@/utils/notes/markdown';
import type { AnnotationColor, ColorNames } from '@/utils/settings/color-names';
import { Marked } from './Marked';

export interface LibraryItemProps {
  annotation: AnnotationRecord;
  article: ArticleRecord | undefined;
  words: readonly string[];
  colorNames: ColorNames;
  /** Leave out the article line (the list is grouped by article). */
  grouped: boolean;
  onOpen: (annotation: AnnotationRecord) => void;
}

const QUOTE_CHARS = 240;

export function LibraryItem({ annotation, article, words, colorNames, grouped, onOpen }: LibraryItemProps) {
  const quote = annotation.quote.exact.length > QUOTE_CHARS ? annotation.quote.exact.slice(0, QUOTE_CHARS) + '…' : annotation.quote.exact;
  return (
    <button type="button" class="library-item" data-testid="library-item" data-id={annotation.id} onClick={() => onOpen(annotation)}>
      <span class="library-quote">
        <span class="swatch" style={{ background: NOTE_FILLS[annotation.color] }} title={colorNames[annotation.color as AnnotationColor]} />
        <Marked text={quote} words={words} />
      </span>
      {annotation.note && (
        <span class="library-note">
          <Marked text={noteSummary(annotation.note, 160)} words={words} />
        </span>
      )}
      <span class="library-meta">
        {annotation.tags.map((tag) => (
          <span key={tag} class="library-tag">
            <Marked text={tag} words={words} />
          </span>
        ))}
        {!grouped && article && (
          <span class="library-article">
            <Marked text={article.title || article.url} words={words} />
            {article.siteName && <> · {article.siteName}</>}
          </span>
        )}
        <time dateTime={new Date(annotation.createdAt).toISOString()}>{new Date(annotation.createdAt).toLocaleDateString()}</time>
      </span>
    </button>
  );
}
