/**
 * The reader's highlights of the current article, in page order, each with its color name,
 * quote, note (light Markdown, rendered safely) and tags, marked "article changed" when the text
 * moved since; those that can no longer be found (orphans) are listed apart with their quote, so
 * nothing the reader wrote is ever out of sight; when the orphan's words are still elsewhere on
 * the page (a caption's copy), that copy is offered, and only the reader's "Attach here" moves the
 * highlight there. A placed highlight's quote scrolls the tab to it; Edit changes note, tags and
 * color in place; Delete can be undone.
 */
import { useMemo, useState } from 'preact/hooks';
import { AnnotationForm, draftTags, type Draft } from '@/components/common/AnnotationForm';
import { mergeDraft, type Conflict } from '@/components/common/merge-draft';
import { NoteText } from '@/components/common/NoteText';
import { anchorAll } from '@/utils/anchoring/anchor-all';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { describeText } from '@/utils/anchoring/selectors';
import { errorMessage } from '@/utils/messaging/result';
import { NOTE_FILLS } from '@/utils/highlight/styles';
import { excerpt } from '@/utils/text/excerpt';
import { textHash } from '@/utils/text/hash';
import type { AnnotationColor, ColorNames } from '@/utils/settings/color-names';
import { NoteWriteError, type NoteActions } from './note-actions';

export interface ArticleNotesProps {
  annotations: readonly AnnotationRecord[];
  /** The article's text as the tab reads it now; null while unknown (nothing is called an orphan then). */
  text: string | null;
  colorNames: ColorNames;
  /** Scrolls the tab to a stretch of its text. */
  onReveal?: (start: number, end: number) => void;
  actions?: NoteActions;
  suggestions?: readonly string[];
}

interface Item {
  annotation: AnnotationRecord;
  at: { start: number; end: number } | null;
  badge: string | null;
  /** An orphan's words found elsewhere in the text, offered to the reader. */
  offer?: { start: number; end: number };
}

export function ArticleNotes({ annotations, text, colorNames, onReveal, actions, suggestions = [] }: ArticleNotesProps) {
  // `base`: the record the edit started from (its revision is what the update names).
  const [editing, setEditing] = useState<{
    id: string;
    base: AnnotationRecord;
    draft: Draft;
    error: string | null;
    busy: boolean;
    conflict: Conflict | null;
  } | null>(null);
  const [deleted, setDeleted] = useState<AnnotationRecord | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Placed once per change of the annotations or the text, not on every keystroke of an edit.
  const placement = useMemo(() => (text === null ? null : anchorAll(annotations, text)), [annotations, text]);
  if (!annotations.length && !deleted) return <p class="notes-empty">No highlights yet: select text in the article to make one.</p>;
  const placed: Item[] = placement
    ? [...placement.placed]
        .sort((a, b) => a.start - b.start)
        .map((p) => ({ annotation: p.annotation, at: { start: p.start, end: p.end }, badge: p.changed ? 'article changed' : null }))
    : annotations.map((annotation) => ({ annotation, at: null, badge: null }));
  const offers = new Map((placement?.suggestions ?? []).map(({ id, start, end }) => [id, { start, end }]));
  const orphans: Item[] = (placement?.orphans ?? []).map((annotation) => ({ annotation, at: null, badge: 'orphaned', offer: offers.get(annotation.id) }));

  const run = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const save = async () => {
    if (!editing || !actions) return;
    const { id, draft, base } = editing;
    setEditing({ ...editing, busy: true, error: null });
    try {
      await actions.update(id, { baseRev: base.rev, note: draft.note, tags: draftTags(draft), color: draft.color });
      setEditing(null);
    } catch (error) {
      const current = error instanceof NoteWriteError && error.error.code === 'conflict' ? error.error.current : undefined;
      if (current) {
        // Changed elsewhere since Edit: both versions shown, their merge in the form, based on the stored one.
        const merged = mergeDraft(base, draft, current);
        return setEditing({ id, base: current, draft: merged.draft, error: null, busy: false, conflict: merged.conflict });
      }
      setEditing({ ...editing, busy: false, error: `Not saved: ${errorMessage(error)}. Your changes are still here.` });
    }
  };

  // The orphan re-described on the copy, in the text the tab reads now (its fingerprint too, so
  // the tab places it without asking again); based on the revision shown, like an edit.
  const attach = (annotation: AnnotationRecord, { start, end }: { start: number; end: number }) => {
    if (text === null || !actions) return;
    void run(() => actions.reattach(annotation.id, { baseRev: annotation.rev, ...describeText(text, start, end), textHash: textHash(text) }));
  };

  const item = ({ annotation, at, badge, offer }: Item) => (
    <li key={annotation.id} class="note-item" data-id={annotation.id}>
      <p class="note-head">
        <span class="swatch" style={{ background: NOTE_FILLS[annotation.color] }} aria-hidden="true" />
        {colorNames[annotation.color as AnnotationColor] ?? annotation.color}
        {badge && <span class="note-badge">{badge}</span>}
      </p>
      {at && onReveal ? (
        <button type="button" class="note-quote as-link" title="Show in the page" onClick={() => onReveal(at.start, at.end)}>
          {annotation.quote.exact}
        </button>
      ) : (
        <blockquote class="note-quote">{annotation.quote.exact}</blockquote>
      )}
      {offer && text !== null && (
        <p class="note-offer" data-testid="popup-offer">
          Still on the page: “{excerpt(text, offer.start, offer.end)}”
          {actions && (
            <button type="button" data-testid="popup-attach" onClick={() => attach(annotation, offer)}>
              Attach here
            </button>
          )}
        </p>
      )}
      {editing?.id === annotation.id ? (
        <AnnotationForm
          draft={editing.draft}
          colorNames={colorNames}
          suggestions={suggestions}
          focus="note"
          busy={editing.busy}
          error={editing.error}
          conflict={editing.conflict}
          onDraft={(draft) => setEditing({ ...editing, draft })}
          onSave={() => void save()}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <>
          {annotation.note && <NoteText text={annotation.note} class="note-text" />}
          {annotation.tags.length > 0 && (
            <ul class="note-tags" aria-label="Tags">
              {annotation.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          )}
          {actions && (
            <p class="note-actions">
              <button
                type="button"
                data-testid="popup-edit"
                onClick={() =>
                  setEditing({
                    id: annotation.id,
                    base: annotation,
                    conflict: null,
                    draft: { color: annotation.color as AnnotationColor, note: annotation.note, tags: [...annotation.tags], tagText: '' },
                    error: null,
                    busy: false,
                  })
                }
              >
                Edit
              </button>
              <button
                type="button"
                data-testid="popup-delete"
                onClick={() => void run(async () => setDeleted(await actions.remove(annotation.id)))}
              >
                Delete
              </button>
            </p>
          )}
        </>
      )}
    </li>
  );

  return (
    <section class="notes" aria-label="Your highlights in this article">
      <h2>Your highlights ({annotations.length})</h2>
      {(deleted || problem) && (
        <p class="notes-status" role="status">
          {problem ?? 'Highlight deleted.'}
          {deleted && actions && !problem && (
            <button type="button" data-testid="popup-undo" onClick={() => void run(async () => (await actions.restore(deleted), setDeleted(null)))}>
              Undo
            </button>
          )}
        </p>
      )}
      <ol class="note-list" data-testid="popup-notes">
        {placed.map(item)}
      </ol>
      {orphans.length > 0 && (
        <>
          <h3>No longer in the article ({orphans.length})</h3>
          <ol class="note-list orphans" data-testid="popup-orphans">
            {orphans.map(item)}
          </ol>
        </>
      )}
    </section>
  );
}
