import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { describeText } from '@/utils/anchoring/selectors';
import { createBackup } from '@/utils/export/backup';
import { textHash } from '@/utils/text/hash';
import { glossRecords } from '../../scripts/lib/extension-pages.mjs';
import { EditorPage, paintedTexts } from './support/editor-page';
import { startGloss, waitForStep, type GlossBrowser } from './support/gloss-browser';

/**
 * Writes that must never lose or duplicate the reader's work, in Chromium on the seed page: two
 * tabs editing one note, a save whose answer is lost when the service worker stops, and an
 * import seen by a tab already showing the article.
 */
const SEED = '/shared/seed/kcna-songchon-speech.html';
const PHRASE = 'a typical intermediate, mountainous area in our country';

describe('e2e/writes', () => {
  let gloss: GlossBrowser;
  let library: Page;
  beforeAll(async () => {
    gloss = await startGloss();
    // An extension page of Gloss's own, to read the database whatever happens to the worker.
    library = await gloss.context.newPage();
    await library.goto(`chrome-extension://${gloss.extensionId}/popup.html?tab=0`);
    // The tests read and clear the database directly: not before the popup has made it (opened
    // first from here, it would be an empty database, and the first test's read would never end).
    await library.waitForFunction(async () => (await indexedDB.databases()).some((db) => db.name === 'gloss' && (db.version ?? 0) > 1));
  });
  afterAll(async () => {
    await gloss?.close();
  });

  const stored = async () => (await glossRecords(library, 'annotations')) as AnnotationRecord[];

  const clearLibrary = () =>
    library.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gloss');
          open.onsuccess = () => {
            const tx = open.result.transaction('annotations', 'readwrite');
            tx.objectStore('annotations').clear();
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );

  const openSeed = async () => {
    const page = await gloss.openPage(SEED);
    await waitForStep(page, 'gloss:paint');
    return { page, editor: await EditorPage.attach(page, gloss.extensionId) };
  };

  const openCard = async ({ page, editor }: { page: Page; editor: EditorPage }) => {
    await page.bringToFront();
    const { x, y } = await editor.whereText('intermediate, mountainous');
    await page.mouse.click(x, y);
    await editor.where('[data-testid="note-card"]');
  };

  it('two tabs editing one note: the later save is told of the conflict, sees both texts, and the merge keeps both', async () => {
    await clearLibrary();
    const a = await openSeed();
    await a.editor.select(PHRASE);
    await a.editor.click('[data-testid="toolbar-note"]');
    await a.editor.click('[data-testid="note-input"]');
    await a.page.keyboard.type('base note');
    await a.editor.click('[data-testid="save"]');
    await expect.poll(async () => (await stored()).map((r) => r.note)).toEqual(['base note']);

    // Tab B opens the note's form.
    const b = await openSeed();
    await expect.poll(() => paintedTexts(b.page, 'gloss-note-yellow')).toEqual([PHRASE]);
    await openCard(b);
    await b.editor.click('[data-testid="edit"]');
    await expect.poll(() => b.editor.value('[data-testid="note-input"]')).toBe('base note');

    // Tab A saves a new note text.
    await openCard(a);
    await a.editor.click('[data-testid="edit"]');
    await a.editor.click('[data-testid="note-input"]');
    await a.page.keyboard.press('ControlOrMeta+a');
    await a.page.keyboard.type('tab A text');
    await a.editor.click('[data-testid="save"]');
    await expect.poll(async () => (await stored())[0]?.note).toBe('tab A text');

    // Tab B adds a tag and saves: refused, nothing overwritten, both texts shown.
    await b.page.bringToFront();
    await b.editor.click('[data-testid="tag-input"]');
    await b.page.keyboard.type('from-b');
    await b.page.keyboard.press('Enter');
    await b.editor.click('[data-testid="save"]');
    await expect.poll(() => b.editor.texts('[data-testid="conflict-theirs"]'), { timeout: 10_000 }).toEqual(['tab A text']);
    expect(await b.editor.texts('[data-testid="conflict-mine"]')).toEqual(['base note']);
    expect(await stored()).toMatchObject([{ note: 'tab A text', tags: [], rev: 2 }]);
    // The form holds the merge: A's text and B's tag.
    expect(await b.editor.value('[data-testid="note-input"]')).toBe('tab A text');
    expect(await b.editor.texts('.chip')).toEqual(expect.arrayContaining([expect.stringContaining('from-b')]));

    // The form grew by both versions: its Save is scrolled to, as the reader would.
    await b.editor.noteFrame()!.getByTestId('save').click();
    await expect.poll(async () => (await stored()).map(({ note, tags, rev }) => ({ note, tags, rev }))).toEqual([{ note: 'tab A text', tags: ['from-b'], rev: 3 }]);
    await a.page.close();
    await b.page.close();
    expect(gloss.errors).toEqual([]);
  });

  it('a save whose answer is lost (the worker stopped after storing it) reports saved, and is stored once', async () => {
    await clearLibrary();
    const { page, editor } = await openSeed();
    // The worker stores the highlight, then hangs before answering (its announcement never
    // returns), and is stopped there: the page never hears that the save worked.
    const worker = await gloss.worker();
    await worker.evaluate(() => {
      const never = () => new Promise(() => {});
      for (const ns of [(globalThis as { chrome?: typeof chrome }).chrome, (globalThis as { browser?: typeof chrome }).browser]) {
        if (ns?.tabs) ns.tabs.sendMessage = never as never;
      }
    });
    await editor.select(PHRASE);
    await editor.click('[data-testid="toolbar-note"]');
    await editor.click('[data-testid="note-input"]');
    await page.keyboard.type('said once');
    await editor.click('[data-testid="save"]');
    await expect.poll(async () => (await stored()).length).toBe(1);
    const cdp = await gloss.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    // The reader sees either "saved" at once (Gloss sent it again itself) or "Not saved" and tries again.
    const outcome = async () => {
      if (!editor.formOpen()) return 'saved';
      const error = await editor.texts('[data-testid="form-error"]');
      return error.length ? 'not saved' : 'waiting';
    };
    await expect.poll(outcome, { timeout: 15_000 }).not.toBe('waiting');
    if ((await outcome()) === 'not saved') await editor.click('[data-testid="save"]');
    await expect.poll(outcome, { timeout: 15_000 }).toBe('saved');
    await expect.poll(() => paintedTexts(page, 'gloss-note-yellow'), { timeout: 10_000 }).toEqual([PHRASE]);
    expect((await stored()).map((r) => r.note)).toEqual(['said once']);
    await page.close();
  });

  it('an import seen by an open tab: added and then updated highlights are painted without a reload', async () => {
    await clearLibrary();
    const { page } = await openSeed();
    const article = (await gloss.articleText(page))!;
    const start = article.text.indexOf('intermediate, mountainous');
    const record: AnnotationRecord = {
      id: 'imported-1',
      articleId: article.articleId,
      ...describeText(article.text, start, start + 'intermediate, mountainous'.length),
      color: 'blue',
      note: 'from a backup',
      tags: ['imported'],
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      textHash: textHash(article.text),
      rev: 1,
    };
    // Records as a backup from before revisions holds them (no `rev`): still read, at revision 1.
    const backup = (records: AnnotationRecord[]) =>
      Buffer.from(
        JSON.stringify(
          createBackup({
            annotations: records.map(({ rev: _rev, ...rest }) => rest) as never,
            articles: [],
            watchlists: [],
            settings: { hiddenTypes: [], hideAll: false, disabledSites: [] },
          }),
        ),
      );
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    await popup.page.getByTestId('section-settings').click();
    await popup.page.getByTestId('import-file').setInputFiles({ name: 'add.json', mimeType: 'application/json', buffer: backup([record]) });
    await popup.page.getByTestId('import-confirm').click();
    await expect.poll(() => popup.page.getByTestId('exchange-status').textContent(), { timeout: 15_000 }).toContain('1 added');
    await expect.poll(() => paintedTexts(page, 'gloss-note-blue'), { timeout: 10_000 }).toEqual(['intermediate, mountainous']);

    // The same highlight, changed by a second file the reader takes over the stored one.
    await popup.page.getByTestId('import-file').setInputFiles({ name: 'update.json', mimeType: 'application/json', buffer: backup([{ ...record, color: 'pink' }]) });
    await popup.page.getByText("Take the file's").click();
    await popup.page.getByTestId('import-confirm').click();
    await expect.poll(() => popup.page.getByTestId('exchange-status').textContent(), { timeout: 15_000 }).toContain('1 updated');
    await expect.poll(() => paintedTexts(page, 'gloss-note-pink'), { timeout: 10_000 }).toEqual(['intermediate, mountainous']);
    expect(await paintedTexts(page, 'gloss-note-blue')).toEqual([]);
    expect((await stored()).map(({ color, rev }) => ({ color, rev }))).toEqual([{ color: 'pink', rev: 2 }]);
    expect(gloss.errors).toEqual([]);
  });
});
