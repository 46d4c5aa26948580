/**
 * The library across articles as stored: one record per article (what its latest reading said of
 * each key, indexed by key and date), one summary per key over every article and its counts per
 * month, kept up to date from a queue of what readings changed (see mentions-repo.ts), so a
 * reading writes two records and the library's table opens without reading every article.
 */
import type { EntityType } from '../entities/types';
import type { ArticleMentions } from './extract';

export interface ArticleMentionsRecord {
  articleId: string;
  /**
   * The date it is filed under (mentions-repo.ts `articleDate`): its publication time on the
   * outlet's clock read as UTC (ms), or when it was first seen where it gives none that can be
   * trusted. Its UTC calendar is the outlet's: months, weeks and the order of keyDates follow it.
   */
  date: number;
  /** The article's outlet ('' when it names none). */
  outlet: string;
  /** What the reading said of each key, most mentioned first. */
  entries: ArticleMentions[];
  /** `key` NUL `date` per entry (keyDate): indexed, so a key's articles come in date order. */
  keyDates: string[];
}

/** One article's part in a key's summary: what a reading adds, or takes away when read again. */
export interface Contribution {
  key: string;
  type: EntityType;
  name: string;
  count: number;
  spellings: string[];
  date: number;
  outlet: string;
}

/** An article's part in each key it names, as its record files it. */
export const contributionsOf = ({ entries, date, outlet }: ArticleMentionsRecord): Contribution[] =>
  entries.map(({ key, type, name, count, spellings }) => ({ key, type, name, count, spellings, date, outlet }));

/** A reading's change to the summaries, queued until they are brought up to date. */
export interface PendingChange {
  seq?: number;
  articleId: string;
  removed: Contribution[];
  added: Contribution[];
}

/** Milliseconds from 1900 (the earliest date filed) in 14 digits: sorts as the dates do. */
const EPOCH_1900 = Date.UTC(1900, 0, 1);
export const keyDate = (key: string, date: number) => `${key}\u0000${String(Math.max(0, date - EPOCH_1900)).padStart(14, '0')}`;
/** The bounds of every keyDate of `key` from `since` on. */
export const keyDateRange = (key: string, since = -Infinity): [string, string] => [Number.isFinite(since) ? keyDate(key, since) : `${key}\u0000`, `${key}\u0000\uffff`];

export interface EntitySummary {
  /** `TYPE:key`. */
  key: string;
  type: EntityType;
  name: string;
  /** Spellings seen across articles (the first ones met, up to a few dozen). */
  variants: string[];
  /** Articles that mention it, and mentions in all of them. */
  articles: number;
  mentions: number;
  /** Earliest and latest article dates (ms, as filed: the outlet's day is their UTC day). */
  firstSeen: number;
  lastSeen: number;
}

/**
 * A key's articles and mentions per month of the articles' dates ('YYYY-MM', the outlet's), with articles
 * per outlet: trends and timelines read only this. Kept apart from the summary, which the entity
 * table and the co-occurrence ranking read by the thousand and should stay small.
 */
export interface EntityTimeline {
  key: string;
  months: Record<string, MonthCount>;
}

export interface MonthCount {
  articles: number;
  mentions: number;
  outlets: Record<string, number>;
}

/** The month an article date falls in, 'YYYY-MM' (its UTC month: for a date as filed, the outlet's month). */
export const monthOf = (date: number) => new Date(date).toISOString().slice(0, 7);

/**
 * A key's articles and mentions per ISO week of the articles' dates ('YYYY-Www', weeks start on
 * Monday, the outlet's days), with articles per outlet: the entity page's timeline by week. Kept apart from the
 * monthly timeline, which trends and the month view read and which stays ~4× smaller.
 */
export interface EntityWeeks {
  key: string;
  weeks: Record<string, MonthCount>;
}

const DAY = 86_400_000;
/** Days since Monday of `date`'s week (UTC). */
const sinceMonday = (date: number) => (new Date(date).getUTCDay() + 6) % 7;

/** The ISO week an article date falls in, 'YYYY-Www' (UTC; the week's year is that of its Thursday). */
export function weekOf(date: number): string {
  const day = Math.floor(date / DAY) * DAY;
  const thursday = day - sinceMonday(day) * DAY + 3 * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The first instant (Monday 00:00 UTC) of ISO week 'YYYY-Www'. */
export function weekStart(week: string): number {
  const year = Number(week.slice(0, 4));
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - sinceMonday(jan4) * DAY + (Number(week.slice(6)) - 1) * 7 * DAY;
}

/** Adds (`sign` 1) or takes away (-1) one article's part in one period ('YYYY-MM' or 'YYYY-Www') of a key's counts. */
export function countPeriod(periods: Record<string, MonthCount>, period: string, part: Pick<Contribution, 'count' | 'outlet'>, sign: 1 | -1): void {
  const bucket = (periods[period] ??= { articles: 0, mentions: 0, outlets: {} });
  bucket.articles += sign;
  bucket.mentions += sign * part.count;
  bucket.outlets[part.outlet] = (bucket.outlets[part.outlet] ?? 0) + sign;
  if (bucket.outlets[part.outlet] === 0) delete bucket.outlets[part.outlet];
  if (bucket.articles <= 0) delete periods[period];
}

/** Adds (`sign` 1) or takes away (-1) one article's part in its month of the key's timeline and in its week. */
export function countTimeline(timeline: EntityTimeline, weeks: EntityWeeks, part: Contribution, sign: 1 | -1): void {
  countPeriod(timeline.months, monthOf(part.date), part, sign);
  countPeriod(weeks.weeks, weekOf(part.date), part, sign);
}
