import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnotationForm } from '@/components/common/AnnotationForm';
import { Editor, type EditorActions } from '@/components/page/Editor';
import { anchorAll } from '@/utils/anchoring/anchor-all';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { describeText } from '@/utils/anchoring/selectors';
import { fail, ok, type Result } from '@/utils/messaging/result';
import type { ArticleBridge, EditorRequest } from '@/utils/page/editor-bridge';
import { DEFAULT_COLOR_NAMES } from '@/utils/settings/color-names';
import { buildTextModel } from '@/utils/text/build-text-model';
import { textHash } from '@/utils/text/hash';

const ARTICLE = 'https://news.example/a';

function record(text: string, quote: string, id: string, note: string): AnnotationRecord {
  const start = text.indexOf(quote);
  return { id, articleId: ARTICLE, ...describeText(text, start, start + quote.length), color: 'yellow', note, tags: ['t'], createdAt: 1, updatedAt: 1, textHash: textHash(text), rev: 1 };
}

describe('components/page/Editor', () => {
  let root: HTMLElement;
  let host: HTMLElement;
  let bridge: ArticleBridge;
  let actions: { [K in keyof EditorActions]: ReturnType<typeof vi.fn> };
  let seq = 0;

  beforeEach(() => {
    document.body.innerHTML = '<article><p>Kim Jong Un visited Songchon County on Feb. 28.</p><p>He spoke of the 20×10 policy.</p></article>';
    const model = buildTextModel(document.querySelector('article')!);
    bridge = { articleId: ARTICLE, model, placement: { placed: [], orphans: [] }, pending: null };
    actions = {
      save: vi.fn(async (a: Omit<AnnotationRecord, 'id' | 'createdAt' | 'updatedAt'>) => ok({ ...a, id: 'new', createdAt: 2, updatedAt: 2 })),
      update: vi.fn(),
      reattach: vi.fn(),
      remove: vi.fn(),
      restore: vi.fn(async (a: AnnotationRecord) => ok(a)),
      listTags: vi.fn(async () => ok(['policy', 'speech'])),
    };
    host = document.createElement('gloss-editor');
    root = document.createElement('div');
    host.append(root);
    document.body.append(host);
  });
  afterEach(() => render(null, root));

  const show = async (request: EditorRequest | null) => {
    await act(() => {
      render(
        <Editor
          bridge={bridge}
          actions={actions as unknown as EditorActions}
          colorNames={DEFAULT_COLOR_NAMES}
          request={request && { seq: ++seq, request }}
          host={host}
          onPending={() => undefined}
          Form={AnnotationForm}
        />,
        root,
      );
    });
  };
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const type = async (selector: string, value: string) => {
    const field = $<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    await act(() => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const click = async (selector: string) => {
    await act(() => $<HTMLElement>(selector)!.click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  };

  it('keeps every word of a note when the save fails, says why, and saves on retry', async () => {
    const text = bridge.model!.text;
    await show({ kind: 'range', start: text.indexOf('Songchon'), end: text.indexOf('County') + 6 });
    await type('[data-testid="note-input"]', 'Where the **speech** was given');
    await type('[data-testid="tag-input"]', 'places');
    actions.save.mockResolvedValueOnce(fail('failed', 'QuotaExceededError: the disk is full'));
    await click('[data-testid="save"]');
    expect($('[data-testid="form-error"]')?.textContent).toContain('QuotaExceededError: the disk is full');
    expect($<HTMLTextAreaElement>('[data-testid="note-input"]')?.value).toBe('Where the **speech** was given');
    expect($<HTMLInputElement>('[data-testid="tag-input"]')?.value).toBe('places');

    await click('[data-testid="save"]');
    expect(actions.save).toHaveBeenCalledTimes(2);
    expect(actions.save.mock.calls[1]![0]).toMatchObject({
      articleId: ARTICLE,
      quote: { type: 'TextQuoteSelector', exact: 'Songchon County', prefix: 'Kim Jong Un visited ' },
      position: { start: text.indexOf('Songchon') },
      note: 'Where the **speech** was given',
      tags: ['places'],
      textHash: textHash(text),
    });
    expect($('form')).toBeNull();
  });

  it('refuses to save a 1 MB note but keeps it whole, and shows a tag with markup as text', async () => {
    await show({ kind: 'range', start: 0, end: 11 });
    const huge = 'n'.repeat(1024 * 1024);
    await type('[data-testid="note-input"]', huge);
    expect($('[data-testid="form-error"]')?.textContent).toContain('at most 100,000');
    expect($<HTMLButtonElement>('[data-testid="save"]')?.disabled).toBe(true);
    expect($<HTMLTextAreaElement>('[data-testid="note-input"]')?.value).toHaveLength(huge.length);

    await type('[data-testid="tag-input"]', '<img src=x onerror=alert(1)>');
    const input = $<HTMLInputElement>('[data-testid="tag-input"]')!;
    await act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect($('.chip')?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
  });

  it('shows overlapping highlights as cards with their own notes; delete can be undone', async () => {
    const text = bridge.model!.text;
    const outer = record(text, 'Kim Jong Un visited Songchon County', 'outer', 'the visit');
    const inner = record(text, 'Songchon', 'inner', 'the place');
    bridge.placement = anchorAll([outer, inner], text);
    await show({ kind: 'annotations', ids: ['outer', 'inner'] });
    expect([...root.querySelectorAll('[data-testid="note-card"] .note')].map((n) => n.textContent)).toEqual(['the visit', 'the place']);

    actions.remove.mockResolvedValueOnce(ok(inner));
    await click('[data-id="inner"] [data-testid="delete"]');
    expect(actions.remove).toHaveBeenCalledWith('inner');
    expect([...root.querySelectorAll('[data-testid="note-card"]')].map((n) => n.getAttribute('data-id'))).toEqual(['outer']);
    expect($('[data-testid="notice"]')?.textContent).toContain('Highlight deleted.');
    await click('[data-testid="undo"]');
    expect(actions.restore).toHaveBeenCalledWith(inner);
  });

  it('marks a highlight whose article changed, and an orphan with its quote', async () => {
    const text = bridge.model!.text;
    const changed = { ...record(text, 'Feb. 28', 'changed', ''), textHash: 'older' };
    const orphan = { ...record(text, 'Feb. 28', 'orphan', 'lost one'), quote: { type: 'TextQuoteSelector' as const, exact: 'a sentence the outlet removed', prefix: '', suffix: '' } };
    bridge.placement = anchorAll([changed, orphan], text);
    await show({ kind: 'annotations', ids: ['changed', 'orphan'] });
    expect($('[data-id="changed"] .badge-changed')?.textContent).toBe('article changed');
    expect($('[data-id="orphan"] .badge-orphan')).not.toBeNull();
    expect($('[data-id="orphan"] .quote')?.textContent).toBe('a sentence the outlet removed');
  });

  it('says nothing for a stray blank selection, but explains an empty one asked for by shortcut', async () => {
    getSelection()?.removeAllRanges();
    await show({ kind: 'selection' });
    expect($('[data-testid="notice"]')).toBeNull();
    expect($('.toolbar')).toBeNull();
    await show({ kind: 'selection', explicit: true });
    expect($('[data-testid="notice"]')?.textContent).toContain('Select some text in the article');
  });
});

describe('components/page/Editor from the keyboard', () => {
  it('opens the cards of the highlight the caret is in when the shortcut is pressed', async () => {
    document.body.innerHTML = '<article><p>Kim Jong Un visited Songchon County on Feb. 28.</p></article>';
    const model = buildTextModel(document.querySelector('article')!);
    const text = model.text;
    const start = text.indexOf('Songchon');
    const annotation: AnnotationRecord = {
      id: 'here',
      articleId: ARTICLE,
      ...describeText(text, start, start + 15),
      color: 'green',
      note: 'the county',
      tags: [],
      createdAt: 1,
      updatedAt: 1,
      textHash: textHash(text),
      rev: 1,
    };
    const bridge: ArticleBridge = { articleId: ARTICLE, model, placement: anchorAll([annotation], text), pending: null };
    const host = document.createElement('gloss-editor');
    const root = document.createElement('div');
    host.append(root);
    document.body.append(host);
    const node = document.querySelector('p')!.firstChild!;
    getSelection()!.collapse(node, start + 3);
    const actions = { listTags: vi.fn(async () => ok([])) } as unknown as EditorActions;
    await act(() =>
      render(
        <Editor bridge={bridge} actions={actions} colorNames={DEFAULT_COLOR_NAMES} request={{ seq: 1, request: { kind: 'selection', explicit: true } }} host={host} onPending={() => undefined} Form={AnnotationForm} />,
        root,
      ),
    );
    expect(root.querySelector('[data-testid="note-card"]')?.getAttribute('data-id')).toBe('here');
    render(null, root);
  });
});

describe('components/page/Editor keeps unsaved words', () => {
  it('asks before the page is left while a note is being written, and not after it is saved', async () => {
    document.body.innerHTML = '<article><p>Kim Jong Un visited Songchon County on Feb. 28.</p></article>';
    const model = buildTextModel(document.querySelector('article')!);
    const bridge: ArticleBridge = { articleId: ARTICLE, model, placement: { placed: [], orphans: [] }, pending: null };
    const host = document.createElement('gloss-editor');
    const root = document.createElement('div');
    host.append(root);
    document.body.append(host);
    const actions = {
      listTags: vi.fn(async () => ok([])),
      save: vi.fn(async (a: AnnotationRecord) => ok({ ...a, id: 'x', createdAt: 1, updatedAt: 1 })),
    } as unknown as EditorActions;
    const show = (request: EditorRequest) =>
      act(() => render(<Editor bridge={bridge} actions={actions} colorNames={DEFAULT_COLOR_NAMES} request={{ seq: 1, request }} host={host} onPending={() => undefined} Form={AnnotationForm} />, root));
    const leaving = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    await show({ kind: 'range', start: 0, end: 11 });
    expect(leaving()).toBe(false);
    const note = root.querySelector<HTMLTextAreaElement>('[data-testid="note-input"]')!;
    await act(() => {
      note.value = 'half a thought';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(leaving()).toBe(true);

    // The page is read again while the form is open: a save keeps the words and says why.
    bridge.model = null;
    await act(() => root.querySelector<HTMLElement>('[data-testid="save"]')!.click());
    expect(root.querySelector('[data-testid="form-error"]')?.textContent).toContain('the page is changing');
    expect(root.querySelector<HTMLTextAreaElement>('[data-testid="note-input"]')!.value).toBe('half a thought');

    bridge.model = model;
    await act(() => root.querySelector<HTMLElement>('[data-testid="save"]')!.click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(root.querySelector('form')).toBeNull();
    expect(leaving()).toBe(false);
    render(null, root);
  });
});

describe('components/page/Editor offers an orphan the copy of its words', () => {
  const QUOTE = 'He spoke of the 20×10 policy for regional factories';
  const BEFORE = `<article><p>Kim Jong Un visited Songchon County on Feb. 28.</p><p>${QUOTE}, the report said.</p><figure><figcaption>Pictured: ${QUOTE} (KCNA)</figcaption></figure><p>Officials listened.</p></article>`;
  // The outlet cut the paragraph: the words remain only in the caption.
  const AFTER = BEFORE.replace(`<p>${QUOTE}, the report said.</p>`, '');
  let root: HTMLElement;
  let host: HTMLElement;
  let bridge: ArticleBridge;
  let orphan: AnnotationRecord;
  let reveal: ReturnType<typeof vi.fn>;
  let reattach: ReturnType<typeof vi.fn<(passage: unknown) => Promise<Result<AnnotationRecord>>>>;
  let copy: { start: number; end: number };
  let seq = 0;

  beforeEach(() => {
    document.body.innerHTML = BEFORE;
    const then = buildTextModel(document.querySelector('article')!).text;
    orphan = record(then, QUOTE, 'lost', 'the policy line');
    document.body.innerHTML = AFTER;
    const model = buildTextModel(document.querySelector('article')!);
    const placement = anchorAll([orphan], model.text);
    reveal = vi.fn(() => true);
    bridge = { articleId: ARTICLE, model, placement, pending: null, reveal: reveal as unknown as ArticleBridge['reveal'] };
    const at = model.text.indexOf(QUOTE);
    copy = { start: at, end: at + QUOTE.length };
    reattach = vi.fn();
    host = document.createElement('gloss-editor');
    root = document.createElement('div');
    host.append(root);
    document.body.append(host);
  });
  afterEach(() => render(null, root));

  const show = () =>
    act(() =>
      render(
        <Editor
          bridge={bridge}
          actions={{ reattach, listTags: vi.fn(async () => ok([])) } as unknown as EditorActions}
          colorNames={DEFAULT_COLOR_NAMES}
          request={{ seq: ++seq, request: { kind: 'annotations', ids: ['lost'] } }}
          host={host}
          onPending={() => undefined}
          Form={AnnotationForm}
        />,
        root,
      ),
    );
  const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
  const click = async (selector: string) => {
    await act(() => $(selector)!.click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  };

  it('shows the copy with Show and Attach here, and paints or writes nothing until the reader acts', async () => {
    expect(bridge.placement.orphans.map((a) => a.id)).toEqual(['lost']);
    expect(bridge.placement.suggestions).toEqual([{ id: 'lost', ...copy }]);
    await show();
    expect($('[data-id="lost"] .badge-orphan')).not.toBeNull();
    expect($('[data-testid="offer"]')?.textContent).toContain('Found elsewhere on this page');
    expect($('[data-testid="offer-words"]')?.textContent).toBe(QUOTE);
    expect(reattach).not.toHaveBeenCalled();
    expect(bridge.placement.placed).toEqual([]);

    await click('[data-testid="offer-show"]');
    expect(reveal).toHaveBeenCalledWith(copy.start, copy.end);
    expect(reattach).not.toHaveBeenCalled();
  });

  it('re-describes the highlight on the copy on Attach here, based on the revision shown, and offers it no more', async () => {
    const text = bridge.model!.text;
    const moved: AnnotationRecord = { ...orphan, ...describeText(text, copy.start, copy.end), textHash: textHash(text), rev: 2 };
    reattach.mockResolvedValueOnce(ok(moved));
    await show();
    await click('[data-testid="offer-attach"]');
    expect(reattach).toHaveBeenCalledOnce();
    expect(reattach).toHaveBeenCalledWith({ id: 'lost', baseRev: 1, ...describeText(text, copy.start, copy.end), textHash: textHash(text) });
    expect(reattach.mock.calls[0]![0]).toMatchObject({ quote: { prefix: expect.stringMatching(/Pictured: $/) } });
    // Until the announced change is placed, the moved record is no longer offered the copy.
    expect($('[data-testid="offer"]')).toBeNull();
    expect($('[data-testid="notice"]')?.textContent).toContain('Highlight attached here.');
    expect(reveal).toHaveBeenLastCalledWith(copy.start, copy.end);

    // The announcement placed it: the card is an ordinary highlight's.
    bridge.placement = anchorAll([moved], text);
    await act(() => bridge.onChange?.());
    expect($('[data-id="lost"] .badge-orphan')).toBeNull();
    expect($('[data-id="lost"] .note')?.textContent).toBe('the policy line');
  });

  it('on a conflict shows the stored version and says so, and attaches on the next click based on it', async () => {
    const current: AnnotationRecord = { ...orphan, note: 'changed in the popup meanwhile', rev: 2 };
    reattach.mockResolvedValueOnce({ ok: false, error: { code: 'conflict', message: 'This highlight was changed elsewhere while you edited it', current } });
    await show();
    await click('[data-testid="offer-attach"]');
    expect($('[data-testid="offer-error"]')?.textContent).toContain('changed elsewhere meanwhile');
    expect($('[data-id="lost"] .note')?.textContent).toBe('changed in the popup meanwhile');
    // Still where it was: the copy is still offered, and nothing moved.
    expect($('[data-testid="offer-words"]')?.textContent).toBe(QUOTE);

    reattach.mockResolvedValueOnce(fail('failed', 'QuotaExceededError: the disk is full'));
    await click('[data-testid="offer-attach"]');
    expect(reattach).toHaveBeenCalledTimes(2);
    expect(reattach.mock.calls[1]![0]).toMatchObject({ id: 'lost', baseRev: 2 });
    expect($('[data-testid="offer-error"]')?.textContent).toBe('Not attached: QuotaExceededError: the disk is full. Try again.');
  });

  it('offers nothing when the words are nowhere else on the page', async () => {
    document.body.innerHTML = AFTER.replace(`<figure><figcaption>Pictured: ${QUOTE} (KCNA)</figcaption></figure>`, '');
    bridge.model = buildTextModel(document.querySelector('article')!);
    bridge.placement = anchorAll([orphan], bridge.model.text);
    document.body.append(host);
    await show();
    expect($('[data-id="lost"] .badge-orphan')).not.toBeNull();
    expect($('[data-testid="offer"]')).toBeNull();
  });
});
