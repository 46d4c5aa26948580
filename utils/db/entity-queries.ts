/**
 * Questions across articles (issue 15): which entities and terms the reader's articles name, and
 * for one of them, where and when, and with whom. Each first brings the summaries up to date with
 * the readings queued since (mentions-repo.ts `applyPending`); the rest only reads the indexes of
 * `mentions`, `entities`, `timelines` and `articles`.
 */
import type { EntityType } from '../entities/types';
import type { Snippet } from '../mentions/extract';
import { keyDateRange, type EntitySummary, type EntityTimeline, type MonthCount } from '../mentions/types';
import type { GlossDb } from './database';
import { applyPending } from './mentions-repo';

/** The entity table: most named first, of one type or of all. */
export async function listEntities(db: GlossDb, { type, limit = 100, offset = 0 }: { type?: EntityType; limit?: number; offset?: number } = {}): Promise<EntitySummary[]> {
  await applyPending(db);
  const ordered = type ? db.entities.where('[type+articles]').between([type, 0], [type, Infinity]).reverse() : db.entities.orderBy('articles').reverse();
  return ordered.offset(offset).limit(limit).toArray();
}

export interface EntityArticle {
  articleId: string;
  title: string;
  outlet: string;
  date: number;
  count: number;
  spellings: string[];
  snippets: Snippet[];
}

export interface Related {
  key: string;
  name: string;
  type: EntityType;
  /** Articles that name both. */
  together: number;
  /** Pointwise mutual information (log2): how much more often the two appear together than chance would have it. */
  pmi: number;
}

export interface EntityPage {
  summary: EntitySummary;
  /** Its articles in date order (oldest first), the page of them asked for. */
  articles: EntityArticle[];
  /** Articles per month ('YYYY-MM', UTC) and per outlet within it, oldest first. */
  timeline: TimelineMonth[];
  related: Related[];
}

export interface TimelineMonth {
  month: string;
  articles: number;
  mentions: number;
  byOutlet: Record<string, number>;
}

/** Related entities listed at most. */
const MAX_RELATED = 30;
/** Articles listed per page of an entity. */
export const ARTICLES_PER_PAGE = 50;
/**
 * Co-occurrence is counted over a key's latest articles, at most this many: a name in 10,000
 * articles is judged on its last 200 (its company may change: that is what the reader asks).
 */
export const CO_OCCURRENCE_SAMPLE = 200;

/**
 * Articles two keys share before they count as related: one shared article is chance for a key
 * named often; a key named in few articles is judged on what it has.
 */
export const togetherAtLeast = (articles: number) => (articles >= 20 ? 3 : articles >= 3 ? 2 : 1);

/**
 * One key's page: a page of its articles in date order with their passages, its timeline, and who
 * appears with it. Reads the key's summary and timeline, one page of its articles' mentions and
 * the keys of its latest articles, never all of its articles.
 */
export async function entityPage(db: GlossDb, key: string, { offset = 0, limit = ARTICLES_PER_PAGE } = {}): Promise<EntityPage | null> {
  await applyPending(db);
  const [summary, stored] = await Promise.all([db.entities.get(key), db.timelines.get(key)]);
  if (!summary) return null;
  const byDate = (since?: number) => db.mentions.where('keyDates').between(...keyDateRange(key, since));
  // The key's latest articles in date order, from the month its timeline says holds the sample's
  // first (ids only, forward: a reversed walk with a limit takes a cursor step per article).
  const [records, ids] = await Promise.all([byDate().offset(offset).limit(limit).toArray(), byDate(sampleSince(stored)).primaryKeys()]);
  const sampled = ids.slice(-CO_OCCURRENCE_SAMPLE);
  // Who else those articles name: the keys each article record files (one small record per article).
  const [titled, named] = await Promise.all([db.articles.bulkGet(records.map((r) => r.articleId)), db.articles.bulkGet(sampled)]);
  const articles: EntityArticle[] = records.map((r, i) => {
    const entry = r.entries.find((e) => e.key === key);
    return {
      articleId: r.articleId,
      title: titled[i]?.title ?? r.articleId,
      outlet: r.outlet,
      date: r.date,
      count: entry?.count ?? 0,
      spellings: entry?.spellings ?? [],
      snippets: entry?.snippets ?? [],
    };
  });
  const together = new Map<string, number>();
  for (const article of named) {
    for (const other of article?.entityKeys ?? []) if (other !== key && !other.startsWith('DATE:')) together.set(other, (together.get(other) ?? 0) + 1);
  }
  return { summary, articles, timeline: timelineOf(stored), related: await related(together, sampled.length, db) };
}

/** The start of the latest month from which on the key has at least CO_OCCURRENCE_SAMPLE articles (or of its first). */
function sampleSince(timeline: EntityTimeline | undefined): number {
  const months = Object.keys(timeline?.months ?? {}).sort();
  let articles = 0;
  for (let i = months.length - 1; i >= 0; i--) {
    articles += (timeline?.months[months[i] as string] as MonthCount).articles;
    if (articles >= CO_OCCURRENCE_SAMPLE) return Date.parse(`${months[i]}-01T00:00:00Z`);
  }
  return -Infinity;
}

/** A key's months, oldest first. */
function timelineOf(timeline: EntityTimeline | undefined): TimelineMonth[] {
  const months = timeline?.months ?? {};
  return Object.keys(months)
    .sort()
    .map((month) => {
      const { articles, mentions, outlets } = months[month] as MonthCount;
      return { month, articles, mentions, byOutlet: { ...outlets } };
    });
}

/**
 * The keys named with `summary`'s in its `sampled` latest articles, ranked by PMI (log2 of how
 * much likelier they are there than in the whole library) among those that share enough articles.
 */
async function related(together: Map<string, number>, sampled: number, db: GlossDb): Promise<Related[]> {
  const least = togetherAtLeast(sampled);
  const candidates = [...together].filter(([, n]) => n >= least);
  if (!candidates.length) return [];
  const [total, others] = await Promise.all([db.articles.count(), db.entities.bulkGet(candidates.map(([k]) => k))]);
  const out: Related[] = [];
  candidates.forEach(([key, n], i) => {
    const other = others[i];
    if (!other) return; // filed by an older reading, not summarized since
    out.push({ key, name: other.name, type: other.type, together: n, pmi: Math.log2((n / sampled) / (Math.max(other.articles, n) / total)) });
  });
  return out.sort((a, b) => b.pmi - a.pmi || b.together - a.together || (a.key < b.key ? -1 : 1)).slice(0, MAX_RELATED);
}

export interface TrendPoint {
  month: string;
  articles: number;
  mentions: number;
}

/** How often each key is named per month of publication, oldest first, months without any left out (an unknown key has none). */
export async function trends(db: GlossDb, keys: readonly string[]): Promise<Map<string, TrendPoint[]>> {
  await applyPending(db);
  const timelines = await db.timelines.bulkGet([...keys]);
  return new Map(keys.map((key, i) => [key, timelineOf(timelines[i]).map(({ month, articles, mentions }) => ({ month, articles, mentions }))]));
}
