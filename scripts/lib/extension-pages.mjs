// @ts-check
/** Gloss's extension pages as the bench drives them: a backup imported through the popup, first paints. */

/**
 * Imports the backup `file` through the popup's own import in `page` (left open on the popup's
 * settings), as a reader would; answers the milliseconds from choosing the file to the report.
 * @param {import('playwright-core').Page} page
 * @param {string} extensionId
 * @param {string} file
 */
export async function importBackup(page, extensionId, file) {
  await page.goto(`chrome-extension://${extensionId}/popup.html?section=settings`);
  const start = Date.now();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('exchange-status').filter({ hasText: 'added' }).waitFor({ timeout: 300_000 });
  return Date.now() - start;
}

/**
 * Chooses, in the popup's settings on `page`, to keep a copy of every article read, as a reader
 * would: with it, each article the bench reads is stored as a version (issue 14's "versions on").
 * @param {import('playwright-core').Page} page
 * @param {string} extensionId
 */
export async function keepEveryArticle(page, extensionId) {
  await page.goto(`chrome-extension://${extensionId}/popup.html?section=settings`);
  await page.getByTestId('settings-versions').locator('summary').click();
  await page.getByTestId('keep-versions-all').check();
  // Kept: the popup opened again shows it chosen (the background reads the same storage).
  await page.reload();
  await page.getByTestId('settings-versions').locator('summary').click();
  await page.locator('[data-testid="keep-versions-all"]:checked').waitFor({ timeout: 10_000 });
}

/**
 * Every record of `store` in Gloss's database, read as it is from `target`: an extension page or
 * the extension's worker (the browser tests read what the reader has stored so; the bench reads
 * the stored versions' sizes).
 * @param {{ evaluate: (read: (name: string) => Promise<unknown[]>, name: string) => Promise<unknown[]> }} target
 *   a Playwright `Page` or `Worker`
 * @param {string} store
 * @returns {Promise<unknown[]>}
 */
export async function glossRecords(target, store) {
  return target.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('gloss');
        // Never made here: opened before Gloss made it, it would be an empty database of version 1.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => reject(new Error(`Gloss's database could not be read (${open.error?.name}): has Gloss opened it yet?`));
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => (open.result.close(), resolve(request.result));
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/**
 * The first paints of `url` in `runs` freshly opened pages: navigation start to the performance
 * mark `mark`, or to the first paint when `mark` is null.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @param {string | null} mark
 * @param {number} runs
 */
export async function firstPaints(context, url, mark, runs) {
  const paints = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(url);
    // (Written out in each: a function handed to the page is its source, and the page runs no eval.)
    await page.waitForFunction((name) => (name ? performance.getEntriesByName(name) : performance.getEntriesByType('paint')).length > 0, mark, { timeout: 60_000 });
    paints.push(await page.evaluate((name) => (name ? performance.getEntriesByName(name) : performance.getEntriesByType('paint'))[0]?.startTime ?? NaN, mark));
    await page.close();
  }
  return paints;
}

/**
 * Waits until the background has filled in the library across articles after an import (every
 * stored article's mentions recorded and brought into the summaries, every stored version's keys
 * learned: entrypoints/background/backfill.ts), reading Gloss's database from `page`, an extension
 * page. Answers the milliseconds waited and whether the library came to rest before `timeoutMs`.
 * @param {import('playwright-core').Page} page
 * @param {number} [timeoutMs]
 */
export async function waitForLibraryAtRest(page, timeoutMs = 240_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const state = await page.evaluate(libraryFillState);
    if (state.articles > 0 && state.mentions > 0 && state.pending === 0 && state.keyed === state.versions) return { waitedMs: Date.now() - start, atRest: true };
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  return { waitedMs: Date.now() - start, atRest: false };
}

/** In an extension page: how far the background's filling has come, read from the database as it is. */
function libraryFillState() {
  return /** @type {Promise<{ articles: number, mentions: number, pending: number, versions: number, keyed: number }>} */ (
    new Promise((resolve, reject) => {
      const request = indexedDB.open('gloss');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction(['articles', 'mentions', 'pendingMentions', 'versions'], 'readonly');
        const state = { articles: 0, mentions: 0, pending: 0, versions: 0, keyed: 0 };
        const count = (/** @type {'articles' | 'mentions' | 'pending'} */ field, /** @type {string} */ store) => {
          const counted = tx.objectStore(store).count();
          counted.onsuccess = () => (state[field] = counted.result);
        };
        count('articles', 'articles');
        count('mentions', 'mentions');
        count('pending', 'pendingMentions');
        const cursor = tx.objectStore('versions').openCursor();
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return;
          state.versions += 1;
          if (at.value.keys) state.keyed += 1;
          at.continue();
        };
        tx.oncomplete = () => {
          db.close();
          resolve(state);
        };
      };
    })
  );
}
