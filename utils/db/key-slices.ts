/**
 * The library cut by month and outlet: per month, how many articles name each key and how often,
 * over all outlets and over each outlet (`keySlices`, one record per scope and month, kept by
 * `applyPending` beside the summaries). The entity table filtered by outlet or months sums the
 * records of its slice: a few dozen reads, where reading every key's timeline is thousands, and
 * the timelines do not hold mentions per outlet.
 */
import { monthOf, type Contribution } from '../mentions/types';
import type { GlossDb } from './database';

/** The scope of a slice over every outlet; an outlet's is `outletScope(name)`. */
export const ALL_OUTLETS = 'all';
export const outletScope = (outlet: string) => `outlet:${outlet}`;
/** The outlet a scope names, or null for every outlet. */
export const scopeOutlet = (scope: string): string | null => (scope.startsWith('outlet:') ? scope.slice(7) : null);

export interface KeySlice {
  scope: string;
  month: string;
  /** Articles of this month (and outlet) that name each key. */
  articles: Map<string, number>;
  /** Mentions of each key in them. */
  mentions: Map<string, number>;
}

export type SliceId = [scope: string, month: string];

/** The slices an article's part counts in: its month over all outlets, and over its outlet. */
export const slicesOf = ({ date, outlet }: Pick<Contribution, 'date' | 'outlet'>): SliceId[] => {
  const month = monthOf(date);
  return [
    [ALL_OUTLETS, month],
    [outletScope(outlet), month],
  ];
};

const idOf = ([scope, month]: SliceId) => `${scope}\u0000${month}`;

/**
 * Adds (`sign` 1) or takes away (-1) parts of readings in `slices` (by `scope NUL month`, those
 * missing created); a key whose count falls to 0 leaves its slice.
 */
export function countSlices(slices: Map<string, KeySlice>, parts: readonly Contribution[], sign: 1 | -1): void {
  for (const part of parts) {
    for (const id of slicesOf(part)) {
      const key = idOf(id);
      const slice = slices.get(key) ?? { scope: id[0], month: id[1], articles: new Map<string, number>(), mentions: new Map<string, number>() };
      slices.set(key, slice);
      const articles = (slice.articles.get(part.key) ?? 0) + sign;
      if (articles > 0) {
        slice.articles.set(part.key, articles);
        slice.mentions.set(part.key, (slice.mentions.get(part.key) ?? 0) + sign * part.count);
      } else {
        slice.articles.delete(part.key);
        slice.mentions.delete(part.key);
      }
    }
  }
}

/** The slices stored under `ids`, by `scope NUL month`. */
export async function readSlices(db: GlossDb, ids: readonly SliceId[]): Promise<Map<string, KeySlice>> {
  const unique = [...new Map(ids.map((id) => [idOf(id), id])).values()];
  const stored = await db.keySlices.bulkGet(unique);
  return new Map(stored.flatMap((slice) => (slice ? [[idOf([slice.scope, slice.month]), slice]] : [])));
}

/** Writes `slices` back, deleting those no key is left in. */
export async function writeSlices(db: GlossDb, slices: Map<string, KeySlice>): Promise<void> {
  const all = [...slices.values()];
  await Promise.all([
    db.keySlices.bulkPut(all.filter((s) => s.articles.size > 0)),
    db.keySlices.bulkDelete(all.filter((s) => s.articles.size === 0).map((s): SliceId => [s.scope, s.month])),
  ]);
}

/** The slices of one scope from month `from` to month `to` (both included; either open), oldest first. */
export function slicesIn(db: GlossDb, scope: string, from = '', to = '\uffff'): Promise<KeySlice[]> {
  return db.keySlices.where('[scope+month]').between([scope, from], [scope, to], true, true).toArray();
}

export interface LibraryBounds {
  /** Outlets in their sort order ('' for articles that name none). */
  outlets: string[];
  /** The library's first and last month (null: no article yet). */
  first: string | null;
  last: string | null;
}

/** The outlets the library's articles name, and its first and last month. */
export async function sliceBounds(db: GlossDb): Promise<LibraryBounds> {
  const all = db.keySlices.where('[scope+month]').between([ALL_OUTLETS, ''], [ALL_OUTLETS, '\uffff']);
  const [scopes, first, last] = await Promise.all([db.keySlices.orderBy('scope').uniqueKeys(), all.clone().limit(1).primaryKeys(), all.clone().reverse().limit(1).primaryKeys()]);
  return {
    outlets: scopes.flatMap((scope) => scopeOutlet(String(scope)) ?? []),
    first: (first[0] as unknown as SliceId | undefined)?.[1] ?? null,
    last: (last[0] as unknown as SliceId | undefined)?.[1] ?? null,
  };
}
