/**
 * How many articles name each key, and how many name any: one record (`articleCounts`), kept by
 * `applyPending` beside the summaries it mirrors. Ranking who appears with a key weighs hundreds
 * of keys by how common they are; a summary read per key made that the slowest part of an entity's
 * page (600 reads: 50–70 ms in Chromium on a quiet machine, and counting 10,000 articles another
 * 25–60 ms), where this record is one read (1–2 ms for 2,000 keys).
 */
import type { Transaction } from 'dexie';
import type { PendingChange } from '../mentions/types';
import type { GlossDb } from './database';

export const ARTICLE_COUNTS_ID = 'articles';

export interface ArticleCounts {
  id: typeof ARTICLE_COUNTS_ID;
  /** Articles with a record of mentions (naming at least one key). */
  total: number;
  /** Per key (as the recognizer filed it): articles that name it, as its summary says. */
  byKey: Map<string, number>;
}

/** The record as stored; an empty one before the first reading is counted. */
export async function readArticleCounts(db: GlossDb): Promise<ArticleCounts> {
  const record = await db.articleCounts.get(ARTICLE_COUNTS_ID);
  return record?.id === ARTICLE_COUNTS_ID ? record : { id: ARTICLE_COUNTS_ID, total: 0, byKey: new Map() };
}

/** What a queued reading does to the number of articles: +1 for an article's first record of mentions, -1 for its last. */
export const articlesAdded = ({ removed, added }: Pick<PendingChange, 'removed' | 'added'>): number => (!removed.length && added.length ? 1 : removed.length && !added.length ? -1 : 0);

/**
 * Counts made from a database that had summaries before this record existed (the schema upgrade
 * that adds it): the summaries' figures, and the records of mentions less those still queued,
 * which the summaries have not counted yet and `applyPending` will.
 */
export async function countsFromSummaries(tx: Transaction): Promise<ArticleCounts> {
  const byKey = new Map<string, number>();
  await tx.table('entities').each((summary: { key: string; articles: number }) => void byKey.set(summary.key, summary.articles));
  const queued = (await tx.table('pendingMentions').toArray()) as PendingChange[];
  const total = (await tx.table('mentions').count()) - queued.reduce((n, change) => n + articlesAdded(change), 0);
  return { id: ARTICLE_COUNTS_ID, total, byKey };
}
