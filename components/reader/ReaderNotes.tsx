/**
 * The reader's annotations beside the stored copy: those placed in it, in text order (a quote
 * scrolls to its highlight), with their notes (light Markdown, rendered safely) and tags; then
 * those this version does not hold (orphans), with their quote, so nothing written is out of sight.
 */
import { NoteText } from '@/components/common/NoteText';
import type { Placement } from '@/utils/anchoring/anchor-all';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { NOTE_FILLS } from '@/utils/highlight/styles';

export interface ReaderNotesProps {
  placement: Placement;
  onReveal: (start: number, end: number) => void;
}

function Note({ annotation, onClick }: { annotation: AnnotationRecord; onClick?: () => void }) {
  const quote = <q class="note-quote" style={{ borderColor: NOTE_FILLS[annotation.color] }}>{annotation.quote.exact}</q>;
  return (
    <li class="reader-note" data-testid="reader-note" data-annotation={annotation.id}>
      {onClick ? (
        <button type="button" class="quote-button" onClick={onClick}>
          {quote}
        </button>
      ) : (
        quote
      )}
      {annotation.note && <NoteText class="note-text" text={annotation.note} />}
      {annotation.tags.length > 0 && <p class="note-tags">{annotation.tags.map((tag) => `#${tag}`).join(' ')}</p>}
    </li>
  );
}

export function ReaderNotes({ placement, onReveal }: ReaderNotesProps) {
  const { placed, orphans } = placement;
  return (
    <aside class="reader-notes" aria-label="Your notes" data-testid="reader-notes">
      <h2>Your notes</h2>
      {placed.length === 0 && orphans.length === 0 && <p class="muted">No highlights on this article.</p>}
      <ol>
        {placed.map(({ annotation, start, end }) => (
          <Note key={annotation.id} annotation={annotation} onClick={() => onReveal(start, end)} />
        ))}
      </ol>
      {orphans.length > 0 && (
        <section data-testid="reader-orphans">
          <h3>Not found in this version</h3>
          <ol>
            {orphans.map((annotation) => (
              <Note key={annotation.id} annotation={annotation} />
            ))}
          </ol>
        </section>
      )}
    </aside>
  );
}
