/**
 * The reader's highlight editor on the page: the toolbar over a selection, the form for a new
 * highlight's note and tags, the cards of existing highlights (edit, delete, undo), and short
 * notices. Every write goes through `actions` (messages to the background); when one fails the
 * form stays open with the reader's words in it and says why. An orphan's card offers the copy of
 * its words the background's anchoring found elsewhere on the page; only the reader's "Attach
 * here" moves the highlight there (re-described on that copy, revision checked like an edit).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeText } from '@/utils/anchoring/selectors';
import { selectText, trimStretch } from '@/utils/anchoring/select-text';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { NewAnnotation } from '@/utils/db/annotations-repo';
import type { Result } from '@/utils/messaging/result';
import type { ArticleBridge, EditorRequest } from '@/utils/page/editor-bridge';
import type { AnnotationColor, ColorNames } from '@/utils/settings/color-names';
import { excerpt } from '@/utils/text/excerpt';
import { textHash } from '@/utils/text/hash';
import { AnnotationCards, type AttachState, type CardItem } from './AnnotationCards';
import type { ComponentType } from 'preact';
import { draftTags, emptyDraft, isDirty, type AnnotationFormProps, type Draft } from '@/components/common/AnnotationForm';
import { mergeDraft, type Conflict } from '@/components/common/merge-draft';
import { newId } from '@/utils/ids';
import { HighlightToolbar } from './HighlightToolbar';

export interface EditorActions {
  /** Saving again with the same id is safe: the background answers the stored record. */
  save(annotation: NewAnnotation & { id: string }): Promise<Result<AnnotationRecord>>;
  /** Refused with a 'conflict' error (carrying the stored record) when `baseRev` is no longer current. */
  update(edit: { id: string; baseRev: number; note: string; tags: string[]; color: AnnotationColor }): Promise<Result<AnnotationRecord>>;
  /** Moves an orphan to the copy of its words the reader accepted; refused with a 'conflict' like `update`. */
  reattach(passage: Pick<AnnotationRecord, 'id' | 'quote' | 'position' | 'textHash'> & { baseRev: number }): Promise<Result<AnnotationRecord>>;
  remove(id: string): Promise<Result<AnnotationRecord>>;
  restore(annotation: AnnotationRecord): Promise<Result<AnnotationRecord>>;
  listTags(): Promise<Result<string[]>>;
}

export interface EditorProps {
  bridge: ArticleBridge;
  actions: EditorActions;
  colorNames: ColorNames;
  /** The latest request; a new `seq` is a new request. */
  request: { seq: number; request: EditorRequest } | null;
  /** Gloss's shadow host: a click inside it is not a click elsewhere. */
  host: Element;
  /** Shows (or clears, with null) the stretch a new highlight will cover. */
  onPending: (stretch: { start: number; end: number } | null) => void;
  /** The note form: in the page, an iframe of Gloss's own (NoteFrame), so typing is out of the page's sight. */
  Form: ComponentType<AnnotationFormProps>;
}

// A new highlight's id is made when the toolbar opens, before the first try to save it: a retry
// (after an answer that never came) sends the same id, and the background never stores it twice.
type View =
  | { kind: 'closed' }
  | { kind: 'toolbar'; start: number; end: number; id: string }
  | { kind: 'compose'; start: number; end: number; id: string; focus: 'note' | 'tags' }
  | { kind: 'cards'; ids: string[]; editing: string | null };

const UNDO_MS = 10_000;

export function Editor({ bridge, actions, colorNames, request, host, onPending, Form }: EditorProps) {
  const [view, setView] = useState<View>({ kind: 'closed' });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; undo?: AnnotationRecord } | null>(null);
  const [lastColor, setLastColor] = useState<AnnotationColor>('yellow');
  const [suggestions, setSuggestions] = useState<string[]>([]);
  /** The record an edit is based on (its revision is what the update names), and a refused edit's two versions. */
  const [base, setBase] = useState<AnnotationRecord | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [attaching, setAttaching] = useState<AttachState | null>(null);
  /** Records as the background last answered them, until the page's placement catches up. */
  const [recent, setRecent] = useState(new Map<string, AnnotationRecord>());
  const [, setTick] = useState(0);
  const rerender = () => setTick((n) => n + 1);

  useEffect(() => {
    bridge.onChange = rerender;
    return () => (bridge.onChange = undefined);
  }, [bridge]);

  const editingRecord = view.kind === 'cards' && view.editing ? find(view.editing)?.annotation : undefined;
  const dirty = isDirty(draft, editingRecord);
  const close = () => {
    setView({ kind: 'closed' });
    setDraft(null);
    setError(null);
    setBase(null);
    setConflict(null);
    setAttaching(null);
  };

  function find(id: string): CardItem | null {
    const fresh = recent.get(id);
    const newer = (stored: AnnotationRecord) => (fresh && fresh.rev > stored.rev ? fresh : stored);
    const placed = bridge.placement.placed.find((p) => p.annotation.id === id);
    if (placed) return { annotation: newer(placed.annotation), status: placed.changed ? 'changed' : 'placed' };
    const orphan = bridge.placement.orphans.find((a) => a.id === id);
    if (!orphan) return null;
    const annotation = newer(orphan);
    // The copy was found for the passage the placement holds: offered while the record shown is
    // still described there (not once an attach, here or elsewhere, has moved it).
    const found = bridge.placement.suggestions?.find((s) => s.id === id);
    const model = bridge.model;
    const offer =
      found && model && samePassage(annotation, orphan) ? { start: found.start, end: found.end, words: excerpt(model.text, found.start, found.end) } : undefined;
    return { annotation, status: 'orphan', ...(offer && { offer }) };
  }

  const loadTags = () => void actions.listTags().then((result) => result.ok && setSuggestions(result.value));

  const compose = (start: number, end: number, focus: 'note' | 'tags', id = newId()) => {
    setView({ kind: 'compose', start, end, focus, id });
    setDraft((current) => current ?? emptyDraft(lastColor));
    setError(null);
    loadTags();
  };

  // Each new request from the page (a selection, a mention, a click on a highlight).
  useEffect(() => {
    if (!request) return;
    const { request: asked } = request;
    const model = bridge.model;
    if (!model) return;
    if (asked.kind === 'annotations') {
      if (dirty) return setNotice({ text: 'Save or cancel the note you are writing first.' });
      setDraft(null);
      setError(null);
      setAttaching(null);
      return setView({ kind: 'cards', ids: asked.ids, editing: null });
    }
    if (dirty) return; // never drop what the reader is writing for a new selection
    const selection = getSelection();
    // The shortcut with the caret in a highlight (caret browsing) opens its cards: the keyboard's
    // way to what a click on a highlight does.
    if (asked.kind === 'selection' && asked.explicit && selection?.isCollapsed && selection.focusNode) {
      const at = model.offsetAt(selection.focusNode, selection.focusOffset);
      const ids = bridge.placement.placed.filter(({ start, end }) => start <= at && at <= end).map((p) => p.annotation.id);
      if (ids.length) return setView({ kind: 'cards', ids, editing: null });
    }
    const picked =
      asked.kind === 'range'
        ? trimStretch(model.text, asked.start, asked.end)
        : selection && !selection.isCollapsed && selection.rangeCount
          ? selectText(model, selection.getRangeAt(0))
          : { error: 'Select some text in the article to highlight it.' };
    if ('error' in picked) {
      // A stray click or a blank selection is not a request; the shortcut and a long selection are.
      const said = asked.kind !== 'selection' || asked.explicit || picked.error.startsWith('That selection');
      if (said) setNotice({ text: picked.error });
      if (view.kind === 'toolbar') close();
      return;
    }
    setNotice(null);
    if (asked.kind === 'selection' && !asked.explicit) {
      setDraft(null);
      setView({ kind: 'toolbar', ...picked, id: newId() });
    } else {
      compose(picked.start, picked.end, 'note');
    }
  }, [request?.seq]);

  // The stretch being highlighted stays marked while the reader types (the selection moves away).
  const pending = view.kind === 'toolbar' || view.kind === 'compose' ? view : null;
  useEffect(() => {
    onPending(pending && { start: pending.start, end: pending.end });
  }, [pending?.start, pending?.end]);

  // Follow the text while the page scrolls; a click elsewhere or Escape closes what holds no words.
  useEffect(() => {
    if (view.kind === 'closed') return;
    const abort = new AbortController();
    const options = { passive: true, capture: true, signal: abort.signal };
    addEventListener('scroll', rerender, options);
    addEventListener('resize', rerender, options);
    document.addEventListener(
      'mousedown',
      (event) => {
        if (!event.composedPath().includes(host) && !dirty) close();
      },
      options,
    );
    document.addEventListener('keydown', (event) => event.key === 'Escape' && !dirty && close(), options);
    return () => abort.abort();
  }, [view.kind, dirty]);

  // Leaving or reloading the page with words not yet saved asks first.
  useEffect(() => {
    if (!dirty) return;
    const keep = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    addEventListener('beforeunload', keep);
    return () => removeEventListener('beforeunload', keep);
  }, [dirty]);

  // Notices (a delete's undo above all) go to the top layer, where the page's stacking, opacity,
  // filters and clips on Gloss's ancestors cannot hide them.
  const toast = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = toast.current;
    if (el && !el.matches(':popover-open')) el.showPopover?.();
  }, [notice]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), notice.undo ? UNDO_MS : 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  const remember = (record: AnnotationRecord) => setRecent((map) => new Map(map).set(record.id, record));

  const saveNew = async (id: string, start: number, end: number, color: AnnotationColor, written: Draft | null) => {
    const articleId = bridge.articleId;
    const model = bridge.model;
    if (!articleId || !model) {
      // The page is being read again (it changed or navigated): keep the words, say so.
      setDraft(written ?? emptyDraft(color));
      setView({ kind: 'compose', start, end, id, focus: 'note' });
      setError('Not saved: the page is changing under this note. Your note is still here; try again in a moment.');
      return;
    }
    setBusy(true);
    // Done with the selection: cleared now, not after the answer, when the reader may have made another.
    getSelection()?.removeAllRanges();
    const result = await actions.save({
      id,
      articleId,
      ...describeText(model.text, start, end),
      color,
      note: written?.note ?? '',
      tags: written ? draftTags(written) : [],
      textHash: textHash(model.text),
    });
    setBusy(false);
    setLastColor(color);
    if (!result.ok) {
      // Nothing is lost: the form stays (or opens) with what was written, and says why.
      setDraft(written ?? emptyDraft(color));
      setView({ kind: 'compose', start, end, id, focus: 'note' });
      setError(`Not saved: ${result.error.message}. Your note is still here; try again.`);
      return;
    }
    remember(result.value);
    close();
  };

  const saveEdit = async (id: string, written: Draft) => {
    const basedOn = base ?? find(id)?.annotation;
    if (!basedOn) return setError('Not saved: this highlight no longer exists. Your changes are still here.');
    setBusy(true);
    const result = await actions.update({ id, baseRev: basedOn.rev, note: written.note, tags: draftTags(written), color: written.color });
    setBusy(false);
    if (!result.ok) {
      const current = result.error.code === 'conflict' ? result.error.current : undefined;
      if (!current) return setError(`Not saved: ${result.error.message}. Your changes are still here; try again.`);
      // Changed elsewhere since the form opened: show both, hold their merge, based on the stored one.
      const merged = mergeDraft(basedOn, written, current);
      remember(current);
      setBase(current);
      setDraft(merged.draft);
      setConflict(merged.conflict);
      return setError(null);
    }
    remember(result.value);
    setDraft(null);
    setError(null);
    setBase(null);
    setConflict(null);
    setView({ kind: 'cards', ids: view.kind === 'cards' ? view.ids : [id], editing: null });
  };

  const remove = async (id: string) => {
    const result = await actions.remove(id);
    if (!result.ok) return setNotice({ text: `Not deleted: ${result.error.message}` });
    const ids = view.kind === 'cards' ? view.ids.filter((other) => other !== id) : [];
    if (ids.length) setView({ kind: 'cards', ids, editing: null });
    else close();
    setNotice({ text: 'Highlight deleted.', undo: result.value });
  };

  // The reader accepted the copy offered for an orphan: re-described on it, in the text the page
  // reads now (its fingerprint too, so the announced record is placed without asking again),
  // based on the revision the card shows, like an edit.
  const attach = async (id: string) => {
    const item = find(id);
    const model = bridge.model;
    if (!item?.offer || !model || attaching?.busy) return;
    const { annotation, offer } = item;
    setAttaching({ id, busy: true, error: null });
    const result = await actions.reattach({ id, baseRev: annotation.rev, ...describeText(model.text, offer.start, offer.end), textHash: textHash(model.text) });
    if (!result.ok) {
      const current = result.error.code === 'conflict' ? result.error.current : undefined;
      if (!current) return setAttaching({ id, busy: false, error: `Not attached: ${result.error.message}. Try again.` });
      // Changed elsewhere since the card showed it: the stored version is shown, and the reader decides again.
      remember(current);
      return setAttaching({ id, busy: false, error: 'Not attached: this highlight was changed elsewhere meanwhile. Its latest version is shown; attach it again if it still belongs here.' });
    }
    remember(result.value);
    setAttaching(null);
    setNotice({ text: 'Highlight attached here.' });
    bridge.reveal?.(offer.start, offer.end);
  };

  const undo = async (record: AnnotationRecord) => {
    const result = await actions.restore(record);
    setNotice(result.ok ? null : { text: `Could not undo: ${result.error.message}` });
  };

  const box = boxOf(bridge, view);
  const form = draft && (
    <Form
      draft={draft}
      colorNames={colorNames}
      suggestions={suggestions}
      focus={view.kind === 'compose' ? view.focus : 'note'}
      busy={busy}
      error={error}
      conflict={conflict}
      onDraft={setDraft}
      onSave={() => {
        if (view.kind === 'compose') void saveNew(view.id, view.start, view.end, draft.color, draft);
        else if (view.kind === 'cards' && view.editing) void saveEdit(view.editing, draft);
      }}
      onCancel={close}
      onDelete={view.kind === 'cards' && view.editing ? () => void remove(view.editing as string) : undefined}
    />
  );

  const items = view.kind === 'cards' ? view.ids.map(find).filter((item): item is CardItem => item !== null) : [];
  return (
    <div class="gloss-editor" onKeyDown={(event) => event.key === 'Escape' && !dirty && close()}>
      {view.kind === 'toolbar' && (
        <div class="float" style={place(box, 'above')}>
          <HighlightToolbar
            colorNames={colorNames}
            onPick={(color) => void saveNew(view.id, view.start, view.end, color, null)}
            onExpand={(focus) => compose(view.start, view.end, focus, view.id)}
          />
        </div>
      )}
      {view.kind === 'compose' && (
        <div class="float panel-box" style={place(box, 'below')}>
          {form}
        </div>
      )}
      {view.kind === 'cards' && items.length > 0 && (
        <div class="float panel-box" style={place(box, 'below')}>
          <AnnotationCards
            items={items}
            colorNames={colorNames}
            editing={view.editing}
            form={form}
            onEdit={(id) => {
              const record = find(id)?.annotation;
              if (!record) return;
              setDraft({ color: record.color as AnnotationColor, note: record.note, tags: [...record.tags], tagText: '' });
              setBase(record);
              setConflict(null);
              setError(null);
              setView({ ...view, editing: id });
              loadTags();
            }}
            onDelete={(id) => void remove(id)}
            onClose={close}
            onShowOffer={(id) => {
              const offer = find(id)?.offer;
              if (offer) bridge.reveal?.(offer.start, offer.end);
            }}
            onAttach={(id) => void attach(id)}
            attach={attaching}
          />
        </div>
      )}
      {notice && (
        <div class="toast" role="status" data-testid="notice" popover="manual" ref={toast}>
          {notice.text}
          {notice.undo && (
            <button type="button" data-testid="undo" onClick={() => void undo(notice.undo as AnnotationRecord)}>
              Undo
            </button>
          )}
          <button type="button" class="close" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

/** Whether two versions of a record describe the same passage (an edit of its note or tags keeps it). */
function samePassage(a: AnnotationRecord, b: AnnotationRecord): boolean {
  return (
    a.textHash === b.textHash &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix
  );
}

/** The on-screen box of what the editor is showing, or null (an orphan: no place in the text). */
function boxOf(bridge: ArticleBridge, view: View): DOMRect | null {
  const model = bridge.model;
  if (!model || view.kind === 'closed') return null;
  const stretch =
    view.kind === 'cards' ? bridge.placement.placed.find((p) => view.ids.includes(p.annotation.id)) : { start: view.start, end: view.end };
  return (stretch && model.range(stretch.start, stretch.end)?.getBoundingClientRect()) ?? null;
}

/** Fixed position next to `box` (above or below it), kept on screen; top right without a box. */
function place(box: DOMRect | null, side: 'above' | 'below') {
  if (!box) return { right: '16px', top: '16px' };
  const left = Math.max(8, Math.min(box.left, innerWidth - 360));
  const top = side === 'above' && box.top > 56 ? box.top - 48 : Math.min(box.bottom + 8, Math.max(8, innerHeight - 420));
  return { left: `${left}px`, top: `${top}px` };
}
