/**
 * The most named keys' summaries, in the table's order, as one record (`mostNamed`, in the
 * `articleCounts` table beside the counts it follows), kept by `applyPending` as it writes the
 * summaries. The entity table's first screen reads this record rather than walking the summaries'
 * `articles` index: on the bench's library (10,000 articles, 2,244 keys) reading the 2,000 most
 * named by the index took 130 ms of the table's first paint in a trace, most of it the index's
 * cursor, where one record is one read.
 */
import type { EntitySummary } from '../mentions/types';
import type { GlossDb, StoredSummary } from './database';

export const MOST_NAMED_ID = 'mostNamed';

/**
 * Summaries the record keeps: the table's first screen (100 rows, entity-table's ROWS_DRAWN) and
 * as many more as corrections could take out of it (merged keys fold into their root, hidden ones
 * leave) before the question goes to the index instead.
 */
export const MOST_NAMED_ROWS = 300;

export interface MostNamed {
  id: typeof MOST_NAMED_ID;
  /** The most named summaries (without their search words), most named first: the order of the `articles` index read backwards. */
  rows: EntitySummary[];
}

/**
 * The index's order read backwards (IndexedDB orders equal keys by primary key): more articles
 * first, then the key that sorts later. Negative when `a` comes first.
 */
export const mostNamedOrder = (a: EntitySummary, b: EntitySummary): number => b.articles - a.articles || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);

/** The record as stored, or undefined when none is kept yet (a library written before it, or counted again since). */
export async function readMostNamed(db: GlossDb): Promise<MostNamed | undefined> {
  const record = await db.articleCounts.get(MOST_NAMED_ID);
  return record?.id === MOST_NAMED_ID ? record : undefined;
}

/** A summary as the record keeps it: what the table shows, not the words it is found by. */
function bare(summary: EntitySummary | StoredSummary): EntitySummary {
  const { key, type, name, variants, articles, mentions, firstSeen, lastSeen } = summary;
  return { key, type, name, variants, articles, mentions, firstSeen, lastSeen };
}

/** The record read afresh from the summaries' index (within the caller's transaction). */
export async function mostNamedFromIndex(db: GlossDb): Promise<MostNamed> {
  const rows = await db.entities.orderBy('articles').reverse().limit(MOST_NAMED_ROWS).toArray();
  return { id: MOST_NAMED_ID, rows: rows.map(bare) };
}

/**
 * The record after a pass wrote `written` summaries and deleted the keys `gone`, from the record
 * before it; null when that cannot be told without the index. Every key the record left out ranks
 * after its last row and, unchanged, still does: the new record holds when at least
 * MOST_NAMED_ROWS of the rows kept and written rank no later than that last row. A full record
 * whose keys lost articles may fall short, and is read again (null).
 */
export function mostNamedAfter(before: MostNamed, written: readonly (EntitySummary | StoredSummary)[], gone: readonly string[]): MostNamed | null {
  const changed = new Set([...written.map((summary) => summary.key), ...gone]);
  const rows = [...before.rows.filter((row) => !changed.has(row.key)), ...written.filter((summary) => summary.articles > 0).map(bare)].sort(mostNamedOrder);
  const last = before.rows.length >= MOST_NAMED_ROWS ? before.rows[before.rows.length - 1] : undefined;
  if (last && rows.filter((row) => mostNamedOrder(row, last) <= 0).length < MOST_NAMED_ROWS) return null;
  return { id: MOST_NAMED_ID, rows: rows.slice(0, MOST_NAMED_ROWS) };
}
