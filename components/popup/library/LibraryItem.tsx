/**
 * One annotation in the library: its color, quote and a line of its note (the search's words
 * marked), its tags, and the article it is in. Activating it opens the article at the highlight;
 * when Gloss keeps a copy of the article, a link beside it opens that (the page may be gone).
 */
import { formatDay } from '@/components/common/format';
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
  /** The reader page's address for the article's stored copy, when there is one. */
  storedCopy?: string;
}

const QUOTE_CHARS = 240;

export function LibraryItem({ annotation, article, words, colorNames, grouped, onOpen, storedCopy }: LibraryItemProps) {
  const quote = annotation.quote.exact.length > QUOTE_CHARS ? annotation.quote.exact.slice(0, QUOTE_CHARS) + '…' : annotation.quote.exact;
  const item = (
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
        <time dateTime={new Date(annotation.createdAt).toISOString()}>{formatDay(annotation.createdAt)}</time>
      </span>
    </button>
  );
  if (!storedCopy) return item;
  // Beside the row's button, not in it (a link inside a button is neither), over its corner.
  return (
    <div class="library-row">
      {item}
      <a class="library-stored" href={storedCopy} target="_blank" rel="noopener" data-testid="library-stored" title="Gloss's copy of the article, with this highlight">
        Stored copy
      </a>
    </div>
  );
}
