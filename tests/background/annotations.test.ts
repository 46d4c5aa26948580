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

const draft = (articleId: string) => ({
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
    expect(sent[0]!.message).toMatchObject({ type: 'annotationsChanged', payload: { articleId: A } });
  });

  it("refuses a frame that claims another tab's article, and writes nothing", async () => {
    await expect(handlers.saveAnnotation(draft(A), tabB)).rejects.toThrow(/not showing/);
    await expect(handlers.saveAnnotation(draft(A), { id: 'gloss', url: A, tab: { id: 9 } })).rejects.toThrow(/not showing/);
    expect(await db.annotations.count()).toBe(0);
    const saved = await handlers.saveAnnotation(draft(A), tabA);
    await expect(handlers.updateAnnotation({ id: saved.id, note: 'hijacked' }, tabB)).rejects.toThrow(/not showing/);
    await expect(handlers.deleteAnnotation({ id: saved.id }, tabB)).rejects.toThrow(/not showing/);
    await expect(handlers.listAnnotations({ articleId: A }, tabB)).rejects.toThrow(/not showing/);
    expect((await db.annotations.get(saved.id))?.note).toBe('the leader');
  });

  it('edits, deletes and restores, announcing each change', async () => {
    const saved = await handlers.saveAnnotation(draft(A), tabA);
    sent = [];
    const edited = await handlers.updateAnnotation({ id: saved.id, note: 'edited', color: 'blue' }, otherTabA);
    expect(edited).toMatchObject({ note: 'edited', color: 'blue', tags: ['speech', 'policy'] });
    const deleted = await handlers.deleteAnnotation({ id: saved.id }, tabA);
    expect(await db.annotations.count()).toBe(0);
    await handlers.restoreAnnotation({ annotation: deleted as never }, tabA);
    expect(withoutWords((await db.annotations.get(saved.id))!)).toEqual(edited);
    expect(sent).toHaveLength(6); // three changes, two tabs each
  });

  it('will not let a restore overwrite another article’s annotation that shares its id', async () => {
    const saved = await handlers.saveAnnotation(draft(B), tabB);
    const forged = { ...saved, articleId: A, note: 'overwritten' };
    await expect(handlers.restoreAnnotation({ annotation: forged as never }, tabA)).rejects.toThrow(/another article/);
    expect((await db.annotations.get(saved.id))?.note).toBe('the leader');
  });

  it('answers a missing annotation with a clear error', async () => {
    await expect(handlers.updateAnnotation({ id: 'gone', note: 'x' }, tabA)).rejects.toThrow('That annotation no longer exists');
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
