/** Reading and recording articles. Functions take the database so tests pass a fresh one. */
import type { ArticleMeta, ArticleRecord } from '../article/types';
import { reindexArticleAnnotations } from './annotations-repo';
import type { GlossDb } from './database';

export interface ArticleVisit {
  id: string;
  url: string;
  canonicalUrl: string | null;
  meta: ArticleMeta;
}

/**
 * Records a visit: creates the article or refreshes its metadata, keeping when it was first seen.
 * When the title or outlet changed, its annotations' search words follow.
 */
export async function recordArticle(db: GlossDb, visit: ArticleVisit, now = Date.now()): Promise<ArticleRecord> {
  return db.transaction('rw', db.articles, db.annotations, async () => {
    const previous = await db.articles.get(visit.id);
    const record: ArticleRecord = {
      ...visit.meta,
      id: visit.id,
      url: visit.url,
      canonicalUrl: visit.canonicalUrl,
      firstSeenAt: previous?.firstSeenAt ?? now,
      lastSeenAt: now,
    };
    await db.articles.put(record);
    if (previous?.title !== record.title || previous?.siteName !== record.siteName) await reindexArticleAnnotations(db, record);
    return record;
  });
}

/** The article filed under `id`, if any. */
export function getArticle(db: GlossDb, id: string): Promise<ArticleRecord | undefined> {
  return db.articles.get(id);
}

/** Articles, most recently read first. */
export function listArticles(db: GlossDb, limit = 100): Promise<ArticleRecord[]> {
  return db.articles.orderBy('lastSeenAt').reverse().limit(limit).toArray();
}
