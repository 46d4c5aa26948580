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
