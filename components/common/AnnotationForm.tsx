/**
 * The form for a highlight's color, note and tags, for a new highlight and for editing one. The
 * draft belongs to the caller, so a failed save keeps every word; the error says what went
 * wrong. Ctrl/⌘+Enter saves. The note can be previewed as it will show (light Markdown,
 * rendered as text and safe elements only).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { NoteText } from '@/components/common/NoteText';
import { ANNOTATION_COLORS, ANNOTATION_LIMITS } from '@/utils/anchoring/annotation';
import type { AnnotationColor, ColorNames } from '@/utils/settings/color-names';
import { TagInput, addTag, tagProblem } from './TagInput';
import { NOTE_FILLS } from '@/utils/highlight/styles';
import type { Conflict } from './merge-draft';
import { formatCount } from '@/utils/text/count';

export interface Draft {
  color: AnnotationColor;
  note: string;
  tags: string[];
  /** A tag typed but not yet added. */
  tagText: string;
}

export const emptyDraft = (color: AnnotationColor): Draft => ({ color, note: '', tags: [], tagText: '' });

/** The draft's tags with the typed one added. */
export const draftTags = (draft: Draft) => addTag(draft.tags, draft.tagText);

/** Whether the reader has written anything that closing the form would lose. */
export const isDirty = (draft: Draft | null, saved?: { note: string; tags: readonly string[] }) =>
  !!draft &&
  (draft.note !== (saved?.note ?? '') || draft.tagText.trim() !== '' || draft.tags.join('\n') !== (saved?.tags ?? []).join('\n'));

export interface AnnotationFormProps {
  draft: Draft;
  colorNames: ColorNames;
  suggestions: readonly string[];
  /** Which field takes the focus when the form opens. */
  focus: 'note' | 'tags';
  busy: boolean;
  error: string | null;
  onDraft: (draft: Draft) => void;
  onSave: () => void;
  onCancel: () => void;
  onDelete?: () => void;
  /** The highlight changed elsewhere while the reader edited: both texts, shown above the merged draft. */
  conflict?: Conflict | null;
}

/** Why the draft cannot be saved as it is, or null. */
export function draftProblem(draft: Draft): string | null {
  if (draft.note.length > ANNOTATION_LIMITS.note) {
    return `The note is ${formatCount(draft.note.length)} characters; a note holds at most ${formatCount(ANNOTATION_LIMITS.note)}. Shorten it to save.`;
  }
  return tagProblem(draftTags(draft));
}

export function AnnotationForm(props: AnnotationFormProps) {
  const { draft, colorNames, suggestions, focus, busy, error, onDraft, onSave, onCancel, onDelete, conflict } = props;
  const [preview, setPreview] = useState(false);
  const note = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    (focus === 'note' ? note.current : form.current?.querySelector<HTMLInputElement>('[data-testid="tag-input"]'))?.focus();
  }, [focus]);
  const problem = draftProblem(draft);
  return (
    <form
      ref={form}
      class="annotation-form"
      aria-label="Highlight"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem && !busy) onSave();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          if (!problem && !busy) onSave();
        }
      }}
    >
      {conflict && <ConflictNotice conflict={conflict} />}
      <fieldset class="colors">
        <legend>Color</legend>
        {ANNOTATION_COLORS.map((color) => (
          <label key={color} class="color" title={colorNames[color]}>
            <input type="radio" name="color" value={color} checked={draft.color === color} onChange={() => onDraft({ ...draft, color })} />
            <span class="swatch" style={{ background: NOTE_FILLS[color] }} aria-hidden="true" />
            <span class="color-name">{colorNames[color]}</span>
          </label>
        ))}
      </fieldset>
      <div class="note-field">
        <label for="gloss-note">Note</label>
        <button type="button" class="link" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? 'Edit' : 'Preview'}
        </button>
        {preview ? (
          <NoteText text={draft.note} class="note-preview" />
        ) : (
          <textarea
            id="gloss-note"
            ref={note}
            rows={4}
            value={draft.note}
            data-testid="note-input"
            placeholder="What do you make of it? **bold**, *italic*, - lists, [links](https://…)"
            onInput={(event) => onDraft({ ...draft, note: event.currentTarget.value })}
          />
        )}
      </div>
      <label for="gloss-tags">Tags</label>
      <TagInput
        id="gloss-tags"
        tags={draft.tags}
        text={draft.tagText}
        suggestions={suggestions}
        onChange={(tags, tagText) => onDraft({ ...draft, tags, tagText })}
      />
      {(error || problem) && (
        <p class="error" role="alert" data-testid="form-error">
          {error ?? problem}
        </p>
      )}
      <p class="actions">
        <button type="submit" class="primary" disabled={busy || !!problem} data-testid="save">
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {onDelete && (
          <button type="button" class="danger" onClick={onDelete} data-testid="delete">
            Delete
          </button>
        )}
      </p>
    </form>
  );
}

/** Both versions of a highlight edited in two places at once; the form below holds their merge. */
function ConflictNotice({ conflict }: { conflict: Conflict }) {
  const { theirs, mine, noteClash } = conflict;
  return (
    <div class="conflict" role="alert" data-testid="conflict">
      <p>
        Changed elsewhere while you edited. The form below holds both merged
        {noteClash ? ' (the note is yours: bring in the stored one by hand)' : ''}; check it and save again.
      </p>
      <p class="conflict-label">Stored now · tags: {theirs.tags.join(', ') || 'none'}</p>
      <pre class="conflict-text" data-testid="conflict-theirs">{theirs.note || '(no note)'}</pre>
      <p class="conflict-label">Yours · tags: {mine.tags.join(', ') || 'none'}</p>
      <pre class="conflict-text" data-testid="conflict-mine">{mine.note || '(no note)'}</pre>
    </div>
  );
}
