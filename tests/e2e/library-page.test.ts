import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ArticleRecord } from '@/utils/article/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../scripts/lib/paths.mjs';
import { startGloss, type GlossBrowser } from './support/gloss-browser';
import { readLibraryArticles, writeLibraryArticles } from './support/library-articles';

/**
 * The library page (issue 15): three articles made from the seed, of three outlets and dates (two
 * in June 2024, one in May), are read by the extension; the library page, asking the background
 * only, lists Kim Jong Un in the three in date order with passages, names Songchon County among
 * those who appear with him, and charts the Regional Development 20×10 Policy per month.
 */
describe('e2e/library-page', () => {
  let gloss: GlossBrowser;
  const live = mkdtempSync(join(tmpdir(), 'gloss-library-'));
  let pages: string[];

  beforeAll(async () => {
    pages = writeLibraryArticles(live);
    gloss = await startGloss({ mounts: { '/live/': live } });
  });
  afterAll(async () => {
    await gloss?.close();
    rmSync(live, { recursive: true, force: true });
  });

  const openLibrary = async (fragment = '') => {
    const page = await gloss.context.newPage();
    await page.goto(`chrome-extension://${gloss.extensionId}/library.html${fragment}`);
    return page;
  };
  const entityRow = (page: Page, name: string) => page.getByTestId('entity-table').locator('tbody tr').filter({ has: page.getByRole('link', { name, exact: true }) });

  it('reads three articles and lists Kim Jong Un in 3 articles in the entity table', async () => {
    await readLibraryArticles(gloss, pages);
    const library = await openLibrary();
    // Recording follows each analysis; the table is asked again until all three are in.
    await expect
      .poll(async () => {
        await library.reload();
        return (await entityRow(library, 'Kim Jong Un').locator('td').nth(2).textContent({ timeout: 5_000 }).catch(() => null))?.trim();
      })
      .toBe('3');
    const cells = await entityRow(library, 'Kim Jong Un').locator('td').allTextContents();
    expect(cells[0]).toBe('People');
    expect(cells.slice(4)).toEqual(['2024-05-20', '2024-06-18']); // first and last seen
    // Filter by type and search by name: the table narrows to what matches.
    await library.getByTestId('type-filter').selectOption('PLACE');
    await expect.poll(() => entityRow(library, 'Kim Jong Un').count()).toBe(0);
    await library.getByTestId('entity-search').fill('songchon');
    await expect.poll(() => library.getByTestId('entity-table').locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('Songchon County')]);
    expect(gloss.errors).toEqual([]);
  });

  it("shows Kim Jong Un's articles in date order with passages, and Songchon County among who appears with him", async () => {
    // A highlight of the reader's in the May article that quotes his name, and one that does not.
    const early = (await gloss.records<ArticleRecord>('articles')).find((a) => a.url.includes('/live/early.html'))!;
    const note = (id: string, exact: string, text: string) => ({
      id, articleId: early.id, quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: exact.length },
      color: 'green', note: text, tags: [], createdAt: 1, updatedAt: 1, textHash: 'x:1', rev: 1,
    });
    await gloss.putRecords('annotations', [note('n-kim', 'respected Comrade Kim Jong Un made a speech', 'the opening'), note('n-other', 'beloved people', 'not about him')]);
    const library = await openLibrary();
    await entityRow(library, 'Kim Jong Un').getByRole('link').click();
    const view = library.getByTestId('entity-view');
    await expect.poll(() => view.getByRole('heading', { level: 2 }).textContent()).toBe('Kim Jong Un');
    const articles = view.getByTestId('entity-articles').locator(':scope > li');
    expect(await articles.count()).toBe(3);
    expect(await articles.locator('time').allTextContents()).toEqual(['2024-05-20', '2024-06-02', '2024-06-18']);
    expect(await articles.locator('.article-head').allTextContents()).toEqual([
      expect.stringContaining('KCNA Watch'),
      expect.stringContaining('Rodong Sinmun'),
      expect.stringContaining('Pyongyang Times'),
    ]);
    for (let i = 0; i < 3; i++) {
      const marks = await articles.nth(i).locator('.snippet mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((mark) => /Kim Jong Un/.test(mark))).toBe(true);
    }
    expect(await articles.nth(0).getByTestId('entity-highlight').allTextContents()).toEqual([expect.stringContaining('the opening')]);
    expect(await view.getByTestId('entity-highlight').count()).toBe(1);
    // The timeline counts one article in May and two in June, each under its outlet.
    const months = await view.getByTestId('timeline-table').locator('tbody tr').allInnerTexts();
    expect(months.map((row) => row.split('\t').slice(0, 2))).toEqual([['2024-05', '1'], ['2024-06', '2']]);
    const related = view.getByTestId('related');
    expect(await related.getByRole('link').allTextContents()).toContain('Songchon County');
    // Each related name is a link to its own page.
    await related.getByRole('link', { name: 'Songchon County' }).click();
    await expect.poll(() => library.getByTestId('entity-view').getByRole('heading', { level: 2 }).textContent()).toBe('Songchon County');
    expect(gloss.errors).toEqual([]);
  });

  it('charts the Regional Development 20×10 Policy per month, by keyboard from the table', async () => {
    const library = await openLibrary();
    await library.getByTestId('entity-search').fill('20×10');
    const link = library.getByTestId('entity-table').getByRole('link', { name: /Regional Development 20×10 Policy/ });
    await link.focus();
    await library.keyboard.press('Enter');
    await library.getByRole('link', { name: /Show as a trend/ }).click();
    const table = library.getByTestId('trend-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.map((row) => row.split('\t'))).toEqual([['2024-05', '1'], ['2024-06', '2']]);
    const bars = library.getByTestId('bar-chart').locator('rect');
    expect(await bars.evaluateAll((rects) => rects.map((r) => [r.getAttribute('data-month'), r.getAttribute('data-value')]))).toEqual([['2024-05', '1'], ['2024-06', '2']]);
    // Exports, made on the page: the chart as SVG and PNG, the table as CSV.
    const save = async (label: string) => {
      const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: label }).click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    };
    const svg = await save('Save chart as SVG');
    expect(svg.name).toBe('gloss-trend.svg');
    expect(svg.bytes.toString('utf8')).toMatch(/^<\?xml[\s\S]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*data-month="2024-06" data-series="Regional Development 20×10 Policy" data-value="2"/);
    const png = await save('Save chart as PNG');
    expect([png.name, png.bytes.subarray(1, 4).toString('latin1')]).toEqual(['gloss-trend.png', 'PNG']);
    const csv = await save('Export CSV');
    expect(csv.bytes.toString('utf8')).toBe('month,Regional Development 20×10 Policy\r\n2024-05,1\r\n2024-06,2\r\n');
    // Mentions per month: the June article that names "the new policy" once more counts one less.
    await library.getByTestId('trend-measure').selectOption('mentions');
    const mentions = (await table.locator('tbody tr').allInnerTexts()).map((row) => Number(row.split('\t')[1]));
    expect(mentions[1]).toBe(2 * mentions[0]! - 1);
    // Every term of the built-in lists is offered, found or not: a term no article names is found by its name and charted as empty.
    const picker = library.locator('.picker');
    expect(await picker.locator('[data-list=dprk-policy] summary').innerText()).toMatch(/^North Korean policy.*: \d+ of \d+ found in your articles/);
    await library.getByTestId('term-find').fill('Juche');
    const juche = picker.getByRole('checkbox', { name: /^Juche\b.*not found yet/ });
    await juche.check();
    await expect.poll(() => table.locator('thead th').allInnerTexts()).toEqual(['Month', 'Regional Development 20×10 Policy', 'Juche']);
    expect(gloss.errors).toEqual([]);
    expect(gloss.extensionRequests).toEqual([]);
  });

  it("works in dark mode at a phone width: the palette's dark colors, no sideways scrolling of the page", async () => {
    const library = await openLibrary(`#${new URLSearchParams({ entity: 'PERSON:Kim Jong Un' }).toString()}`);
    await library.emulateMedia({ colorScheme: 'dark' });
    await library.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => library.getByTestId('entity-articles').locator(':scope > li').count()).toBe(3);
    const { background, overflow } = await library.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(background).toBe('rgb(28, 28, 26)'); // palette.css --bg, dark
    expect(overflow).toBe(0);
    await library.screenshot({ path: join(REPO, 'test-results/library/entity-dark-360.png'), fullPage: true });
  });

  it('opens from the popup, and refuses a malformed question with a clear word', async () => {
    const page = await gloss.openPage('/live/early.html');
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    await popup.page.getByTestId('section-library').click();
    const [library] = await Promise.all([gloss.context.waitForEvent('page'), popup.page.getByTestId('open-library').click()]);
    await library.waitForLoadState();
    expect(new URL(library.url()).pathname).toBe('/library.html');
    await expect.poll(() => library.getByTestId('entity-table').locator('tbody tr').count()).toBeGreaterThan(3);
    const refused = await library.evaluate(() => chrome.runtime.sendMessage({ gloss: 1, type: 'entityTrends', payload: { keys: [] } }));
    expect(refused).toEqual({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('name at least one key') } });
    expect(gloss.errors).toEqual([]);
    expect(gloss.extensionRequests).toEqual([]);
  });
});
