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
  /** The article's publication time (ms), or when it was first seen where it gives none that can be trusted. */
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
  /** Earliest and latest article dates (ms). */
  firstSeen: number;
  lastSeen: number;
}

/**
 * A key's articles and mentions per month of the articles' dates ('YYYY-MM', UTC), with articles
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

/** The month an article date falls in, 'YYYY-MM' (UTC). */
export const monthOf = (date: number) => new Date(date).toISOString().slice(0, 7);

