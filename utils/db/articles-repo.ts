/** Reading and recording articles. Functions take the database so tests pass a fresh one. */
import type { ArticleMeta, ArticleRecord } from '../article/types';
import { reindexArticleAnnotations } from './annotations-repo';
import type { EntitySpan } from '../entities/types';
import type { GlossDb } from './database';
import { mentionsOf } from '../mentions/extract';
import { writeMentions } from './mentions-repo';

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
  return db.transaction('rw', db.articles, db.annotations, db.labels, async () => {
    const previous = await db.articles.get(visit.id);
    const record: ArticleRecord = {
      ...previous,
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

/** Most entity keys kept per article (a very long article keeps its most frequent). */
export const MAX_ENTITY_KEYS = 500;

/**
 * Keeps what the recognizer found in an article, for the library's filters, and with the article's
 * `text`, what it said of each entity and term for the library across articles (mentions-repo.ts);
 * writes only on change.
 */
export async function recordFindings(db: GlossDb, id: string, spans: readonly EntitySpan[], text?: string): Promise<void> {
  const counts = new Map<string, number>();
  const lists = new Set<string>();
  for (const span of spans) {
    if (span.type === 'TERM') {
      if (span.list) lists.add(span.list);
    } else counts.set(`${span.type}:${span.key}`, (counts.get(`${span.type}:${span.key}`) ?? 0) + 1);
  }
  const entityKeys = [...counts].sort((a, b) => b[1] - a[1]).slice(0, MAX_ENTITY_KEYS).map(([key]) => key).sort();
  const termLists = [...lists].sort();
  await db.transaction('rw', db.articles, db.mentions, db.pendingMentions, async () => {
    const article = await db.articles.get(id);
    if (!article) return;
    if (!same(article.entityKeys, entityKeys) || !same(article.termLists, termLists)) await db.articles.update(id, { entityKeys, termLists });
    if (text !== undefined) await writeMentions(db, article, mentionsOf(text, spans));
  });
}

const same = (a: readonly string[] | undefined, b: readonly string[]) => !!a && a.length === b.length && a.every((x, i) => x === b[i]);
