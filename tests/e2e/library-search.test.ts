import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '@/utils/article/types';
import type { ArticleMentions } from '@/utils/mentions/extract';
import { keyDate, type ArticleMentionsRecord, type PendingChange } from '@/utils/mentions/types';
import { startGloss, type GlossBrowser } from './support/gloss-browser';

/**
 * The library's name search (issue 15) in the built extension: in a library of more keys than the
 * entity table loads (2,050 named in two articles each), a name in one article only, never among
 * the rows loaded, is found from the table's search box by the start of a spelling and by a part
 * of its Hangul spelling, opens its page, and is offered as a merge target by the same search.
 * The library is written into Gloss's database as readings leave it (records of mentions, and the
 * changes queued for the summaries, which the background counts before it answers).
 */
describe('e2e/library-search', () => {
  let gloss: GlossBrowser;
  const JO = 'PERSON:Jo Yong Won';
  const KIM = 'PERSON:Kim Jong Un';
  const FILLERS = 2_050;

  /** An article naming `found` ([key, spellings, count]), as its reading files it. */
  const article = (id: string, published: string, outlet: string, found: [string, string[], number][]) => {
    const date = Date.parse(published);
    const url = `https://news.example/${id}`;
    const entries: ArticleMentions[] = found.map(([key, spellings, count]) => ({
      key, type: key.slice(0, key.indexOf(':')) as ArticleMentions['type'], name: key.slice(key.indexOf(':') + 1), spellings, count, snippets: [['As ', spellings[0]!, ' said']],
    }));
    const record: ArticleRecord = {
      id: url, url, canonicalUrl: null, title: `Report ${id}`, byline: null, siteName: outlet, publishedTime: published, lang: 'en', dir: null, excerpt: null, length: 1000,
      firstSeenAt: date, lastSeenAt: date, entityKeys: found.map(([key]) => key).sort(),
    };
    const mentions: ArticleMentionsRecord = { articleId: url, date, outlet, entries, keyDates: entries.map((e) => keyDate(e.key, date)) };
    const change: PendingChange = { articleId: url, removed: [], added: entries.map(({ key, type, name, count, spellings }) => ({ key, type, name, count, spellings, date, outlet })) };
    return { record, mentions, change };
  };

  const openLibrary = async () => {
    const page = await gloss.context.newPage();
    await page.goto(`chrome-extension://${gloss.extensionId}/library.html`);
    await page.bringToFront();
    return page;
  };

  beforeAll(async () => {
    gloss = await startGloss();
    const fillers = Array.from({ length: FILLERS }, (_, i): [string, string[], number] => [`ORG:Provincial Committee ${i}`, [`Provincial Committee ${i}`], 1]);
    const written = [
      article('1', '2024-05-20T09:00:00+09:00', 'KCNA Watch', [[KIM, ['Kim Jong Un'], 3], ...fillers]),
      article('2', '2024-06-02T09:00:00+09:00', 'Rodong Sinmun', [[KIM, ['Kim Jong Un'], 2], ...fillers]),
      article('3', '2024-06-18T09:00:00+09:00', 'NK News', [[KIM, ['Kim Jong Un'], 1], [JO, ['Jo Yong-won', '조용원'], 2]]),
    ];
    // The background makes the database on its first question (an empty library).
    const first = await openLibrary();
    await first.getByText('No entities yet').waitFor({ timeout: 30_000 });
    await first.close();
    await gloss.putRecords('articles', written.map((w) => w.record));
    await gloss.putRecords('mentions', written.map((w) => w.mentions));
    await gloss.putRecords('pendingMentions', written.map((w) => w.change));
  });
  afterAll(async () => {
    await gloss?.close();
  });

  const names = (page: Page) => page.getByTestId('entity-table').locator('tbody th a').allTextContents();
  const status = (page: Page) => page.getByTestId('table-status').textContent();

  it('finds a name the table did not load from the search box, by a spelling’s start and by part of its Hangul, and opens its page', async () => {
    const library = await openLibrary();
    await expect.poll(() => status(library), { timeout: 30_000 }).toContain('the 2000 most named are loaded');
    const loaded = await library.evaluate(() => chrome.runtime.sendMessage({ gloss: 1, type: 'listEntities', payload: { limit: 2000 } }));
    expect(loaded.value).toHaveLength(2000);
    expect(loaded.value.map((row: { key: string }) => row.key)).not.toContain(JO);
    const search = library.getByTestId('entity-search');
    await search.fill('yong-w');
    await expect.poll(() => names(library)).toEqual(['Jo Yong Won']);
    expect(await status(library)).toBe('1 name matches “yong-w”.');
    await search.fill('조용');
    await expect.poll(() => status(library)).toBe('1 name matches “조용”.');
    expect(await names(library)).toEqual(['Jo Yong Won']);
    // A common word: the most named first, at most 200 listed.
    await search.fill('committee');
    await expect.poll(() => status(library)).toBe('200 names match “committee” (the 200 most named of more); the first 100 listed.');
    await search.fill('jo yong');
    await expect.poll(() => names(library)).toEqual(['Jo Yong Won']);
    await library.getByTestId('entity-table').getByRole('link', { name: 'Jo Yong Won' }).click();
    const view = library.getByTestId('entity-view');
    await expect.poll(() => view.getByRole('heading', { level: 2 }).textContent()).toBe('Jo Yong Won');
    await expect.poll(() => view.getByTestId('entity-articles').locator(':scope > li').count()).toBe(1);
    // The merge choices search the same way: Kim, named with him, is offered; Jo himself is not.
    await view.getByTestId('merge-search').fill('Jo');
    await expect.poll(() => view.getByTestId('merge-choices').getByRole('button').allTextContents()).toEqual(['Merge into Kim Jong Un']);
    expect(gloss.errors).toEqual([]);
    expect(gloss.extensionRequests).toEqual([]);
  });

  it('answers punctuation with no names, and refuses a search of 1,000 characters or none with the reason', async () => {
    const library = await openLibrary();
    const ask = (payload: unknown) => library.evaluate((p) => chrome.runtime.sendMessage({ gloss: 1, type: 'searchEntities', payload: p }), payload);
    expect(await ask({ search: '?!… —' })).toEqual({ ok: true, value: { rows: [], more: false, partial: false } });
    expect(await ask({ search: 'x'.repeat(1_000) })).toEqual({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('the search is longer than 200 characters') } });
    expect(await ask({ search: '  ' })).toEqual({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('the search is empty') } });
    expect(await ask({ search: 'kim', type: 'DATE' })).toEqual({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('type must be PERSON, ORG, PLACE or TERM') } });
    // The page's box takes at most 200 characters, and says what the search found.
    await library.getByTestId('entity-search').fill(`${'kim '.repeat(250)}`);
    expect((await library.getByTestId('entity-search').inputValue()).length).toBe(200);
    await expect.poll(() => status(library)).toMatch(/^1 name matches “(kim )+kim”\.$/);
    await library.getByTestId('entity-search').fill('#%&*');
    await expect.poll(() => status(library)).toBe('No name or spelling matches “#%&*”.');
    expect(gloss.errors).toEqual([]);
  });
});
