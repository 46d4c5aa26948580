import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../scripts/lib/paths.mjs';
import { startGloss, type GlossBrowser } from './support/gloss-browser';
import { readLibraryArticles, writeLibraryArticles } from './support/library-articles';

/**
 * Corrections in the library page (issue 15): of the three articles made from the seed, the June
 * one of the Pyongyang Times calls the Organizational Leadership Department the "Economic Policy
 * Office", so the library holds two keys where the reader knows one. Merging them (on the page,
 * by keyboard) shows one entity in every view, on every open library page, after a reload, and
 * after a backup is carried into a fresh profile, where new readings count under it. A merge that
 * would make a loop is refused with a clear word.
 */
describe('e2e/library-corrections', () => {
  let gloss: GlossBrowser;
  const live = mkdtempSync(join(tmpdir(), 'gloss-corrections-'));
  let pages: string[];
  let backup: string;
  const OLD = 'Organizational Leadership Department';
  const EPO = 'Economic Policy Office';

  beforeAll(async () => {
    pages = writeLibraryArticles(live);
    gloss = await startGloss({ mounts: { '/live/': live } });
  });
  afterAll(async () => {
    await gloss?.close();
    rmSync(live, { recursive: true, force: true });
  });

  const openLibrary = async (browser: GlossBrowser, fragment = '') => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/library.html${fragment}`);
    return page;
  };
  const entity = (key: string) => `#${new URLSearchParams({ entity: key }).toString()}`;
  const entityRow = (page: Page, name: string) => page.getByTestId('entity-table').locator('tbody tr').filter({ has: page.getByRole('link', { name, exact: true }) });
  const cells = (page: Page, name: string) => entityRow(page, name).locator('td').allInnerTexts();
  const heading = (page: Page) => page.getByTestId('entity-view').getByRole('heading', { level: 2 }).textContent();
  /** The table once every reading is counted: read again until Kim Jong Un is in all three articles. */
  const countedTable = async (browser: GlossBrowser) => {
    const library = await openLibrary(browser);
    await expect
      .poll(async () => {
        await library.reload();
        return (await entityRow(library, 'Kim Jong Un').locator('td').nth(2).textContent({ timeout: 5_000 }).catch(() => null))?.trim();
      }, { timeout: 30_000 })
      .toBe('3');
    return library;
  };

  it('reads three articles: two keys for one department', async () => {
    await readLibraryArticles(gloss, pages);
    const library = await countedTable(gloss);
    expect((await cells(library, OLD)).slice(1, 3)).toEqual([OLD, '2']);
    expect((await cells(library, EPO)).slice(1, 3)).toEqual([EPO, '1']);
  });

  it('merges one key into the other by keyboard, and every view shows the merged key, on this page and another open one', async () => {
    const other = await openLibrary(gloss);
    await expect.poll(() => entityRow(other, EPO).count()).toBe(1);
    const library = await openLibrary(gloss, entity(`ORG:${EPO}`));
    await expect.poll(() => heading(library)).toBe(EPO);
    await library.getByTestId('merge-search').focus();
    await library.keyboard.type('leadership');
    await expect.poll(() => library.getByTestId('merge-choices').getByRole('button').allTextContents()).toEqual([`Merge into ${OLD}`]);
    await library.keyboard.press('Tab');
    await library.keyboard.press('Enter');

    // The page goes to the entity merged into: its three articles in date order, its months.
    await expect.poll(() => heading(library)).toBe(OLD);
    const view = library.getByTestId('entity-view');
    await expect.poll(() => view.getByTestId('entity-articles').locator(':scope > li time').allTextContents()).toEqual(['2024-05-20', '2024-06-01', '2024-06-18']);
    expect(await view.getByTestId('merged-keys').innerText()).toContain(EPO);
    const months = async () => (await view.getByTestId('timeline-table').locator('tbody tr').allInnerTexts()).map((row) => row.split('\t').slice(0, 2));
    await expect.poll(months).toEqual([['2024-05', '1'], ['2024-06', '2']]);
    const marks = await view.getByTestId('entity-articles').locator('.snippet mark').allTextContents();
    expect(marks).toEqual(expect.arrayContaining([OLD, EPO]));

    // Who appears with Kim Jong Un: the department in all three articles, the merged key not at all.
    await library.goto(`chrome-extension://${gloss.extensionId}/library.html${entity('PERSON:Kim Jong Un')}`);
    const related = library.getByTestId('related');
    await expect.poll(() => related.locator('li').filter({ hasText: OLD }).innerText()).toContain('3 together');
    expect(await related.getByRole('link', { name: EPO }).count()).toBe(0);

    // The trend of the merged key is the department's.
    await library.goto(`chrome-extension://${gloss.extensionId}/library.html#${new URLSearchParams({ trends: `ORG:${EPO}` }).toString()}`);
    const trend = library.getByTestId('trend-table');
    await expect.poll(() => trend.locator('thead th').allTextContents()).toEqual(['Month', OLD]);
    expect((await trend.locator('tbody tr').allInnerTexts()).map((row) => row.split('\t'))).toEqual([['2024-05', '1'], ['2024-06', '2']]);

    // The other library page, never reloaded, heard of the change.
    await expect.poll(() => entityRow(other, EPO).count()).toBe(0);
    expect((await cells(other, OLD)).slice(1, 3)).toEqual([`${OLD}, ${EPO}`, '3']);

    // A reload: still merged.
    await other.reload();
    await expect.poll(() => cells(other, OLD).then((row) => row[2])).toBe('3');
    expect(await entityRow(other, EPO).count()).toBe(0);
    await other.setViewportSize({ width: 360, height: 740 });
    await other.emulateMedia({ colorScheme: 'dark' });
    await other.goto(`chrome-extension://${gloss.extensionId}/library.html${entity(`ORG:${OLD}`)}`);
    await expect.poll(() => other.getByTestId('merged-keys').count()).toBe(1);
    expect(await other.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await other.screenshot({ path: join(REPO, 'test-results/library/corrections-dark-360.png'), fullPage: true });
    expect(gloss.errors).toEqual([]);
  });

  it('never offers a merge that would make a loop, and refuses one asked for, with the reason; and a malformed correction', async () => {
    // One page offers Republic to merge Kimhwa County into; another merges Republic into Kimhwa County meanwhile.
    const first = await openLibrary(gloss, entity('PLACE:Kimhwa County'));
    await expect.poll(() => heading(first)).toBe('Kimhwa County');
    await first.getByTestId('merge-search').fill('Republic');
    await expect.poll(() => first.getByTestId('merge-choices').getByRole('button').allTextContents()).toEqual(['Merge into Republic']);
    const second = await openLibrary(gloss, entity('PLACE:Republic'));
    await second.getByTestId('merge-search').fill('Kimhwa');
    await second.getByRole('button', { name: 'Merge into Kimhwa County' }).click();
    await expect.poll(() => heading(second)).toBe('Kimhwa County');

    // The first page heard of it: Republic is now part of Kimhwa County, no longer offered.
    await expect.poll(() => first.getByTestId('merged-keys').innerText()).toContain('Republic');
    await expect.poll(() => first.getByTestId('corrections').innerText()).toContain('No other entity has that name.');
    // Asked anyway (a page of an older Gloss, a hand-made message): refused, saying why, writing nothing.
    const ask = (payload: unknown) => first.evaluate((p) => chrome.runtime.sendMessage({ gloss: 1, type: 'correctKey', payload: p }), payload);
    expect(await ask({ kind: 'merge', key: 'PLACE:Kimhwa County', into: 'PLACE:Republic' })).toEqual({
      ok: false,
      error: { code: 'refused', message: '“Republic” is already shown as “Kimhwa County”: merging “Kimhwa County” into it would make a loop. Split “Republic” out first.' },
    });
    expect(await ask({ kind: 'merge', key: 'Kimhwa County', into: 'PLACE:Republic' })).toEqual({
      ok: false,
      error: { code: 'invalid-message', message: expect.stringContaining("a key is 'TYPE:name'") },
    });
    expect(await ask({ kind: 'rename', key: 'PLACE:Kimhwa County', name: '   ' })).toEqual({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('the name is empty') } });

    // Split back out: Republic is its own again, in the table too.
    await second.getByRole('button', { name: 'Split out Republic' }).click();
    await expect.poll(() => second.getByTestId('merged-keys').count()).toBe(0);
    const table = await openLibrary(gloss);
    await expect.poll(() => cells(table, 'Republic').then((row) => row[2])).toBe('3');
    expect(gloss.errors).toEqual([]);
  });

  it('exports the merge in the backup', async () => {
    const page = await gloss.openPage('/live/early.html');
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    await popup.page.getByTestId('section-settings').click();
    const [file] = await Promise.all([popup.page.waitForEvent('download'), popup.page.locator('[data-export="backup"]').click()]);
    backup = (await file.path())!;
    expect(JSON.parse(readFileSync(backup, 'utf8')).corrections).toEqual([{ key: `ORG:${EPO}`, mergedInto: `ORG:${OLD}`, updatedAt: expect.any(Number) }]);
  });

  it('imports the backup in a fresh profile, where the articles read again count under the merged key', async () => {
    const fresh = await startGloss({ mounts: { '/live/': live } });
    try {
      const popup = await fresh.openPopup(0);
      await popup.page.getByTestId('section-settings').click();
      await popup.page.getByTestId('import-file').setInputFiles(backup);
      await popup.page.getByTestId('import-confirm').click();
      await expect.poll(() => popup.page.getByTestId('exchange-status').textContent()).toContain('added');
      await readLibraryArticles(fresh, pages);
      const library = await countedTable(fresh);
      expect((await cells(library, OLD)).slice(1, 3)).toEqual([`${OLD}, ${EPO}`, '3']);
      expect(await entityRow(library, EPO).count()).toBe(0);
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
