/**
 * The reader's highlights of the current article, in page order, each with its color name,
 * quote, note (light Markdown, rendered safely) and tags, marked "article changed" when the text
 * moved since; those that can no longer be found (orphans) are listed apart with their quote, so
 * nothing the reader wrote is ever out of sight.
 */
import { NoteText } from '@/components/common/NoteText';
import { anchorAll } from '@/utils/anchoring/anchor-all';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { NOTE_FILLS } from '@/utils/highlight/styles';
import type { AnnotationColor, ColorNames } from '@/utils/settings/color-names';

export interface ArticleNotesProps {
  annotations: readonly AnnotationRecord[];
  /** The article's text as the tab reads it now; null while unknown (nothing is called an orphan then). */
  text: string | null;
  colorNames: ColorNames;
}

export function ArticleNotes({ annotations, text, colorNames }: ArticleNotesProps) {
  if (!annotations.length) return <p class="notes-empty">No highlights yet: select text in the article to make one.</p>;
  const placement = text === null ? null : anchorAll(annotations, text);
  const placed = placement
    ? [...placement.placed].sort((a, b) => a.start - b.start).map((p) => ({ annotation: p.annotation, changed: p.changed }))
    : annotations.map((annotation) => ({ annotation, changed: false }));
  return (
    <section class="notes" aria-label="Your highlights in this article">
      <h2>Your highlights ({annotations.length})</h2>
      <ol class="note-list" data-testid="popup-notes">
        {placed.map(({ annotation, changed }) => (
          <NoteItem key={annotation.id} annotation={annotation} colorNames={colorNames} badge={changed ? 'article changed' : null} />
        ))}
      </ol>
      {placement && placement.orphans.length > 0 && (
        <>
          <h3>No longer in the article ({placement.orphans.length})</h3>
          <ol class="note-list orphans" data-testid="popup-orphans">
            {placement.orphans.map((annotation) => (
              <NoteItem key={annotation.id} annotation={annotation} colorNames={colorNames} badge="orphaned" />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function NoteItem({ annotation, colorNames, badge }: { annotation: AnnotationRecord; colorNames: ColorNames; badge: string | null }) {
  return (
    <li class="note-item" data-id={annotation.id}>
      <p class="note-head">
        <span class="swatch" style={{ background: NOTE_FILLS[annotation.color] }} aria-hidden="true" />
        {colorNames[annotation.color as AnnotationColor] ?? annotation.color}
        {badge && <span class="note-badge">{badge}</span>}
      </p>
      <blockquote class="note-quote">{annotation.quote.exact}</blockquote>
      {annotation.note && <NoteText text={annotation.note} class="note-text" />}
      {annotation.tags.length > 0 && (
        <ul class="note-tags" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
