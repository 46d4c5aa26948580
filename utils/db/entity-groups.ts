/**
 * A key as the reader's corrections show it: a root and the keys merged into it, read as one.
 * The stored summaries and timelines stay per key as the recognizer filed them (a reading never
 * needs to know of corrections, and a split is only a record removed); a root's figures are
 * folded from its members' at question time. Articles that name two members are counted once:
 * which they are comes from ids alone (forward ranges of primary keys on the `keyDates` and
 * `siteName` indexes, the fast reads), never from reading the records.
 */
import type { EntityType } from '../entities/types';
import { keyName } from '../corrections/correction';
import type { Resolver } from '../corrections/resolve';
import { keyDate, keyDateRange, type EntitySummary, type EntityTimeline } from '../mentions/types';
import type { GlossDb } from './database';
import { MAX_VARIANTS } from './mentions-repo';

/** A summary as the library shows it: the root's key, the reader's name for it, what is merged in and whether it is hidden. */
export interface ShownEntity extends EntitySummary {
  /** The keys shown as this one (merged into it), without the root itself. */
  merged?: string[];
  /** The name the recognizer gave it, where the reader renamed it. */
  recognizedName?: string;
  hidden?: true;
}

export interface GroupTotals {
  summary: ShownEntity;
  timeline: EntityTimeline;
}

/** `summary` as `resolver` shows its key (a key of its own: nothing merged in). */
export function shownAlone(summary: EntitySummary, resolver: Resolver): ShownEntity {
  const name = resolver.nameOf(summary.key);
  return {
    ...summary,
    ...(name !== undefined && name !== summary.name && { name, recognizedName: summary.name }),
    ...(resolver.isHidden(summary.key) && { hidden: true as const }),
  };
}

/**
 * The figures of `root` over every key merged into it, from their stored summaries (given, when
 * the caller read them already) and, with `timeline`, their timelines; null when none of them is
 * named in any article. Without `timeline` (the table, the co-occurrence ranking) only the summary
 * is exact and the timeline is left empty; without `outlets` (a trend) the timeline's articles per
 * outlet are left as summed.
 */
export async function groupTotals(
  db: GlossDb,
  resolver: Resolver,
  root: string,
  { known, timeline: withTimeline = true, outlets = true }: { known?: ReadonlyMap<string, EntitySummary | undefined>; timeline?: boolean; outlets?: boolean } = {},
): Promise<GroupTotals | null> {
  const members = resolver.membersOf(root);
  const missing = members.filter((key) => !known?.has(key));
  const [read, timelines] = await Promise.all([missing.length ? db.entities.bulkGet(missing) : [], withTimeline ? db.timelines.bulkGet(members) : []]);
  const summaryOf = new Map(known);
  missing.forEach((key, i) => summaryOf.set(key, read[i]));
  const present = members.flatMap((key) => summaryOf.get(key) ?? []);
  if (!present.length) return null;
  const rootSummary = summaryOf.get(root);
  const recognized = rootSummary?.name ?? keyName(root);
  const name = resolver.nameOf(root) ?? recognized;
  const summary: ShownEntity = {
    key: root,
    type: rootSummary?.type ?? (root.slice(0, root.indexOf(':')) as EntityType),
    name,
    variants: [...new Set(present.flatMap((s) => s.variants))].slice(0, MAX_VARIANTS),
    articles: present.reduce((n, s) => n + s.articles, 0),
    mentions: present.reduce((n, s) => n + s.mentions, 0),
    firstSeen: Math.min(...present.map((s) => s.firstSeen)),
    lastSeen: Math.max(...present.map((s) => s.lastSeen)),
    ...(members.length > 1 && { merged: members.slice(1) }),
    ...(name !== recognized && { recognizedName: recognized }),
    ...(resolver.isHidden(root) && { hidden: true as const }),
  };
  const timeline: EntityTimeline = { key: root, months: {} };
  const stored = timelines.flatMap((t) => t ?? []);
  for (const { months } of stored) {
    for (const [month, count] of Object.entries(months)) {
      const bucket = (timeline.months[month] ??= { articles: 0, mentions: 0, outlets: {} });
      bucket.articles += count.articles;
      bucket.mentions += count.mentions;
      for (const [outlet, n] of Object.entries(count.outlets)) bucket.outlets[outlet] = (bucket.outlets[outlet] ?? 0) + n;
    }
  }
  if (present.length > 1) {
    const keys = present.map((s) => s.key);
    if (withTimeline) await countSharedByMonth(db, keys, stored, summary, timeline, outlets);
    else summary.articles -= extraCounts(await Promise.all(keys.map((key) => db.mentions.where('keyDates').between(...keyDateRange(key)).primaryKeys()))).total;
  }
  return { summary, timeline };
}

/** The articles listed more than once in `lists` (an article naming two of the keys), with how many times more, and how many in all. */
function extraCounts(lists: readonly string[][]): { extra: Map<string, number>; total: number } {
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

/** The first instant of month 'YYYY-MM' (UTC), and of the month after. */
const monthBounds = (month: string): [number, number] => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return [Date.UTC(year, m - 1, 1), Date.UTC(year, m, 1)];
};

/**
 * Takes away the extra counts of articles that name several of `keys`, month by month (each
 * article counts once), and from the outlet each is filed under. Reads only ids from indexes:
 * the keys' articles in each month two of them share (a `keyDates` range each), and the articles
 * of each outlet of those months (the `siteName` index), never the records themselves, which an
 * overlap of thousands of articles would make seconds long.
 */
async function countSharedByMonth(db: GlossDb, keys: readonly string[], timelines: readonly EntityTimeline[], summary: EntitySummary, timeline: EntityTimeline, withOutlets: boolean): Promise<void> {
  const shared = Object.keys(timeline.months).filter((month) => timelines.filter((t) => t.months[month]).length > 1);
  const byMonth = await Promise.all(
    shared.map(async (month) => {
      const [from, to] = monthBounds(month);
      const lists = await Promise.all(keys.map((key) => db.mentions.where('keyDates').between(keyDate(key, from), keyDate(key, to), true, false).primaryKeys()));
      return { month, ...extraCounts(lists) };
    }),
  );
  const counted = byMonth.filter((m) => m.total > 0);
  if (!counted.length) return;
  const outlets = withOutlets ? [...new Set(counted.flatMap(({ month }) => Object.keys(timeline.months[month]?.outlets ?? {})))].filter(Boolean) : [];
  const outletOf = new Map<string, string>();
  const idLists = await Promise.all(outlets.map((outlet) => db.articles.where('siteName').equals(outlet).primaryKeys()));
  idLists.forEach((ids, i) => ids.forEach((id) => outletOf.set(id, outlets[i] as string)));
  for (const { month, extra, total } of counted) {
    const bucket = timeline.months[month] as EntityTimeline['months'][string];
    summary.articles -= total;
    bucket.articles -= total;
    for (const [id, n] of withOutlets ? extra : []) {
      const outlet = outletOf.get(id) ?? '';
      bucket.outlets[outlet] = (bucket.outlets[outlet] ?? 0) - n;
      if (bucket.outlets[outlet] === 0) delete bucket.outlets[outlet];
    }
  }
}
