/**
 * A key as the reader's corrections show it: a root and the keys merged into it, read as one.
 * The stored summaries and timelines stay per key as the recognizer filed them (a reading never
 * needs to know of corrections, and a split is only a record removed); a root's figures are
 * folded from its members' at question time. Articles that name two members are counted once:
 * their ids come from the `keyDates` index (a forward range of primary keys, the fast read) and
 * only the shared ones are read, for their month and outlet.
 */
import type { EntityType } from '../entities/types';
import { keyName } from '../corrections/correction';
import type { Resolver } from '../corrections/resolve';
import { keyDateRange, monthOf, type EntitySummary, type EntityTimeline } from '../mentions/types';
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
 * the caller read them already) and timelines; null when none of them is named in any article.
 */
export async function groupTotals(db: GlossDb, resolver: Resolver, root: string, known?: ReadonlyMap<string, EntitySummary | undefined>): Promise<GroupTotals | null> {
  const members = resolver.membersOf(root);
  const missing = members.filter((key) => !known?.has(key));
  const [read, timelines] = await Promise.all([missing.length ? db.entities.bulkGet(missing) : [], db.timelines.bulkGet(members)]);
  const summaryOf = new Map(known);
  missing.forEach((key, i) => summaryOf.set(key, read[i]));
  const present = members.flatMap((key) => summaryOf.get(key) ?? []);
  const first = present[0];
  if (!first) return null;
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
  for (const stored of timelines) {
    for (const [month, count] of Object.entries(stored?.months ?? {})) {
      const bucket = (timeline.months[month] ??= { articles: 0, mentions: 0, outlets: {} });
      bucket.articles += count.articles;
      bucket.mentions += count.mentions;
      for (const [outlet, n] of Object.entries(count.outlets)) bucket.outlets[outlet] = (bucket.outlets[outlet] ?? 0) + n;
    }
  }
  if (present.length > 1) await countSharedOnce(db, present.map((s) => s.key), summary, timeline);
  return { summary, timeline };
}

/** Takes away the extra counts of articles that name several of `keys` (each article counts once). */
async function countSharedOnce(db: GlossDb, keys: readonly string[], summary: EntitySummary, timeline: EntityTimeline): Promise<void> {
  const idLists = await Promise.all(keys.map((key) => db.mentions.where('keyDates').between(...keyDateRange(key)).primaryKeys()));
  const times = new Map<string, number>();
  for (const ids of idLists) for (const id of ids) times.set(id, (times.get(id) ?? 0) + 1);
  const shared = [...times].filter(([, n]) => n > 1);
  if (!shared.length) return;
  const records = await db.mentions.bulkGet(shared.map(([id]) => id));
  records.forEach((record, i) => {
    if (!record) return;
    const extra = (shared[i] as [string, number])[1] - 1;
    summary.articles -= extra;
    const bucket = timeline.months[monthOf(record.date)];
    if (!bucket) return;
    bucket.articles -= extra;
    bucket.outlets[record.outlet] = (bucket.outlets[record.outlet] ?? 0) - extra;
    if (bucket.outlets[record.outlet] === 0) delete bucket.outlets[record.outlet];
  });
}
