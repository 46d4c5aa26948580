import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { annotationHandlers } from '@/entrypoints/background/annotations';
import { forgetTab, rememberTabArticle, takeReveal } from '@/entrypoints/background/tab-articles';
import { describeText } from '@/utils/anchoring/selectors';
import { withoutWords } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import type { Sender } from '@/utils/messaging/envelope';
import { freshDb } from '../support/fresh-db';

const A = 'https://news.example/a';
const B = 'https://news.example/b';
const TEXT = 'Kim Jong Un visited Songchon County on Feb. 28.';
const tabA: Sender = { id: 'gloss', url: A, tab: { id: 1 }, frameId: 0 };
const otherTabA: Sender = { id: 'gloss', url: A, tab: { id: 3 }, frameId: 0 };
const tabB: Sender = { id: 'gloss', url: B, tab: { id: 2 }, frameId: 0 };

let made = 0;
const draft = (articleId: string) => ({
  id: `n${++made}`,
  articleId,
  ...(describeText(TEXT, 0, 11) as { quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }; position: { type: 'TextPositionSelector'; start: number; end: number } }),
  color: 'yellow' as const,
  note: 'the leader',
  tags: [' speech ', 'Speech', 'policy'],
  textHash: 'h',
});

describe('background/annotations', () => {
  let db: GlossDb;
  let handlers: ReturnType<typeof annotationHandlers>;
  let sent: { tabId: number; message: unknown; frameId?: number }[];
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'annotations-handlers');
    handlers = annotationHandlers(db);
    sent = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown, options?: { frameId?: number }) => {
      sent.push({ tabId, message, frameId: options?.frameId });
      return { ok: true, value: null };
    }) as never);
    await rememberTabArticle(tabA, A);
    await rememberTabArticle(otherTabA, A);
    await rememberTabArticle(tabB, B);
  });

  it('saves for the article the frame shows, cleans the tags, and tells every tab showing that article', async () => {
    const saved = await handlers.saveAnnotation(draft(A), tabA);
    expect(saved.tags).toEqual(['speech', 'policy']);
    expect(await db.annotations.count()).toBe(1);
    expect(sent.map((s) => s.tabId).sort()).toEqual([1, 3]);
    // The announcement carries the record as stored, not just "something changed".
    expect(sent[0]!.message).toMatchObject({ type: 'annotationsChanged', payload: { articleId: A, changed: [saved], removed: [] } });
  });

  it("refuses a frame that claims another tab's article, and writes nothing", async () => {
    await expect(handlers.saveAnnotation(draft(A), tabB)).rejects.toThrow(/not showing/);
    await expect(handlers.saveAnnotation(draft(A), { id: 'gloss', url: A, tab: { id: 9 } })).rejects.toThrow(/not showing/);
    expect(await db.annotations.count()).toBe(0);
    const saved = await handlers.saveAnnotation(draft(A), tabA);
    await expect(handlers.updateAnnotation({ id: saved.id, note: 'hijacked', baseRev: 1 }, tabB)).rejects.toThrow(/not showing/);
    await expect(handlers.deleteAnnotation({ id: saved.id }, tabB)).rejects.toThrow(/not showing/);
    await expect(handlers.listAnnotations({ articleId: A }, tabB)).rejects.toThrow(/not showing/);
    expect((await db.annotations.get(saved.id))?.note).toBe('the leader');
  });

  it('edits, deletes and restores, announcing each change', async () => {
    const saved = await handlers.saveAnnotation(draft(A), tabA);
    sent = [];
    const edited = await handlers.updateAnnotation({ id: saved.id, note: 'edited', color: 'blue', baseRev: 1 }, otherTabA);
    expect(edited).toMatchObject({ note: 'edited', color: 'blue', tags: ['speech', 'policy'] });
    const deleted = await handlers.deleteAnnotation({ id: saved.id }, tabA);
    expect(await db.annotations.count()).toBe(0);
    await handlers.restoreAnnotation({ annotation: deleted as never }, tabA);
    expect(withoutWords((await db.annotations.get(saved.id))!)).toEqual(edited);
    expect(sent).toHaveLength(6); // three changes, two tabs each
    expect(sent.map((s) => (s.message as { payload: unknown }).payload)).toEqual([
      { articleId: A, changed: [edited], removed: [] },
      { articleId: A, changed: [edited], removed: [] },
      { articleId: A, changed: [], removed: [saved.id] },
      { articleId: A, changed: [], removed: [saved.id] },
      { articleId: A, changed: [edited], removed: [] },
      { articleId: A, changed: [edited], removed: [] },
    ]);
  });

  it('will not let a restore overwrite another article’s annotation that shares its id', async () => {
    const saved = await handlers.saveAnnotation(draft(B), tabB);
    const forged = { ...saved, articleId: A, note: 'overwritten' };
    await expect(handlers.restoreAnnotation({ annotation: forged as never }, tabA)).rejects.toThrow(/another article/);
    expect((await db.annotations.get(saved.id))?.note).toBe('the leader');
  });

  it('answers a missing annotation with a clear error', async () => {
    await expect(handlers.updateAnnotation({ id: 'gone', note: 'x', baseRev: 1 }, tabA)).rejects.toThrow('That annotation no longer exists');
  });

  it('answers a save sent again with the same id with the stored record: one record, announced as it is', async () => {
    const input = draft(A);
    const first = await handlers.saveAnnotation(input, tabA);
    const again = await handlers.saveAnnotation(input, tabA);
    expect(again).toEqual(first);
    expect(await db.annotations.count()).toBe(1);
  });

  it('refuses an edit based on an old revision with a conflict carrying the stored record, and keeps it', async () => {
    const saved = await handlers.saveAnnotation(draft(A), tabA);
    const fromA = await handlers.updateAnnotation({ id: saved.id, baseRev: 1, note: 'tab A text' }, tabA);
    await expect(handlers.updateAnnotation({ id: saved.id, baseRev: 1, note: 'the leader', tags: ['speech', 'policy', 'b'] }, otherTabA)).rejects.toMatchObject({
      error: { code: 'conflict', current: fromA },
    });
    expect(withoutWords((await db.annotations.get(saved.id))!)).toEqual(fromA);
  });

  it("writes the popup's edits, deletes and undos itself and announces each with its records", async () => {
    const saved = await handlers.saveAnnotation(draft(A), tabA);
    sent = [];
    const popup: Sender = { id: 'gloss', url: 'chrome-extension://gloss/popup.html' };
    const edited = await handlers.libraryUpdate({ id: saved.id, baseRev: 1, note: 'from the popup' }, popup);
    expect(edited).toMatchObject({ note: 'from the popup', rev: 2 });
    await expect(handlers.libraryUpdate({ id: saved.id, baseRev: 1, note: 'stale' }, popup)).rejects.toMatchObject({ error: { code: 'conflict' } });
    const deleted = await handlers.libraryDelete({ id: saved.id }, popup);
    await handlers.libraryRestore({ annotation: deleted as never }, popup);
    const payloads = sent.filter((s) => s.tabId === 1).map((s) => (s.message as { payload: unknown }).payload);
    expect(payloads).toEqual([
      { articleId: A, changed: [edited], removed: [] },
      { articleId: A, changed: [], removed: [saved.id] },
      { articleId: A, changed: [edited], removed: [] },
    ]);
  });

  it("attaches an orphan to the copy the popup accepted: a new revision with new selectors and fingerprint, announced with the record", async () => {
    const saved = await handlers.saveAnnotation(draft(A), tabA);
    await handlers.updateAnnotation({ id: saved.id, baseRev: 1, note: 'edited first' }, tabA);
    sent = [];
    const popup: Sender = { id: 'gloss', url: 'chrome-extension://gloss/popup.html' };
    // The page now holds the words only in a caption.
    const now = `Photo: ${TEXT.slice(0, 11)} at a farm. Officials spoke.`;
    const start = now.indexOf('Kim Jong Un');
    const passage = { ...describeText(now, start, start + 11), textHash: 'now' };
    await expect(handlers.libraryReattach({ id: saved.id, baseRev: 1, ...passage }, popup)).rejects.toMatchObject({ error: { code: 'conflict' } });
    expect(sent).toEqual([]);
    const moved = await handlers.libraryReattach({ id: saved.id, baseRev: 2, ...passage }, popup);
    expect(moved).toMatchObject({ ...passage, note: 'edited first', tags: ['speech', 'policy'], rev: 3 });
    expect(moved.quote.prefix).toBe('Photo: ');
    expect(withoutWords((await db.annotations.get(saved.id))!)).toEqual(moved);
    expect(sent.map((s) => s.tabId).sort()).toEqual([1, 3]);
    expect(sent[0]!.message).toMatchObject({ type: 'annotationsChanged', payload: { articleId: A, changed: [moved], removed: [] } });
    // The same attach sent again after a lost answer is handed back as stored, not a conflict.
    expect(await handlers.libraryReattach({ id: saved.id, baseRev: 2, ...passage }, popup)).toEqual(moved);
  });

  it("attaches an orphan to the copy the page's card offered, for the article the frame shows only, revision checked and announced", async () => {
    const saved = await handlers.saveAnnotation(draft(A), tabA);
    await handlers.updateAnnotation({ id: saved.id, baseRev: 1, note: 'edited in another tab' }, otherTabA);
    sent = [];
    const now = `Photo: ${TEXT.slice(0, 11)} at a farm. Officials spoke.`;
    const start = now.indexOf('Kim Jong Un');
    const passage = { ...describeText(now, start, start + 11), textHash: 'now' };
    // A frame showing another article may not move it, whatever revision it names.
    await expect(handlers.reattachAnnotation({ id: saved.id, baseRev: 2, ...passage }, tabB)).rejects.toThrow(/not showing/);
    await expect(handlers.reattachAnnotation({ id: 'gone', baseRev: 1, ...passage }, tabA)).rejects.toThrow('That annotation no longer exists');
    // The card showed revision 1: refused with the stored record, as an edit would be.
    await expect(handlers.reattachAnnotation({ id: saved.id, baseRev: 1, ...passage }, tabA)).rejects.toMatchObject({
      error: { code: 'conflict', current: expect.objectContaining({ note: 'edited in another tab', rev: 2 }) },
    });
    expect(sent).toEqual([]);
    expect((await db.annotations.get(saved.id))?.position).toEqual(saved.position);

    const moved = await handlers.reattachAnnotation({ id: saved.id, baseRev: 2, ...passage }, tabA);
    expect(moved).toMatchObject({ ...passage, articleId: A, note: 'edited in another tab', rev: 3 });
    expect(withoutWords((await db.annotations.get(saved.id))!)).toEqual(moved);
    expect(sent.map((s) => s.tabId).sort()).toEqual([1, 3]);
    expect(sent[0]!.message).toMatchObject({ type: 'annotationsChanged', payload: { articleId: A, changed: [moved], removed: [] } });
  });

  it('imports a staged file in the background, tells its progress, and announces the new records to the tabs of their article', async () => {
    const existing = await handlers.saveAnnotation(draft(A), tabA);
    sent = [];
    const imported = { ...draft(A), id: 'imported-1', note: 'from the backup', createdAt: 5, updatedAt: 6 };
    const onB = { ...draft(B), id: 'imported-2', createdAt: 5, updatedAt: 6 };
    const { stageImport } = await import('@/utils/export/staged-import');
    const { createBackup } = await import('@/utils/export/backup');
    const { readImportProgress } = await import('@/utils/export/import-progress');
    const backup = createBackup({
      annotations: [imported, onB, { ...existing, note: 'changed by the file' }].map((a) => ({ ...a, tags: ['t'], rev: 1 })) as never,
      articles: [],
      watchlists: [],
      settings: { hiddenTypes: [], hideAll: false, disabledSites: [] },
    });
    const staged = await stageImport('backup.json', JSON.stringify(backup));
    const popup: Sender = { id: 'gloss', url: 'chrome-extension://gloss/popup.html' };
    expect(await handlers.libraryImport({ staged, onDuplicate: 'update' }, popup)).toEqual({
      file: 'backup.json',
      annotations: { added: 2, updated: 1, skipped: 0 },
    });
    expect(await readImportProgress()).toEqual({ file: 'backup.json', state: 'done', added: 2, updated: 1, skipped: 0 });
    // The file's copy of an annotation already stored gets a revision past it: a form based on the old one is refused.
    expect((await db.annotations.get(existing.id))?.rev).toBe(2);
    const toA = sent.filter((s) => s.tabId === 1).map((s) => (s.message as { payload: { changed: { id: string; rev: number }[]; removed: string[] } }).payload);
    expect(toA).toHaveLength(1);
    expect(toA[0]!.changed.map((a) => [a.id, a.rev]).sort()).toEqual([['imported-1', 1], [existing.id, 2]]);
    const toB = sent.filter((s) => s.tabId === 2).map((s) => (s.message as { payload: { changed: { id: string }[] } }).payload);
    expect(toB.map((p) => p.changed.map((a) => a.id))).toEqual([['imported-2']]);
    // The staged file is taken: the same id imports nothing twice.
    await expect(handlers.libraryImport({ staged, onDuplicate: 'update' }, popup)).rejects.toThrow(/no longer there/);
  });

  it('refuses a bad staged file with what is wrong, changes nothing, and says so in its progress', async () => {
    const { stageImport } = await import('@/utils/export/staged-import');
    const { readImportProgress } = await import('@/utils/export/import-progress');
    const staged = await stageImport('bad.json', '{"format":"gloss-backup","version":1}');
    await expect(handlers.libraryImport({ staged, onDuplicate: 'skip' }, { id: 'gloss', url: 'chrome-extension://gloss/popup.html' })).rejects.toThrow(/annotations/);
    expect(await readImportProgress()).toMatchObject({ file: 'bad.json', state: 'failed' });
    expect(await db.annotations.count()).toBe(0);
    expect(sent).toHaveLength(0);
  });

  it('lists the tags in use, for autocomplete', async () => {
    await handlers.saveAnnotation(draft(A), tabA);
    await handlers.saveAnnotation({ ...draft(B), tags: ['<b>bold</b>', 'DPRK'] }, tabB);
    expect(await handlers.listTags({}, tabA)).toEqual(['<b>bold</b>', 'DPRK', 'policy', 'speech']);
  });
});

describe('background/annotations openAnnotation', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'open-annotation');
    const meta = { title: 'A', byline: null, siteName: null, publishedTime: null, lang: null, dir: null, excerpt: null, length: 1 };
    await db.articles.put({ ...meta, id: A, url: `${A}?utm_source=x`, canonicalUrl: null, firstSeenAt: 1, lastSeenAt: 1 });
  });

  it('shows the annotation in the tab already showing its article', async () => {
    const handlers = annotationHandlers(db);
    const tab = await fakeBrowser.tabs.create({ url: A });
    await rememberTabArticle({ id: 'gloss', url: A, tab: { id: tab.id }, frameId: 0 }, A);
    const saved = await handlers.saveAnnotation(draft(A), { id: 'gloss', url: A, tab: { id: tab.id }, frameId: 0 });
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: true } as never);
    vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    expect(await handlers.openAnnotation({ id: saved.id }, { id: 'gloss', url: 'chrome-extension://gloss/popup.html' })).toEqual({ tabId: tab.id });
    expect(sent).toHaveBeenCalledWith(tab.id, expect.objectContaining({ type: 'revealAnnotation', payload: { id: saved.id } }), { frameId: 0 });
  });

  it('opens the article in a new tab that will scroll to it once placed', async () => {
    const handlers = annotationHandlers(db);
    const tab = await fakeBrowser.tabs.create({ url: 'https://elsewhere.example/' });
    await rememberTabArticle({ id: 'gloss', url: A, tab: { id: tab.id }, frameId: 0 }, A);
    const saved = await handlers.saveAnnotation(draft(A), { id: 'gloss', url: A, tab: { id: tab.id }, frameId: 0 });
    await forgetTab(tab.id!);
    const { tabId } = await handlers.openAnnotation({ id: saved.id }, { id: 'gloss', url: 'chrome-extension://gloss/popup.html' });
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe(`${A}?utm_source=x`);
    expect(await takeReveal({ id: 'gloss', tab: { id: tabId }, frameId: 0 })).toBe(saved.id);
    expect(await takeReveal({ id: 'gloss', tab: { id: tabId }, frameId: 0 })).toBeUndefined(); // once
  });

  it('says so when the annotation is gone', async () => {
    await expect(annotationHandlers(db).openAnnotation({ id: 'gone' }, { id: 'gloss' })).rejects.toThrow(/no longer in the library/);
  });
});
