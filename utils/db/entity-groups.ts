/**
 * A key as the reader's corrections show it: a root and the keys merged into it, read as one.
 * The stored summaries and timelines stay per key as the recognizer filed them (a reading never
 * needs to know of corrections, and a split is only a record removed); a root's figures are
 * folded from its members' at question time. Articles that name two members are counted once:
 * what the members share is kept per root (group-overlaps.ts) and taken away.
 */
import type { EntityType } from '../entities/types';
import { keyName } from '../corrections/correction';
import type { Resolver } from '../corrections/resolve';
import type { EntitySummary, EntityTimeline } from '../mentions/types';
import type { GlossDb, StoredSummary } from './database';
import { measureOverlap, measureOverlapCount, overlapFits, type GroupOverlap } from './group-overlaps';
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

/** `summary` as `resolver` shows its key (a key of its own: nothing merged in), without the words it is stored with. */
export function shownAlone(summary: EntitySummary | StoredSummary, resolver: Resolver): ShownEntity {
  const name = resolver.nameOf(summary.key);
  const shown: Partial<StoredSummary> & EntitySummary = { ...summary };
  delete shown.words;
  return {
    ...shown,
    ...(name !== undefined && name !== summary.name && { name, recognizedName: summary.name }),
    ...(resolver.isHidden(summary.key) && { hidden: true as const }),
  };
}

/**
 * `root`'s summary as shown: over every key merged into it when it has any (their summaries taken
 * from `known` where given), else its own from `known`; undefined when no article names it.
 */
export async function shownRoot(db: GlossDb, resolver: Resolver, root: string, known: ReadonlyMap<string, EntitySummary | undefined>): Promise<ShownEntity | undefined> {
  if (resolver.groups.has(root)) return (await groupTotals(db, resolver, root, { known, timeline: false }))?.summary;
  const summary = known.get(root);
  return summary && shownAlone(summary, resolver);
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
    // What the members share: kept since the group formed, else measured now (an older record, or none).
    const kept = await db.groupOverlaps.get(root);
    if (overlapFits(kept, members)) subtract(summary, timeline, kept, outlets);
    else if (withTimeline) subtract(summary, timeline, await measureOverlap(db, root, members, { outlets }), outlets);
    else summary.articles -= await measureOverlapCount(db, members);
  }
  return { summary, timeline };
}

/** Takes what the members share out of their summed figures. */
function subtract(summary: EntitySummary, timeline: EntityTimeline, overlap: GroupOverlap, outlets: boolean): void {
  summary.articles -= overlap.articles;
  for (const [month, shared] of Object.entries(overlap.months)) {
    const bucket = timeline.months[month];
    if (!bucket) continue;
    bucket.articles -= shared.articles;
    for (const [outlet, n] of outlets ? Object.entries(shared.outlets) : []) {
      bucket.outlets[outlet] = (bucket.outlets[outlet] ?? 0) - n;
      if (bucket.outlets[outlet] <= 0) delete bucket.outlets[outlet];
    }
  }
}
