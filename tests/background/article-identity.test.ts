import { beforeEach, describe, expect, it } from 'vitest';
import { NewArticleLimit, articleIdOf, fileArticle, senderPage } from '@/entrypoints/background/article-identity';
import type { ArticleMeta } from '@/utils/article/types';
import type { GlossDb } from '@/utils/db/database';
import type { Sender } from '@/utils/messaging/envelope';
import { freshDb } from '../support/fresh-db';

const meta = (title: string): ArticleMeta => ({
  title, byline: null, siteName: null, publishedTime: null, lang: 'en', dir: null, excerpt: null, length: 100,
});
const tab = (url: string, id = 1): Sender => ({ id: 'gloss', url, tab: { id }, frameId: 0 });
const SEED = 'https://news.example/2025/seed';

describe('background/article-identity', () => {
  let db: GlossDb;
  let limit: NewArticleLimit;
  beforeEach(async (context) => {
    db = await freshDb(context, 'article-identity');
    limit = new NewArticleLimit(3, 60_000);
  });
  const file = (sender: Sender, canonicalUrl: string | null, title: string, mirrors: [string, string][] = [], now = 1000) =>
    fileArticle(db, sender, { url: senderPage(sender), canonicalUrl, meta: meta(title) }, { mirrors, limit, now });

  it("takes the page's address from the browser, and refuses a sender without an http(s) one", () => {
    expect(senderPage(tab('https://news.example/a#x'))).toBe('https://news.example/a#x');
    expect(() => senderPage({ id: 'gloss', tab: { id: 1 } })).toThrow(/http/);
    expect(() => senderPage(tab('about:srcdoc'))).toThrow(/http/);
  });

  it('trusts a canonical link on the same site or a declared mirror, else files the page under its own address', () => {
    expect(articleIdOf('https://m.news.example/amp/seed?utm_source=x', SEED, [])).toBe(SEED);
    expect(articleIdOf('https://evil.example/copy', SEED, [])).toBe('https://evil.example/copy');
    expect(articleIdOf('https://news-mirror.example/copy', SEED, [['news.example', 'news-mirror.example']])).toBe(SEED);
    expect(articleIdOf('https://evil.example/copy', SEED, [['news.example', 'news-mirror.example']])).toBe('https://evil.example/copy');
  });

  it("never lets a page on another site rewrite an article's record", async () => {
    await file(tab(SEED), SEED, 'The real headline');
    const copy = await file(tab('https://evil.example/copy', 2), SEED, 'FORGED');
    expect([copy.id, copy.canonicalUrl]).toEqual(['https://evil.example/copy', null]);
    expect(await db.articles.get(SEED)).toMatchObject({ title: 'The real headline', url: SEED, canonicalUrl: SEED });
  });

  it('lets a declared mirror refresh the record, and not once the pairing is removed', async () => {
    await file(tab(SEED), SEED, 'The real headline');
    const mirrors: [string, string][] = [['news.example', 'news-mirror.example']];
    const viaMirror = await file(tab('https://news-mirror.example/seed', 2), SEED, 'Headline, mirrored', mirrors);
    expect(viaMirror).toMatchObject({ id: SEED, url: 'https://news-mirror.example/seed', title: 'Headline, mirrored' });
    // The record now points at the mirror; a page of news.example may still refresh it (it is
    // its own article), and once the pairing is gone a mirror page files under its own address.
    const own = await file(tab(SEED), SEED, 'The real headline again');
    expect(own).toMatchObject({ id: SEED, url: SEED });
    const unpaired = await file(tab('https://news-mirror.example/seed', 2), SEED, 'no longer trusted');
    expect(unpaired.id).toBe('https://news-mirror.example/seed');
    expect((await db.articles.get(SEED))?.title).toBe('The real headline again');
  });

  it('refuses a page of the same site whose canonical names a record made on another site', async () => {
    // A record made through a mirror pairing since removed: its url is on the mirror's site.
    await file(tab('https://news-mirror.example/seed'), SEED, 'Mirrored', [['news.example', 'news-mirror.example']]);
    const page = await file(tab('https://www.news.example/seed?ref=x', 2), SEED, 'Own page');
    expect(page.id).toBe('https://www.news.example/seed');
    expect((await db.articles.get(SEED))?.title).toBe('Mirrored');
  });

  it('adds at most the limit of new articles per tab a minute; visits to known articles and other tabs are not held back', async () => {
    const rotate = (n: number, now: number, tabId = 1) => file(tab(`https://news.example/r${n}`, tabId), `https://news.example/r${n}`, `r${n}`, [], now);
    for (const n of [1, 2, 3]) await rotate(n, 1000 + n);
    await expect(rotate(4, 2000)).rejects.toThrow(/more than 3 new articles in a minute/);
    expect(await db.articles.get('https://news.example/r4')).toBeUndefined();
    await expect(rotate(1, 2001)).resolves.toMatchObject({ id: 'https://news.example/r1' }); // known: not new
    await expect(rotate(5, 2002, 2)).resolves.toMatchObject({ id: 'https://news.example/r5' }); // another tab
    await expect(rotate(4, 61_002)).resolves.toMatchObject({ id: 'https://news.example/r4' }); // a minute on
    expect(await db.articles.count()).toBe(5);
  });
});

describe('background/article-identity NewArticleLimit', () => {
  it('counts within a sliding window per tab', () => {
    const limit = new NewArticleLimit(2, 1000);
    expect([limit.take(1, 0), limit.take(1, 10), limit.take(1, 20), limit.take(2, 20)]).toEqual([true, true, false, true]);
    expect([limit.take(1, 999), limit.take(1, 1000), limit.take(1, 1011)]).toEqual([false, true, true]);
  });
});
