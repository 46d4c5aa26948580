/**
 * The slices by month and outlet (key-slices.ts) and the keys' weeks, counted from the records of
 * mentions: what the schema upgrade that adds them fills in for a library read before. The counts
 * are those the summaries hold, so readings still queued are taken back out (applyPending counts
 * them later, with the summaries): an article's queued changes run from what the summaries know
 * (the first change's `removed`) to its record (the last change's `added`).
 */
import type { Table } from 'dexie';
import { countPeriod, weekOf, type ArticleMentionsRecord, type Contribution, type EntityWeeks, type PendingChange } from '../mentions/types';
import { countSlices, type KeySlice } from './key-slices';

/** A transaction or a database: what holds the tables. */
export interface TableSource {
  table(name: string): Table;
}

export async function periodsFromMentions(source: TableSource): Promise<{ slices: KeySlice[]; weeks: EntityWeeks[] }> {
  const slices = new Map<string, KeySlice>();
  const weeks = new Map<string, EntityWeeks>();
  const count = (parts: readonly Contribution[], sign: 1 | -1) => {
    countSlices(slices, parts, sign);
    for (const part of parts) {
      const record = weeks.get(part.key) ?? { key: part.key, weeks: {} };
      weeks.set(part.key, record);
      countPeriod(record.weeks, weekOf(part.date), part, sign);
    }
  };
  await source.table('mentions').each(({ entries, date, outlet }: ArticleMentionsRecord) => count(entries.map(({ key, type, name, count, spellings }) => ({ key, type, name, count, spellings, date, outlet })), 1));
  const queued = (await source.table('pendingMentions').toArray()) as PendingChange[];
  // Every part added back before any is taken out, so no count goes below 0 on the way.
  for (const change of queued) count(change.removed, 1);
  for (const change of queued) count(change.added, -1);
  return { slices: [...slices.values()].filter((s) => s.articles.size > 0), weeks: [...weeks.values()].filter((w) => Object.keys(w.weeks).length > 0) };
}

/** Fills `keySlices` and `keyWeeks` from the records of mentions (the schema upgrade, and the bench's library). */
export async function fillPeriods(source: TableSource): Promise<void> {
  const { slices, weeks } = await periodsFromMentions(source);
  await source.table('keySlices').bulkPut(slices);
  await source.table('keyWeeks').bulkPut(weeks);
}
