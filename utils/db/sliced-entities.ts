/**
 * The entity table within a slice of the library: one outlet, a range of months, or both. Summed
 * from the slices by year, month and outlet (slice-ranges.ts), a few dozen records, never the
 * timelines or the articles; then shown as corrected, as the whole table is (entity-groups.ts):
 * merged keys fold into their root, less the articles they share in those months (and that
 * outlet), hidden ones leave. Articles and mentions are exact for any slice; first and last seen are known to the month.
 */
import type { Resolver } from '../corrections/resolve';
import type { EntityType } from '../entities/types';
import type { EntitySummary } from '../mentions/types';
import { loadResolver } from './corrections-repo';
import type { GlossDb } from './database';
import { shownRoot, type ShownEntity } from './entity-groups';
import { measureOverlap, overlapFits } from './group-overlaps';
import { ALL_OUTLETS, outletScope } from './key-slices';
import { applyPending } from './mentions-repo';
import { rangeCounts } from './slice-ranges';

/** Which part of the library: an outlet ('' for articles that name none), and months 'YYYY-MM' from and to (both included). */
export interface Slice {
  outlet?: string;
  from?: string;
  to?: string;
}

/** A row of the table within a slice: its figures are the slice's, `within` its first and last month there. */
export interface SlicedEntity extends ShownEntity {
  within: { first: string; last: string };
}

/** A root's figures within a slice. */
export interface Tally {
  articles: number;
  mentions: number;
  first: string;
  last: string;
  members: Set<string>;
}

/** The keys named in `slice`, most named there first, of one type or of all, as corrected. */
export async function listEntitiesIn(
  db: GlossDb,
  slice: Slice,
  { type, limit = 100, offset = 0, hidden = false }: { type?: EntityType; limit?: number; offset?: number; hidden?: boolean } = {},
): Promise<SlicedEntity[]> {
  await applyPending(db);
  const resolver = await loadResolver(db);
  const ranked = await rankIn(db, resolver, slice, { type, hidden });
  return slicedRows(db, resolver, ranked.slice(offset, offset + limit));
}

/**
 * Every root named in `slice` with its figures there, most named first (as corrected: merged keys
 * in their root, less what they share there; hidden ones out unless `hidden`). With `only`, the
 * roots it holds alone are counted (a name search's hits): the slices are read all the same.
 */
export async function rankIn(
  db: GlossDb,
  resolver: Resolver,
  { outlet, from = '', to = '\uffff' }: Slice,
  { type, hidden = false, only }: { type?: EntityType; hidden?: boolean; only?: ReadonlySet<string> },
): Promise<[string, Tally][]> {
  if (from > to) return [];
  const counts = await rangeCounts(db, outlet === undefined ? ALL_OUTLETS : outletScope(outlet), from, to);
  const tallies = new Map<string, Tally>();
  for (const [key, { articles, mentions, first, last }] of counts) {
    const root = resolver.rootOf(key);
    if ((!hidden && resolver.isHidden(root)) || (type && !root.startsWith(`${type}:`)) || (only && !only.has(root))) continue;
    const tally = tallies.get(root);
    if (!tally) {
      tallies.set(root, { articles, mentions, first, last, members: new Set([key]) });
      continue;
    }
    tally.articles += articles;
    tally.mentions += mentions;
    if (first < tally.first) tally.first = first;
    if (last > tally.last) tally.last = last;
    tally.members.add(key);
  }
  // Articles that name two keys of a group count once: take out what they share in these months.
  await Promise.all(
    [...tallies].map(async ([root, tally]) => {
      if (tally.members.size < 2) return;
      const members = resolver.membersOf(root);
      const kept = await db.groupOverlaps.get(root);
      const overlap = overlapFits(kept, members) ? kept : await measureOverlap(db, root, members, { outlets: outlet !== undefined });
      for (const [month, shared] of Object.entries(overlap.months)) {
        if (month >= from && month <= to) tally.articles -= outlet === undefined ? shared.articles : (shared.outlets[outlet] ?? 0);
      }
    }),
  );
  return [...tallies]
    .filter(([, t]) => t.articles > 0)
    .sort(([a, x], [b, y]) => y.articles - x.articles || y.mentions - x.mentions || (a < b ? -1 : 1));
}

/** The rows of `ranked` roots as shown, with their figures in the slice; `known` holds summaries read already. */
export async function slicedRows(db: GlossDb, resolver: Resolver, ranked: readonly [string, Tally][], known: ReadonlyMap<string, EntitySummary | undefined> = new Map()): Promise<SlicedEntity[]> {
  const keys = [...new Set(ranked.flatMap(([root]) => resolver.membersOf(root)))].filter((key) => !known.has(key));
  const stored = keys.length ? await db.entities.bulkGet(keys) : [];
  const summaries = new Map(known);
  keys.forEach((key, i) => summaries.set(key, stored[i]));
  const rows = await Promise.all(
    ranked.map(async ([root, tally]) => {
      const shown = await shownRoot(db, resolver, root, summaries);
      return shown && { ...shown, articles: tally.articles, mentions: tally.mentions, within: { first: tally.first, last: tally.last } };
    }),
  );
  return rows.filter((row): row is SlicedEntity => !!row);
}
