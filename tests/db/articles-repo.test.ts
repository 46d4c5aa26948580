import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleMeta } from '@/utils/article/types';
import { getArticle, listArticles, recordArticle, recordFindings } from '@/utils/db/articles-repo';
import type { GlossDb } from '@/utils/db/database';
import { applyPending } from '@/utils/db/mentions-repo';
import { freshDb } from '../support/fresh-db';

const meta: ArticleMeta = {
  title: 'Kim Jong Un inspects regional factories',
  byline: 'KCNA',
  siteName: 'KCNA Watch',
  publishedTime: '2024-05-20T09:14:00+09:00',
  lang: 'en',
  dir: null,
  excerpt: 'A speech at the ground breaking ceremony.',
  length: 18_000,
};
const visit = (id: string, title = meta.title) => ({
  id,
  url: `${id}?utm_source=x`,
  canonicalUrl: id,
  meta: { ...meta, title },
});

describe('db/articles-repo', () => {
  let db: GlossDb;
  beforeEach(async (context) => {
    db = await freshDb(context, 'articles');
  });

  it('records a new article with when it was first and last seen', async () => {
    const record = await recordArticle(db, visit('https://a.example/1'), 1000);
    expect(record).toMatchObject({ id: 'https://a.example/1', title: meta.title, firstSeenAt: 1000, lastSeenAt: 1000 });
    expect(await getArticle(db, 'https://a.example/1')).toEqual(record);
  });

  it('refreshes the metadata on a later visit and keeps the first visit time', async () => {
    await recordArticle(db, visit('https://a.example/1'), 1000);
    const again = await recordArticle(db, visit('https://a.example/1', 'Corrected headline'), 5000);
    expect(again).toMatchObject({ title: 'Corrected headline', firstSeenAt: 1000, lastSeenAt: 5000 });
    expect(await db.articles.count()).toBe(1);
  });

  it('lists articles most recently read first', async () => {
    await recordArticle(db, visit('https://a.example/old'), 1000);
    await recordArticle(db, visit('https://a.example/new'), 3000);
    await recordArticle(db, visit('https://a.example/mid'), 2000);
    expect((await listArticles(db)).map((a) => a.id)).toEqual([
      'https://a.example/new',
      'https://a.example/mid',
      'https://a.example/old',
    ]);
  });

  it('answers undefined for an article it never saw', async () => {
    expect(await getArticle(db, 'https://nowhere.example/')).toBeUndefined();
  });
});

describe('db/articles-repo findings', () => {
  it('keeps the entities and term lists found in an article, most frequent first within the cap, and finds articles by them', async (context) => {
    const db = await freshDb(context, 'findings');
    const meta = { title: 'T', byline: null, siteName: 'KCNA', publishedTime: null, lang: 'en', dir: null, excerpt: null, length: 10 };
    await recordArticle(db, { id: 'https://a.example/1', url: 'https://a.example/1', canonicalUrl: null, meta });
    const span = (type: 'PERSON' | 'PLACE' | 'TERM', key: string, list?: string) => ({ type, key, start: 0, end: 1, ...(list && { list }) });
    await recordFindings(db, 'https://a.example/1', [
      span('PERSON', 'Kim Jong Un'),
      span('PERSON', 'Kim Jong Un'),
      span('PLACE', 'Songchon County'),
      span('TERM', '20x10 policy', 'dprk-policy'),
    ]);
    expect(await db.articles.where('entityKeys').equals('PERSON:Kim Jong Un').primaryKeys()).toEqual(['https://a.example/1']);
    expect(await db.articles.where('termLists').equals('dprk-policy').primaryKeys()).toEqual(['https://a.example/1']);
    // A later visit keeps them.
    await recordArticle(db, { id: 'https://a.example/1', url: 'https://a.example/1', canonicalUrl: null, meta: { ...meta, title: 'T2' } });
    expect((await db.articles.get('https://a.example/1'))?.entityKeys).toEqual(['PERSON:Kim Jong Un', 'PLACE:Songchon County']);
    // An unknown article gains nothing (nothing is created).
    await recordFindings(db, 'https://a.example/none', [span('PERSON', 'X')]);
    expect(await db.articles.count()).toBe(1);
  });

  it('with the article’s text, keeps what it said of each entity and term for the library across articles', async (context) => {
    const db = await freshDb(context, 'findings-text');
    const meta = { title: 'T', byline: null, siteName: 'KCNA', publishedTime: '2024-05-20T00:00:00Z', lang: 'en', dir: null, excerpt: null, length: 40 };
    await recordArticle(db, { id: 'https://a.example/1', url: 'https://a.example/1', canonicalUrl: null, meta });
    const text = 'Kim Jong Un visited Songchon County.';
    await recordFindings(db, 'https://a.example/1', [{ type: 'PERSON', key: 'Kim Jong Un', start: 0, end: 11 }, { type: 'PLACE', key: 'Songchon County', start: 20, end: 35 }], text);
    expect(await db.mentions.get('https://a.example/1')).toMatchObject({ outlet: 'KCNA', date: Date.UTC(2024, 4, 20) });
    expect((await db.mentions.get('https://a.example/1'))?.entries[0]).toMatchObject({ key: 'PERSON:Kim Jong Un', count: 1, snippets: [['', 'Kim Jong Un', ' visited Songchon County.']] });
    await applyPending(db);
    expect((await db.entities.toArray()).map((e) => [e.key, e.articles])).toEqual([
      ['PERSON:Kim Jong Un', 1],
      ['PLACE:Songchon County', 1],
    ]);
  });
});
