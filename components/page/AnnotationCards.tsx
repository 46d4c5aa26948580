/**
 * The cards of the reader's highlights under a click, one per highlight (overlapping ones keep
 * their own notes): color name, note (light Markdown, rendered safely), tags, and whether the
 * article changed since or the passage is gone (an orphan, shown with its quote). When an orphan's
 * words are still elsewhere on the page (a caption's copy, or nearly them), the card says so with
 * those words: Show scrolls to them, and only "Attach here" moves the highlight there. Edit opens
 * the form in place; Delete can be undone.
 */
import type { ComponentChildren } from 'preact';
import { NoteText } from '@/components/common/NoteText';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { AnnotationColor, ColorNames } from '@/utils/settings/color-names';
import { NOTE_FILLS } from '@/utils/highlight/styles';

export interface CardItem {
  annotation: AnnotationRecord;
  /** Where it stands now: placed (the article changed since it was made, or not), or orphaned. */
  status: 'placed' | 'changed' | 'orphan';
  /** An orphan's words found elsewhere in the text (offsets in the text model), and the start of them to show. */
  offer?: { start: number; end: number; words: string };
}

/** An "Attach here" under way or refused, for one card. */
export interface AttachState {
  id: string;
  busy: boolean;
  error: string | null;
}

export interface AnnotationCardsProps {
  items: readonly CardItem[];
  colorNames: ColorNames;
  /** The id being edited, and its form. */
  editing: string | null;
  form: ComponentChildren;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
  onClose: () => void;
  /** Scrolls to the copy offered for an orphan (it is not painted as the reader's). */
  onShowOffer?: (id: string) => void;
  /** The reader accepts the copy offered for an orphan. */
  onAttach?: (id: string) => void;
  attach?: AttachState | null;
}

export function AnnotationCards({ items, colorNames, editing, form, onEdit, onDelete, onClose, onShowOffer, onAttach, attach }: AnnotationCardsProps) {
  return (
    <div class="cards" role="dialog" aria-label="Your highlights here">
      <button type="button" class="close" aria-label="Close" onClick={onClose}>
        ×
      </button>
      {items.map(({ annotation, status, offer }) => (
        <article key={annotation.id} class="note-card" data-testid="note-card" data-id={annotation.id}>
          <p class="card-head">
            <span class="swatch" style={{ background: NOTE_FILLS[annotation.color] }} aria-hidden="true" />
            <span class="color-name">{colorNames[annotation.color as AnnotationColor] ?? annotation.color}</span>
            {status === 'changed' && (
              <span class="badge-changed" title="The article's text changed since you made this highlight">article changed</span>
            )}
            {status === 'orphan' && <span class="badge-orphan">no longer in the article</span>}
          </p>
          {status === 'orphan' && <blockquote class="quote">{annotation.quote.exact}</blockquote>}
          {editing === annotation.id ? (
            form
          ) : (
            <>
              {offer && (
                <section class="offer" data-testid="offer" aria-label="Found elsewhere on this page">
                  <p class="offer-head">Found elsewhere on this page</p>
                  <blockquote class="quote offer-words" data-testid="offer-words">
                    {offer.words}
                  </blockquote>
                  <p class="actions">
                    <button type="button" data-testid="offer-show" onClick={() => onShowOffer?.(annotation.id)}>
                      Show
                    </button>
                    <button
                      type="button"
                      class="primary"
                      data-testid="offer-attach"
                      disabled={attach?.id === annotation.id && attach.busy}
                      onClick={() => onAttach?.(annotation.id)}
                    >
                      Attach here
                    </button>
                  </p>
                </section>
              )}
              {attach?.id === annotation.id && attach.error && (
                <p class="error" role="alert" data-testid="offer-error">
                  {attach.error}
                </p>
              )}
              {annotation.note ? <NoteText text={annotation.note} class="note" /> : <p class="empty">No note</p>}
              {annotation.tags.length > 0 && (
                <ul class="chips" aria-label="Tags">
                  {annotation.tags.map((tag) => (
                    <li key={tag} class="chip">
                      {tag}
                    </li>
                  ))}
                </ul>
              )}
              <p class="actions">
                <button type="button" data-testid="edit" onClick={() => onEdit(annotation.id)}>
                  Edit
                </button>
                <button type="button" class="danger" data-testid="delete" onClick={() => onDelete(annotation.id)}>
                  Delete
                </button>
              </p>
            </>
          )}
        </article>
      ))}
    </div>
  );
}
