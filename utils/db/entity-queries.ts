/**
 * Questions across articles (issue 15): which entities and terms the reader's articles name, and
 * for one of them, where and when, and with whom. Read-only; everything comes from the indexes of
 * `mentions`, `entities` and `articles` (see mentions-repo.ts for how they are kept).
 */
import type { EntityType } from '../entities/types';
import type { Snippet } from '../mentions/extract';
import type { EntitySummary } from '../mentions/types';
import type { GlossDb } from './database';

/** The entity table: most named first, of one type or of all. */
export function listEntities(db: GlossDb, { type, limit = 100, offset = 0 }: { type?: EntityType; limit?: number; offset?: number } = {}): Promise<EntitySummary[]> {
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
  /** Oldest first. */
  articles: EntityArticle[];
  /** Articles per month ('YYYY-MM', UTC) and per outlet within it, oldest first. */
  timeline: { month: string; articles: number; mentions: number; byOutlet: Record<string, number> }[];
  related: Related[];
}

/** Related entities listed at most. */
const MAX_RELATED = 30;

/**
 * Articles two keys share before they count as related: one shared article is chance for a key
 * named often; a key named in few articles is judged on what it has.
 */
export const togetherAtLeast = (articles: number) => (articles >= 20 ? 3 : articles >= 3 ? 2 : 1);

/** One key's page: its articles in date order with their passages, its timeline, and who appears with it. */
export async function entityPage(db: GlossDb, key: string): Promise<EntityPage | null> {
  const summary = await db.entities.get(key);
  if (!summary) return null;
  const mentions = await db.mentions.where('[key+date]').between([key, -Infinity], [key, Infinity]).toArray();
  const articles = await db.articles.bulkGet(mentions.map((m) => m.articleId));

  const timeline = new Map<string, { month: string; articles: number; mentions: number; byOutlet: Record<string, number> }>();
  const together = new Map<string, number>();
  const rows: EntityArticle[] = mentions.map((m, i) => {
    const month = new Date(m.date).toISOString().slice(0, 7);
    const bucket = timeline.get(month) ?? { month, articles: 0, mentions: 0, byOutlet: {} };
    bucket.articles++;
    bucket.mentions += m.count;
    bucket.byOutlet[m.outlet] = (bucket.byOutlet[m.outlet] ?? 0) + 1;
    timeline.set(month, bucket);
    for (const other of articles[i]?.entityKeys ?? []) {
      if (other !== key && !other.startsWith('DATE:')) together.set(other, (together.get(other) ?? 0) + 1);
    }
    return { articleId: m.articleId, title: articles[i]?.title ?? m.articleId, outlet: m.outlet, date: m.date, count: m.count, spellings: m.spellings, snippets: m.snippets };
  });
  return { summary, articles: rows, timeline: [...timeline.values()], related: await related(db, summary, together) };
}

/** The keys named with `summary`'s, ranked by PMI among those that share enough articles. */
async function related(db: GlossDb, summary: EntitySummary, together: Map<string, number>): Promise<Related[]> {
  const least = togetherAtLeast(summary.articles);
  const candidates = [...together].filter(([, n]) => n >= least);
  if (!candidates.length) return [];
  const [total, others] = await Promise.all([db.articles.count(), db.entities.bulkGet(candidates.map(([k]) => k))]);
  const out: Related[] = [];
  candidates.forEach(([key, n], i) => {
    const other = others[i];
    if (!other) return; // filed by an older reading, not summarized since
    out.push({ key, name: other.name, type: other.type, together: n, pmi: Math.log2((n * total) / (summary.articles * Math.max(other.articles, n))) });
  });
  return out.sort((a, b) => b.pmi - a.pmi || b.together - a.together || (a.key < b.key ? -1 : 1)).slice(0, MAX_RELATED);
}

export interface TrendPoint {
  month: string;
  articles: number;
  mentions: number;
}

/** How often each key is named per month of publication, oldest first, months without any left out. */
export async function trends(db: GlossDb, keys: readonly string[], { from = -Infinity, to = Infinity } = {}): Promise<Map<string, TrendPoint[]>> {
  const out = new Map<string, TrendPoint[]>();
  await Promise.all(
    keys.map(async (key) => {
      const points = new Map<string, TrendPoint>();
      await db.mentions.where('[key+date]').between([key, from], [key, to], true, true).each((m) => {
        const month = new Date(m.date).toISOString().slice(0, 7);
        const point = points.get(month) ?? { month, articles: 0, mentions: 0 };
        point.articles++;
        point.mentions += m.count;
        points.set(month, point);
      });
      out.set(key, [...points.values()]);
    }),
  );
  return out;
}
