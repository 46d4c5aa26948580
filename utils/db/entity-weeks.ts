/**
 * One key's timeline per ISO week (Monday start, the outlets' days), as corrected: the stored weeks of each key
 * merged into its root (keyWeeks, kept by applyPending as the monthly timelines are), less the
 * articles two of them share in each week. One read per key; the month view reads the timeline.
 */
import type { MonthCount } from '../mentions/types';
import { loadResolver } from './corrections-repo';
import type { GlossDb } from './database';
import { measureOverlap, overlapFits } from './group-overlaps';
import { applyPending } from './mentions-repo';

export interface TimelineWeek {
  /** 'YYYY-Www'. */
  week: string;
  articles: number;
  mentions: number;
  byOutlet: Record<string, number>;
}

/** `key`'s weeks with articles, oldest first, as its root shows them; null when no article names it. */
export async function entityWeeks(db: GlossDb, key: string): Promise<TimelineWeek[] | null> {
  await applyPending(db);
  const resolver = await loadResolver(db);
  const root = resolver.rootOf(key);
  const members = resolver.membersOf(root);
  const stored = (await db.keyWeeks.bulkGet(members)).flatMap((w) => w ?? []);
  if (!stored.length) return null;
  const weeks: Record<string, MonthCount> = {};
  for (const record of stored) {
    for (const [week, count] of Object.entries(record.weeks)) {
      const bucket = (weeks[week] ??= { articles: 0, mentions: 0, outlets: {} });
      bucket.articles += count.articles;
      bucket.mentions += count.mentions;
      for (const [outlet, n] of Object.entries(count.outlets)) bucket.outlets[outlet] = (bucket.outlets[outlet] ?? 0) + n;
    }
  }
  if (stored.length > 1) {
    const kept = await db.groupOverlaps.get(root);
    // A record kept before weeks were counted has none: measured here (and kept by the next merge or split).
    const shared = (overlapFits(kept, members) && kept.weeks) || (await measureOverlap(db, root, members)).weeks || {};
    for (const [week, { articles, outlets }] of Object.entries(shared)) {
      const bucket = weeks[week];
      if (!bucket) continue;
      bucket.articles -= articles;
      for (const [outlet, n] of Object.entries(outlets)) {
        bucket.outlets[outlet] = (bucket.outlets[outlet] ?? 0) - n;
        if (bucket.outlets[outlet] <= 0) delete bucket.outlets[outlet];
      }
    }
  }
  return Object.keys(weeks)
    .sort()
    .map((week) => {
      const { articles, mentions, outlets } = weeks[week] as MonthCount;
      return { week, articles, mentions, byOutlet: { ...outlets } };
    });
}
