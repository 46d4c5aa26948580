/**
 * The library across articles as stored: one record per article and key (what that reading said
 * of it), and one summary per key over every article, kept up to date as articles are read so
 * the library's table opens without reading every article's mentions.
 */
import type { EntityType } from '../entities/types';
import type { Snippet } from './extract';

export interface MentionRecord {
  /** `articleId` and `key`, joined by a line feed (an article's id, a URL, holds none). */
  id: string;
  articleId: string;
  /** `TYPE:key`. */
  key: string;
  type: EntityType;
  spellings: string[];
  count: number;
  snippets: Snippet[];
  /** The article's publication time (ms), or when it was first seen where it gives none that can be trusted. */
  date: number;
  /** The article's outlet ('' when it names none). */
  outlet: string;
  list?: string;
}

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

export const mentionId = (articleId: string, key: string) => `${articleId}\n${key}`;
