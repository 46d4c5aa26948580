/**
 * A range of months of one scope, read from as few slices as give the same answer: the whole
 * years inside it from the yearly records, and only its ragged ends (the months before its first
 * January and after its last December) from the monthly ones (key-slices.ts). A year of one outlet
 * is one record instead of twelve, and all months of every outlet ~48 records become 4; each
 * record's Maps are what the read costs (an 'all' month holds ~1,500 keys at 10,000 articles).
 */
import type { GlossDb } from './database';
import { slicesIn, yearsIn } from './key-slices';

/** A key's figures within a range: articles and mentions, and the first and last month ('YYYY-MM') that name it there. */
export interface RangeCount {
  articles: number;
  mentions: number;
  first: string;
  last: string;
}

/** Open bounds of a range of months or years. */
const OPEN_FROM = '';
const OPEN_TO = '\uffff';

const plusYears = (year: string, n: number) => String(Number(year) + n).padStart(4, '0');

/**
 * How months `from` to `to` (both included, 'YYYY-MM'; '' and '\uffff' open) split: the whole
 * years inside (null if none) and the ranges of months left at either end.
 */
export function splitRange(from: string, to: string): { years: [string, string] | null; months: [string, string][] } {
  const firstYear = from === OPEN_FROM ? OPEN_FROM : from.endsWith('-01') ? from.slice(0, 4) : plusYears(from.slice(0, 4), 1);
  const lastYear = to === OPEN_TO ? OPEN_TO : to.endsWith('-12') ? to.slice(0, 4) : plusYears(to.slice(0, 4), -1);
  if (from > to || firstYear > lastYear) return { years: null, months: from > to ? [] : [[from, to]] };
  const months: [string, string][] = [];
  if (from !== OPEN_FROM && !from.endsWith('-01')) months.push([from, `${from.slice(0, 4)}-12`]);
  if (to !== OPEN_TO && !to.endsWith('-12')) months.push([`${to.slice(0, 4)}-01`, to]);
  return { years: [firstYear, lastYear], months };
}

/** The month of `year` of bit `index` (0: January). */
const monthAt = (year: string, index: number) => `${year}-${String(index + 1).padStart(2, '0')}`;

/**
 * Every key named in months `from` to `to` of `scope`, with its figures there. `byYear: false`
 * reads every month's record instead of whole years' (what the yearly records must agree with).
 */
export async function rangeCounts(db: GlossDb, scope: string, from = OPEN_FROM, to = OPEN_TO, { byYear = true } = {}): Promise<Map<string, RangeCount>> {
  const { years, months } = byYear ? splitRange(from, to) : { years: null, months: from > to ? [] : [[from, to] as [string, string]] };
  const [yearly, ...monthly] = await Promise.all([years ? yearsIn(db, scope, ...years) : [], ...months.map((range) => slicesIn(db, scope, ...range))]);
  const counts = new Map<string, RangeCount>();
  const add = (key: string, articles: number, mentions: number, first: string, last: string) => {
    const count = counts.get(key);
    if (!count) return void counts.set(key, { articles, mentions, first, last });
    count.articles += articles;
    count.mentions += mentions;
    if (first < count.first) count.first = first;
    if (last > count.last) count.last = last;
  };
  for (const slice of monthly.flat()) {
    for (const [key, articles] of slice.articles) add(key, articles, slice.mentions.get(key) ?? 0, slice.month, slice.month);
  }
  for (const slice of yearly) {
    for (const [key, articles] of slice.articles) {
      const named = slice.months.get(key) ?? 0;
      // Lowest and highest bit set: the key's first and last month of the year.
      add(key, articles, slice.mentions.get(key) ?? 0, monthAt(slice.year, 31 - Math.clz32(named & -named)), monthAt(slice.year, 31 - Math.clz32(named)));
    }
  }
  return counts;
}
