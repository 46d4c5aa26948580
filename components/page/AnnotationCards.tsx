/**
 * The cards of the reader's highlights under a click, one per highlight (overlapping ones keep
 * their own notes): color name, note (light Markdown, rendered safely), tags, and whether the
 * article changed since or the passage is gone (an orphan, shown with its quote). Edit opens the
 * form in place; Delete can be undone.
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
}

export function AnnotationCards({ items, colorNames, editing, form, onEdit, onDelete, onClose }: AnnotationCardsProps) {
  return (
    <div class="cards" role="dialog" aria-label="Your highlights here">
      <button type="button" class="close" aria-label="Close" onClick={onClose}>
        ×
      </button>
      {items.map(({ annotation, status }) => (
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
