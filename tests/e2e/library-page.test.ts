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
 * those who appear with him, and charts the Regional Development 20×10 Policy per month; the
 * table narrows to an outlet and months (kept through a reload and Back), and his timeline shows
 * per ISO week.
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
    expect(cells[0]).toBe('Person');
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
    await gloss.putRecords('annotations', [note('n-kim', 'respected Comrade Kim Jong Un made a speech', 'the opening, as in https://policy.example/d/5f2c9e7b1d4a8e3f6c0b9a7d2e5f8c1b4a7d0e3f6a9c2b5e8d1f4a7c0b3e6d9f'), note('n-other', 'beloved people', 'not about him')]);
    const library = await openLibrary();
    await entityRow(library, 'Kim Jong Un').getByRole('link').click();
    const view = library.getByTestId('entity-view');
    await expect.poll(() => view.getByRole('heading', { level: 2 }).textContent()).toBe('Kim Jong Un');
    const articles = view.getByTestId('entity-articles').locator(':scope > li');
    expect(await articles.count()).toBe(3);
    expect(await articles.locator('time').allTextContents()).toEqual(['2024-05-20', '2024-06-01', '2024-06-18']);
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
    // The timeline counts one article in May and two in June (Rodong Sinmun's by its own day: 31 May in UTC), each under its outlet.
    // (The table's rows come a frame after the rest of the page.)
    const months = async () => (await view.getByTestId('timeline-table').locator('tbody tr').allInnerTexts()).map((row) => row.split('\t').slice(0, 2));
    await expect.poll(months).toEqual([['2024-05', '1'], ['2024-06', '2']]);
    const related = view.getByTestId('related');
    expect(await related.getByRole('link').allTextContents()).toContain('Songchon County');
    // Each related name is a link to its own page.
    await related.getByRole('link', { name: 'Songchon County' }).click();
    await expect.poll(() => library.getByTestId('entity-view').getByRole('heading', { level: 2 }).textContent()).toBe('Songchon County');
    expect(gloss.errors).toEqual([]);
  });

  it('lists the table within an outlet and months, the figures those of that slice, kept through a reload and Back', async () => {
    const library = await openLibrary();
    const kim = entityRow(library, 'Kim Jong Un');
    const figures = async () => (await kim.locator('td').allTextContents()).slice(2);
    await expect.poll(() => kim.count()).toBe(1);
    const [, wholeMentions] = await figures();
    // The outlets come with the library's bounds, a question of their own that may answer after the rows.
    await expect.poll(() => library.getByTestId('outlet-filter').locator('option').allTextContents()).toEqual(['All outlets', 'KCNA Watch', 'Pyongyang Times', 'Rodong Sinmun']);
    // One outlet at a time, by keyboard: each holds one of his articles (Rodong Sinmun's in June, its own month), and their mentions add up to the whole.
    let mentions = 0;
    for (const [outlet, month] of [['KCNA Watch', '2024-05'], ['Pyongyang Times', '2024-06'], ['Rodong Sinmun', '2024-06']] as const) {
      await library.getByTestId('outlet-filter').focus();
      await library.getByTestId('outlet-filter').selectOption({ label: outlet });
      await expect.poll(() => new URL(library.url()).hash).toBe(`#${new URLSearchParams({ outlet })}`);
      // The table is that outlet's once its answer is on screen (no answer shows under another slice's labels).
      await expect.poll(() => library.getByTestId('table-status').textContent()).toContain(`in ${outlet}`);
      let shown: string[] = [];
      await expect.poll(async () => (shown = await figures()).filter((_, i) => i !== 1)).toEqual(['1', month, month]);
      mentions += Number(shown[1]);
    }
    expect(mentions).toBe(Number(wholeMentions));
    expect(await library.getByTestId('table-status').textContent()).toContain('in Rodong Sinmun');
    // From June on, over every outlet: two of his three articles.
    await library.getByTestId('outlet-filter').selectOption({ label: 'All outlets' });
    await library.getByTestId('slice-from').fill('2024-06');
    await expect.poll(() => new URL(library.url()).hash).toBe('#from=2024-06');
    await expect.poll(async () => (await figures()).filter((_, i) => i !== 1)).toEqual(['2', '2024-06', '2024-06']);
    await library.reload();
    await expect.poll(async () => (await figures()).filter((_, i) => i !== 1)).toEqual(['2', '2024-06', '2024-06']);
    expect(await library.getByTestId('slice-from').inputValue()).toBe('2024-06');
    // Back: the whole library again.
    await library.goBack();
    await expect.poll(async () => (await figures())[0]).toBe('3');
    expect(await library.getByTestId('slice-from').inputValue()).toBe('');
    // A range that ends before it starts is said, and the filters stay to mend it.
    await library.goto(`chrome-extension://${gloss.extensionId}/library.html#from=2024-06&to=2024-05`);
    await expect.poll(() => library.getByRole('alert').textContent()).toContain('the range starts (2024-06) after it ends (2024-05)');
    await library.getByRole('button', { name: 'Whole library' }).click();
    await expect.poll(async () => (await figures())[0]).toBe('3');
    expect(gloss.errors).toEqual([]);
    expect(gloss.extensionRequests).toEqual([]);
  });

  it("draws Kim Jong Un's month table after the page's first frame, in the place held for it: nothing under it moves", async () => {
    const library = await gloss.context.newPage();
    // Where the button under the table is in each frame, from the first one with the table in it.
    await library.addInitScript(() => {
      const seen: [rows: number, busy: boolean, top: number][] = [];
      Object.assign(window, { glossTableFrames: seen });
      const look = () => {
        const table = document.querySelector('[data-testid=timeline-table]');
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Export timeline'));
        if (table && button) seen.push([table.querySelectorAll('tbody th').length, table.getAttribute('aria-busy') === 'true', button.getBoundingClientRect().top]);
        if (!seen.some(([rows]) => rows > 0)) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await library.goto(`chrome-extension://${gloss.extensionId}/library.html#${new URLSearchParams({ entity: 'PERSON:Kim Jong Un' }).toString()}`);
    await expect.poll(() => library.evaluate(() => (window as unknown as { glossTableFrames: [number, boolean, number][] }).glossTableFrames.at(-1)?.[0])).toBe(2);
    const frames = await library.evaluate(() => (window as unknown as { glossTableFrames: [number, boolean, number][] }).glossTableFrames);
    // First without its rows (busy), then with them; the button under it where it was.
    expect(frames[0]?.slice(0, 2)).toEqual([0, true]);
    expect(frames.at(-1)?.slice(0, 2)).toEqual([2, false]);
    expect(new Set(frames.map(([, , top]) => top)).size).toBe(1);
    expect(gloss.errors).toEqual([]);
  });

  it("shows Kim Jong Un's timeline per ISO week, by keyboard, kept through a reload, and exports it", async () => {
    const library = await openLibrary(`#${new URLSearchParams({ entity: 'PERSON:Kim Jong Un' }).toString()}`);
    const view = library.getByTestId('entity-view');
    await expect.poll(() => view.getByTestId('timeline-table').locator('tbody tr').count()).toBe(2);
    await view.getByTestId('by-week').focus();
    await library.keyboard.press('Enter');
    await expect.poll(() => new URL(library.url()).hash).toContain('by=week');
    const weeks = async () => (await view.getByTestId('timeline-table').locator('tbody tr').allInnerTexts()).map((row) => row.split('\t').slice(0, 2));
    // Monday 20 May 2024, Saturday 1 June (the week of 27 May), Tuesday 18 June.
    await expect.poll(weeks).toEqual([['2024-W21', '1'], ['2024-W22', '1'], ['2024-W25', '1']]);
    const bars = view.getByTestId('bar-chart').locator('rect');
    expect(await bars.evaluateAll((rects) => rects.map((r) => [r.getAttribute('data-week'), r.getAttribute('data-value')]))).toEqual([
      ['2024-W21', '1'], ['2024-W22', '1'], ['2024-W23', '0'], ['2024-W24', '0'], ['2024-W25', '1'],
    ]);
    expect(await view.getByTestId('by-week').getAttribute('aria-pressed')).toBe('true');
    await library.reload();
    await expect.poll(weeks).toEqual([['2024-W21', '1'], ['2024-W22', '1'], ['2024-W25', '1']]);
    const [download] = await Promise.all([library.waitForEvent('download'), view.getByRole('button', { name: 'Export timeline CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('gloss-timeline-week.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('week,articles,mentions,KCNA Watch,Pyongyang Times,Rodong Sinmun');
    expect(csv[1]).toMatch(/^2024-W21,1,\d+,1,0,0$/);
    await view.getByTestId('by-month').click();
    await expect.poll(() => view.getByTestId('timeline-table').locator('tbody tr').count()).toBe(2);
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
    // The reader's note beside an article wraps its long address rather than being cut off.
    expect(await library.getByTestId('entity-highlight').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    // The month table scrolls sideways in its box; its caption stays whole in view.
    const caption = (await library.getByTestId('timeline-table').locator('caption').boundingBox())!;
    expect(caption.x + caption.width).toBeLessThanOrEqual(360);
    await library.screenshot({ path: join(REPO, 'test-results/library/entity-dark-360.png'), fullPage: true });
    // The week view and the table within a slice, at the same width.
    const overflows = () => library.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await library.goto(`chrome-extension://${gloss.extensionId}/library.html#${new URLSearchParams({ entity: 'PERSON:Kim Jong Un', by: 'week' }).toString()}`);
    await expect.poll(() => library.getByTestId('bar-chart').locator('rect[data-week]').count()).toBe(5);
    expect(await overflows()).toBe(0);
    await library.goto(`chrome-extension://${gloss.extensionId}/library.html#${new URLSearchParams({ outlet: 'KCNA Watch', from: '2024-05' }).toString()}`);
    await expect.poll(() => entityRow(library, 'Kim Jong Un').count()).toBe(1);
    expect(await overflows()).toBe(0);
    // The table scrolls sideways within itself; a name wraps rather than taking the width alone, and spellings are not stacked a word a line.
    const row = entityRow(library, 'Kim Jong Un');
    expect((await row.locator('th').boundingBox())!.width).toBeLessThan(200);
    expect((await row.locator('td.variants').boundingBox())!.width).toBeGreaterThan(150);
    await library.screenshot({ path: join(REPO, 'test-results/library/table-slice-dark-360.png'), fullPage: true });
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
    const ask = (payload: unknown) => library.evaluate((p) => chrome.runtime.sendMessage({ gloss: 1, type: 'listEntities', payload: p }), payload);
    expect(await ask({ from: '2024-06', to: '2024-05' })).toEqual({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('from must not be after to') } });
    expect(await ask({ from: '2024-13' })).toEqual({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('from must be a month, YYYY-MM') } });
    expect(await ask({ outlet: 'No such outlet' })).toEqual({ ok: true, value: [] });
    expect(gloss.errors).toEqual([]);
    expect(gloss.extensionRequests).toEqual([]);
  });
});
