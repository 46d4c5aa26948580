/**
 * What the keys merged into one root share: the articles that name two or more of them, which a
 * sum of their figures would count more than once. Kept per root (`groupOverlaps`), so that a
 * question subtracts it instead of finding the shared articles again (an index scan of every
 * article of every member: seconds for a merge of the most named keys). Measured when a
 * correction forms or changes a group, from ids alone; kept up to date by `applyPending` from each
 * reading's change, as the summaries are. A record whose members are not the group's now is not
 * used (entity-groups.ts then measures it on the spot).
 */
import type { Resolver } from '../corrections/resolve';
import { keyDate, keyDateRange, monthOf, weekOf, weekStart, type Contribution, type EntityTimeline, type PendingChange } from '../mentions/types';
import type { GlossDb } from './database';

export interface GroupOverlap {
  root: string;
  /** The group it was measured for, the root first. */
  members: string[];
  /** Extra counts: an article naming three of the members counts 2. */
  articles: number;
  months: Record<string, SharedCount>;
  /** The same per ISO week (absent in a record measured before weeks were kept: measured again when a week view asks). */
  weeks?: Record<string, SharedCount>;
}

export interface SharedCount {
  articles: number;
  outlets: Record<string, number>;
}

/** Whether `overlap` was measured for the group `members` is now. */
export const overlapFits = (overlap: GroupOverlap | undefined, members: readonly string[]): overlap is GroupOverlap =>
  !!overlap && overlap.members.length === members.length && overlap.members.every((key, i) => key === members[i]);

/** The articles listed more than once in `lists`, with how many times more, and how many in all. */
export function extraCounts(lists: readonly string[][]): { extra: Map<string, number>; total: number } {
  const times = new Map<string, number>();
  for (const ids of lists) for (const id of ids) times.set(id, (times.get(id) ?? 0) + 1);
  const extra = new Map<string, number>();
  let total = 0;
  for (const [id, n] of times) {
    if (n < 2) continue;
    extra.set(id, n - 1);
    total += n - 1;
  }
  return { extra, total };
}

/** The first instant of month 'YYYY-MM' (UTC, as dates are filed: the outlet's month), and of the month after. */
const monthBounds = (month: string): [number, number] => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return [Date.UTC(year, m - 1, 1), Date.UTC(year, m, 1)];
};

/** The parts of month 'YYYY-MM' that lie in one ISO week each: [from, to) with their week. */
const monthSegments = (month: string): { from: number; to: number; week: string }[] => {
  const [start, end] = monthBounds(month);
  const segments = [];
  for (let from = start; from < end; ) {
    const week = weekOf(from);
    const to = Math.min(end, weekStart(week) + 7 * 86_400_000);
    segments.push({ from, to, week });
    from = to;
  }
  return segments;
};

/**
 * Measures what `members` share from index ids only: their articles in each part of a month two
 * of them name that lies in one week (a `keyDates` range each, so that months and weeks both
 * add up) and the articles of each outlet of those months (`siteName`), never the records.
 * Without `outlets`, per-outlet figures are left out.
 */
export async function measureOverlap(db: GlossDb, root: string, members: readonly string[], { outlets: withOutlets = true } = {}): Promise<GroupOverlap> {
  const timelines = (await db.timelines.bulkGet([...members])).flatMap((t): EntityTimeline[] => (t ? [t] : []));
  const overlap: GroupOverlap = { root, members: [...members], articles: 0, months: {}, weeks: {} };
  const months = [...new Set(timelines.flatMap((t) => Object.keys(t.months)))].filter((month) => timelines.filter((t) => t.months[month]).length > 1);
  const named = timelines.map((t) => t.key);
  const bySegment = await Promise.all(
    months.flatMap((month) =>
      monthSegments(month).map(async ({ from, to, week }) => {
        const lists = await Promise.all(named.map((key) => db.mentions.where('keyDates').between(keyDate(key, from), keyDate(key, to), true, false).primaryKeys()));
        return { month, week, ...extraCounts(lists) };
      }),
    ),
  );
  const counted = bySegment.filter((m) => m.total > 0);
  const outlets = withOutlets ? [...new Set(counted.flatMap(({ month }) => timelines.flatMap((t) => Object.keys(t.months[month]?.outlets ?? {}))))].filter(Boolean) : [];
  const outletOf = new Map<string, string>();
  const idLists = await Promise.all(outlets.map((outlet) => db.articles.where('siteName').equals(outlet).primaryKeys()));
  idLists.forEach((ids, i) => ids.forEach((id) => outletOf.set(id, outlets[i] as string)));
  const weeks = overlap.weeks as Record<string, SharedCount>;
  for (const { month, week, extra, total } of counted) {
    const buckets = [(overlap.months[month] ??= { articles: 0, outlets: {} }), (weeks[week] ??= { articles: 0, outlets: {} })];
    overlap.articles += total;
    for (const bucket of buckets) {
      bucket.articles += total;
      for (const [id, n] of withOutlets ? extra : []) {
        const outlet = outletOf.get(id) ?? '';
        bucket.outlets[outlet] = (bucket.outlets[outlet] ?? 0) + n;
      }
    }
  }
  return overlap;
}

/** The overlap of the whole group, for an articles count only (the table, co-occurrence): one id range per member. */
export async function measureOverlapCount(db: GlossDb, members: readonly string[]): Promise<number> {
  return extraCounts(await Promise.all(members.map((key) => db.mentions.where('keyDates').between(...keyDateRange(key)).primaryKeys()))).total;
}

/** Measures and keeps the overlap of each of `roots` that is a group now; forgets it for the others. */
export async function refreshOverlaps(db: GlossDb, resolver: Resolver, roots: Iterable<string>): Promise<void> {
  for (const root of new Set(roots)) {
    if (resolver.groups.has(root)) await db.groupOverlaps.put(await measureOverlap(db, root, resolver.membersOf(root)));
    else await db.groupOverlaps.delete(root);
  }
}

/** One article's extra counts in each group, from its contributions (those of one reading). */
function extrasOf(parts: readonly Contribution[], resolver: Resolver): Map<string, { extra: number; date: number; outlet: string }> {
  const named = new Map<string, { extra: number; date: number; outlet: string }>();
  for (const part of parts) {
    const root = resolver.rootOf(part.key);
    if (!resolver.groups.has(root)) continue;
    const known = named.get(root);
    if (known) known.extra++;
    else named.set(root, { extra: 0, date: part.date, outlet: part.outlet });
  }
  return named;
}

/** Brings the kept overlaps up to date with readings' changes (inside applyPending's transaction, over `overlaps` read by root). */
export function countOverlaps(changes: readonly PendingChange[], resolver: Resolver, overlaps: Map<string, GroupOverlap>): void {
  const add = (root: string, { extra, date, outlet }: { extra: number; date: number; outlet: string }, sign: 1 | -1) => {
    const overlap = overlaps.get(root);
    if (!overlap || !extra) return;
    overlap.articles += sign * extra;
    const periods: [Record<string, SharedCount> | undefined, string][] = [
      [overlap.months, monthOf(date)],
      [overlap.weeks, weekOf(date)],
    ];
    for (const [counts, period] of periods) {
      if (!counts) continue;
      const bucket = (counts[period] ??= { articles: 0, outlets: {} });
      bucket.articles += sign * extra;
      bucket.outlets[outlet] = (bucket.outlets[outlet] ?? 0) + sign * extra;
      if (bucket.outlets[outlet] === 0) delete bucket.outlets[outlet];
      if (bucket.articles <= 0) delete counts[period];
    }
  };
  for (const change of changes) {
    for (const [root, part] of extrasOf(change.removed, resolver)) add(root, part, -1);
    for (const [root, part] of extrasOf(change.added, resolver)) add(root, part, 1);
  }
}
