/**
 * What the library keeps per period, counted from the records of mentions: the slices by month,
 * year and outlet (key-slices.ts), each key's months (`timelines`) and weeks, its first and last
 * date, and what merged keys share per month and week (group-overlaps.ts). What the schema
 * upgrades that add or re-date them fill in for a library read before. The counts are those the
 * summaries hold: an article with readings still queued counts as the summaries know it (its first
 * queued change's `removed`; its changes run from there to its record), and applyPending counts
 * the rest later, with the summaries; any other article counts as its record says.
 */
import type { Table } from 'dexie';
import type { CorrectionRecord } from '../corrections/correction';
import { resolver, type Resolver } from '../corrections/resolve';
import { contributionsOf, countTimeline, type ArticleMentionsRecord, type Contribution, type EntitySummary, type EntityTimeline, type EntityWeeks, type PendingChange } from '../mentions/types';
import { countOverlaps, overlapFits, type GroupOverlap } from './group-overlaps';
import { countSlices, noSlices, type Slices } from './key-slices';
import { MOST_NAMED_ID } from './most-named';

/** A transaction or a database: what holds the tables. */
export interface TableSource {
  table(name: string): Table;
}

/** Calls `visit` with each article's parts as the summaries count them. */
async function eachCounted(source: TableSource, visit: (parts: readonly Contribution[]) => void): Promise<void> {
  const known = new Map<string, Contribution[]>();
  // In queue order: an article's first change is what the summaries know of it.
  for (const change of (await source.table('pendingMentions').toArray()) as PendingChange[]) if (!known.has(change.articleId)) known.set(change.articleId, change.removed);
  await source.table('mentions').each((record: ArticleMentionsRecord) => {
    if (!known.has(record.articleId)) visit(contributionsOf(record));
  });
  for (const parts of known.values()) visit(parts);
}

export interface Periods {
  slices: Slices;
  timelines: Map<string, EntityTimeline>;
  weeks: Map<string, EntityWeeks>;
  /** Each key's earliest and latest date. */
  seen: Map<string, [first: number, last: number]>;
}

/** Counts every period of every key from the records of mentions; with `shared`, what each group of `groups` shares into its overlap kept there (by root). */
export async function periodsFromMentions(source: TableSource, shared?: { groups: Resolver; overlaps: Map<string, GroupOverlap> }): Promise<Periods> {
  const periods: Periods = { slices: noSlices(), timelines: new Map(), weeks: new Map(), seen: new Map() };
  await eachCounted(source, (parts) => {
    countSlices(periods.slices, parts, 1);
    for (const part of parts) {
      const timeline = periods.timelines.get(part.key) ?? { key: part.key, months: {} };
      const weeks = periods.weeks.get(part.key) ?? { key: part.key, weeks: {} };
      periods.timelines.set(part.key, timeline);
      periods.weeks.set(part.key, weeks);
      countTimeline(timeline, weeks, part, 1);
      const seen = periods.seen.get(part.key) ?? [part.date, part.date];
      periods.seen.set(part.key, [Math.min(seen[0], part.date), Math.max(seen[1], part.date)]);
    }
    if (shared) countOverlaps([{ articleId: '', removed: [], added: [...parts] }], shared.groups, shared.overlaps);
  });
  return periods;
}

/** Fills `keySlices` and `keyWeeks` from the records of mentions (schema 12's upgrade: the tables it added). */
export async function fillPeriods(source: TableSource): Promise<void> {
  const { slices, weeks } = await periodsFromMentions(source);
  await source.table('keySlices').bulkPut([...slices.months.values()]);
  await source.table('keyWeeks').bulkPut([...weeks.values()]);
}

/**
 * Counts again, from the records of mentions, everything the library keeps per period, in place of
 * what it held: the monthly and yearly slices, the timelines and weeks, the summaries' first and
 * last dates, and what each group of merged keys shares per month and week (a kept overlap that
 * does not fit its group now is dropped: it was not read, and the next merge or split measures
 * it). Schema 14's upgrade, once the records are dated by the outlet's day; the bench's library.
 */
export async function recountPeriods(source: TableSource): Promise<void> {
  const groups = resolver((await source.table('corrections').toArray()) as CorrectionRecord[]);
  const stored = (await source.table('groupOverlaps').toArray()) as GroupOverlap[];
  const fitting = stored.filter((overlap) => overlapFits(overlap, groups.membersOf(overlap.root)));
  const overlaps = new Map(fitting.map((overlap): [string, GroupOverlap] => [overlap.root, { ...overlap, articles: 0, months: {}, weeks: {} }]));
  const { slices, timelines, weeks, seen } = await periodsFromMentions(source, { groups, overlaps });
  for (const name of ['keySlices', 'yearSlices', 'timelines', 'keyWeeks', 'groupOverlaps']) await source.table(name).clear();
  await Promise.all([
    source.table('keySlices').bulkPut([...slices.months.values()]),
    source.table('yearSlices').bulkPut([...slices.years.values()]),
    source.table('timelines').bulkPut([...timelines.values()]),
    source.table('keyWeeks').bulkPut([...weeks.values()]),
    source.table('groupOverlaps').bulkPut([...overlaps.values()]),
    source
      .table('entities')
      .toCollection()
      .modify((summary: EntitySummary) => {
        const dates = seen.get(summary.key);
        if (dates) [summary.firstSeen, summary.lastSeen] = dates;
      }),
    // Its first and last seen were the summaries' before: applyPending reads it again.
    source.table('articleCounts').delete(MOST_NAMED_ID),
  ]);
}
