import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleMeta } from '@/utils/article/types';
import { getArticle, listArticles, recordArticle } from '@/utils/db/articles-repo';
import type { GlossDb } from '@/utils/db/database';
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
