/**
 * The library cut by month and outlet: per month, how many articles name each key and how often,
 * over all outlets and over each outlet (`keySlices`, one record per scope and month), and the
 * same per year (`yearSlices`, one record per scope and year: the sum of its months, with the
 * months each key is named in), both kept by `applyPending` beside the summaries. The entity table
 * filtered by outlet or months sums the records of its slice (slice-ranges.ts): a few dozen reads,
 * where reading every key's timeline is thousands, and the timelines do not hold mentions per
 * outlet. Months are those of the dates as filed (the outlet's, mentions-repo.ts `articleDate`).
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

/** One scope's year: its months summed, and in which of them each key is named. */
export interface YearSlice {
  scope: string;
  /** 'YYYY'. */
  year: string;
  articles: Map<string, number>;
  mentions: Map<string, number>;
  /** The months of the year that name each key, one bit each (January 1, December 2^11): its first and last month there. */
  months: Map<string, number>;
}

export type YearId = [scope: string, year: string];

/** The slices a pass of applyPending reads, counts in and writes back, by `scope NUL month` and `scope NUL year`. */
export interface Slices {
  months: Map<string, KeySlice>;
  years: Map<string, YearSlice>;
}

export const noSlices = (): Slices => ({ months: new Map(), years: new Map() });

/** The slices an article's part counts in: its month over all outlets, and over its outlet. */
export const slicesOf = ({ date, outlet }: Pick<Contribution, 'date' | 'outlet'>): SliceId[] => {
  const month = monthOf(date);
  return [
    [ALL_OUTLETS, month],
    [outletScope(outlet), month],
  ];
};

const idOf = ([scope, period]: SliceId | YearId) => `${scope}\u0000${period}`;
const yearOf = ([scope, month]: SliceId): YearId => [scope, month.slice(0, 4)];

/** Adds `sign` articles and `sign × count` mentions of `key` to `counts`; a key left in no article leaves. Returns its articles now. */
function tally(counts: Pick<KeySlice, 'articles' | 'mentions'>, key: string, count: number, sign: 1 | -1): number {
  const articles = (counts.articles.get(key) ?? 0) + sign;
  if (articles > 0) {
    counts.articles.set(key, articles);
    counts.mentions.set(key, (counts.mentions.get(key) ?? 0) + sign * count);
  } else {
    counts.articles.delete(key);
    counts.mentions.delete(key);
  }
  return articles;
}

/**
 * Adds (`sign` 1) or takes away (-1) parts of readings in `slices`' months and years (those
 * missing created); a key whose count falls to 0 leaves its slice, and its month's bit in the year
 * follows its month's count. The month's record must be in `slices` when its year's is (readSlices
 * reads both).
 */
export function countSlices(slices: Slices, parts: readonly Contribution[], sign: 1 | -1): void {
  for (const part of parts) {
    for (const id of slicesOf(part)) {
      const monthId = idOf(id);
      const month = slices.months.get(monthId) ?? { scope: id[0], month: id[1], articles: new Map<string, number>(), mentions: new Map<string, number>() };
      slices.months.set(monthId, month);
      const inMonth = tally(month, part.key, part.count, sign);
      const [scope, year] = yearOf(id);
      const yearId = idOf([scope, year]);
      const whole = slices.years.get(yearId) ?? { scope, year, articles: new Map<string, number>(), mentions: new Map<string, number>(), months: new Map<string, number>() };
      slices.years.set(yearId, whole);
      if (tally(whole, part.key, part.count, sign) <= 0) {
        whole.months.delete(part.key);
        continue;
      }
      const bit = 1 << (Number(id[1].slice(5)) - 1);
      const named = whole.months.get(part.key) ?? 0;
      whole.months.set(part.key, inMonth > 0 ? named | bit : named & ~bit);
    }
  }
}

/** The slices stored for the months and years `parts` count in. */
export async function readSlices(db: GlossDb, parts: readonly Contribution[]): Promise<Slices> {
  const months = [...new Map(parts.flatMap(slicesOf).map((id) => [idOf(id), id])).values()];
  const years = [...new Map(months.map((id) => [idOf(yearOf(id)), yearOf(id)])).values()];
  const [storedMonths, storedYears] = await Promise.all([db.keySlices.bulkGet(months), db.yearSlices.bulkGet(years)]);
  return {
    months: new Map(storedMonths.flatMap((slice) => (slice ? [[idOf([slice.scope, slice.month]), slice]] : []))),
    years: new Map(storedYears.flatMap((slice) => (slice ? [[idOf([slice.scope, slice.year]), slice]] : []))),
  };
}

/** Writes `slices` back, deleting those no key is left in. */
export async function writeSlices(db: GlossDb, slices: Slices): Promise<void> {
  const months = [...slices.months.values()];
  const years = [...slices.years.values()];
  await Promise.all([
    db.keySlices.bulkPut(months.filter((s) => s.articles.size > 0)),
    db.keySlices.bulkDelete(months.filter((s) => s.articles.size === 0).map((s): SliceId => [s.scope, s.month])),
    db.yearSlices.bulkPut(years.filter((s) => s.articles.size > 0)),
    db.yearSlices.bulkDelete(years.filter((s) => s.articles.size === 0).map((s): YearId => [s.scope, s.year])),
  ]);
}

/** The slices of one scope from month `from` to month `to` (both included; either open), oldest first. */
export function slicesIn(db: GlossDb, scope: string, from = '', to = '\uffff'): Promise<KeySlice[]> {
  return db.keySlices.where('[scope+month]').between([scope, from], [scope, to], true, true).toArray();
}

/** The yearly slices of one scope from year `from` to year `to` (both included; either open), oldest first. */
export function yearsIn(db: GlossDb, scope: string, from = '', to = '\uffff'): Promise<YearSlice[]> {
  return db.yearSlices.where('[scope+year]').between([scope, from], [scope, to], true, true).toArray();
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
