/**
 * Questions across articles (issue 15): which entities and terms the reader's articles name, and
 * for one of them, where and when, and with whom. Each first brings the summaries up to date with
 * the readings queued since (mentions-repo.ts `applyPending`); the rest only reads the indexes of
 * `mentions`, `entities`, `timelines` and `articles`. Every answer is given as the reader's
 * corrections show the keys (entity-groups.ts): a merged key answers as its root, renamed, and a
 * hidden one is left out of the table and of who appears with whom.
 */
import { keyName, keyType } from '../corrections/correction';
import type { Resolver } from '../corrections/resolve';
import type { EntityType } from '../entities/types';
import { MAX_SPELLINGS, type Snippet } from '../mentions/extract';
import { keyDateRange, type ArticleMentionsRecord, type EntitySummary, type EntityTimeline, type MonthCount } from '../mentions/types';
import { readArticleCounts, type ArticleCounts } from './article-counts';
import { loadResolver } from './corrections-repo';
import type { GlossDb } from './database';
import { groupTotals, shownAlone, shownRoot, type ShownEntity } from './entity-groups';
import { droppedNames, type DroppedName } from './dropped-names';
import { highlightsNaming, type EntityHighlight } from './entity-highlights';
import { applyPending, passDue } from './mentions-repo';
import { MOST_NAMED_ROWS, readMostNamed } from './most-named';

export type { ShownEntity } from './entity-groups';

/**
 * The entity table: most named first, of one type or of all, as corrected. A page reads as many
 * rows more as corrections could take out of it (merged keys fold into their root, hidden ones
 * leave), so it stays full; a root is placed by its members' articles counted together.
 */
export async function listEntities(
  db: GlossDb,
  { type, limit = 100, offset = 0, hidden = false }: { type?: EntityType; limit?: number; offset?: number; hidden?: boolean } = {},
): Promise<ShownEntity[]> {
  const resolver = await resolverBeside(db);
  const spare = [...resolver.groups.values()].reduce((n, members) => n + members.length - 1, 0) + resolver.hidden.size;
  const rows = await mostNamedRows(db, { type, offset, count: limit + spare });
  const known = new Map(rows.map((row) => [row.key, row]));
  const roots = [...new Set(rows.map((row) => resolver.rootOf(row.key)))].filter((root) => hidden || !resolver.isHidden(root));
  const shown = await Promise.all(
    roots.map((root) => shownRoot(db, resolver, root, known)),
  );
  return shown
    .filter((entity): entity is ShownEntity => !!entity && (!type || entity.type === type))
    .sort((a, b) => b.articles - a.articles)
    .slice(0, limit);
}

/**
 * `count` summaries from the `offset`th, most named first: from the most named keys' record
 * (most-named.ts) when it holds them all, one read, else from the summaries' index.
 */
async function mostNamedRows(db: GlossDb, { type, offset, count }: { type: EntityType | undefined; offset: number; count: number }): Promise<EntitySummary[]> {
  const kept = type ? undefined : await readMostNamed(db);
  if (kept && (offset + count <= kept.rows.length || kept.rows.length < MOST_NAMED_ROWS)) return kept.rows.slice(offset, offset + count);
  return mostNamedFirst(db, type).offset(offset).limit(count).toArray();
}

/**
 * The reader's corrections, read beside the pass that brings the summaries up to date (which
 * never changes them): a question waits for one answer less.
 */
async function resolverBeside(db: GlossDb): Promise<Resolver> {
  const [, resolver] = await Promise.all([applyPending(db), loadResolver(db)]);
  return resolver;
}

/** Every summary (of one type, or all), most named first. */
export const mostNamedFirst = (db: GlossDb, type?: EntityType) =>
  type ? db.entities.where('[type+articles]').between([type, 0], [type, Infinity]).reverse() : db.entities.orderBy('articles').reverse();

export interface EntityArticle {
  articleId: string;
  title: string;
  outlet: string;
  /** The date it is filed under (ms: its published time on the outlet's clock read as UTC, or when it was first seen). */
  date: number;
  /** The day it is filed under, as the outlet wrote it ('YYYY-MM-DD': a KCNA item of 08:00 in Pyongyang keeps its day), else the UTC day it was first seen. */
  day: string;
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
  summary: ShownEntity;
  /** Its articles in date order (oldest first), the page of them asked for. */
  articles: EntityArticle[];
  /** Articles per month ('YYYY-MM', the outlets' months) and per outlet within it, oldest first. */
  timeline: TimelineMonth[];
  related: Related[];
  /** Articles whose later versions stopped naming it (dropped-names.ts), the latest drop first. */
  dropped: DroppedName[];
  /** The reader's highlights in the page's articles that quote one of its spellings (entity-highlights.ts). */
  highlights: EntityHighlight[];
}

export interface TimelineMonth {
  month: string;
  articles: number;
  mentions: number;
  byOutlet: Record<string, number>;
}

/** Related entities listed at most. */
const MAX_RELATED = 30;
/** Articles listed per page of an entity, with their passages (three or four screens). */
export const ARTICLES_PER_PAGE = 20;
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
 * One key's page, as corrected (a merged key's page is its root's, over every key merged in): a
 * page of its articles in date order with their passages and the reader's highlights in them, its
 * timeline, and who appears with it. Reads the summaries and timelines of its keys, one page of
 * their articles' mentions and the ids of their latest articles, never all of its articles.
 */
export async function entityPage(db: GlossDb, key: string, { offset = 0, limit = ARTICLES_PER_PAGE } = {}): Promise<EntityPage | null> {
  // What the page of a key standing alone reads first is asked at once with whether a pass is due
  // and with the corrections: that is the usual question, and it then waits for IndexedDB three
  // times in a row. After a pass, or for a merged key, the first reads are asked again.
  const corrections = loadResolver(db);
  const [due, resolver, guessed] = await Promise.all([passDue(db), corrections, firstReads(db, corrections, key, [key], { offset, limit })]);
  if (due) await applyPending(db);
  const root = resolver.rootOf(key);
  const members = resolver.membersOf(root);
  const { totals, dropped, counts, records } = !due && members.length === 1 && root === key ? guessed : await firstReads(db, resolver, root, members, { offset, limit });
  // A name every article dropped (a purged official edited out) is gone from the summaries: its
  // page still shows where it was dropped.
  if (!totals) return dropped.length ? { summary: goneSummary(root, resolver), articles: [], timeline: [], related: [], dropped, highlights: [] } : null;
  const { summary, timeline: stored } = totals;
  const own = new Set(members);
  const listed = records.map((r) => {
    const entries = r.entries.filter((e) => own.has(e.key));
    return {
      articleId: r.articleId,
      outlet: r.outlet,
      date: r.date,
      day: new Date(r.date).toISOString().slice(0, 10),
      count: entries.reduce((n, e) => n + e.count, 0),
      spellings: [...new Set(entries.flatMap((e) => e.spellings))].slice(0, MAX_SPELLINGS),
      snippets: entries.flatMap((e) => e.snippets),
    };
  });
  // The keys' latest articles, from the month the timeline says holds the sample's first (ids
  // only, forward: a reversed walk with a limit takes a cursor step per article), read beside the
  // page's titles and highlights.
  const since = sampleSince(stored);
  const [titled, highlights, [sampled, named]] = await Promise.all([
    db.articles.bulkGet(listed.map((a) => a.articleId)),
    highlightsNaming(db, listed, summary.variants),
    Promise.all(members.map((member) => byDate(db, member, since).primaryKeys())).then(async (idLists) => {
      // Who else those articles name: the keys each article record files (one small record per article).
      const sampled = [...new Set(idLists.flatMap((ids) => ids.slice(-CO_OCCURRENCE_SAMPLE)))];
      return [sampled, await db.articles.bulkGet(sampled)] as const;
    }),
  ]);
  const articles: EntityArticle[] = listed.map((a, i) => ({ ...a, title: titled[i]?.title ?? a.articleId }));
  const together = new Map<string, number>();
  for (const article of named) {
    const others = new Set<string>();
    for (const other of article?.entityKeys ?? []) {
      if (own.has(other) || other.startsWith('DATE:')) continue;
      const shownAs = resolver.rootOf(other);
      if (shownAs !== root && !resolver.isHidden(shownAs)) others.add(shownAs);
    }
    for (const other of others) together.set(other, (together.get(other) ?? 0) + 1);
  }
  return { summary, articles, timeline: timelineOf(stored), related: await related(together, sampled.length, counts, db, resolver), dropped, highlights };
}

/** A key's articles' mention records by date (its `keyDates` index), from `since`. */
const byDate = (db: GlossDb, key: string, since?: number) => db.mentions.where('keyDates').between(...keyDateRange(key, since));

/**
 * What a key's page reads first, all at once: its totals (its group's, when keys are merged into
 * it), where later versions dropped its names, how many articles name each key, and the page of
 * its articles' mention records. `resolver` may still be on its way for a key standing alone.
 */
async function firstReads(db: GlossDb, resolver: Resolver | Promise<Resolver>, root: string, members: readonly string[], { offset, limit }: { offset: number; limit: number }) {
  const alone = members.length === 1;
  const [totals, dropped, counts, pages] = await Promise.all([
    alone ? aloneTotals(db, resolver, root) : Promise.resolve(resolver).then((corrections) => groupTotals(db, corrections, root)),
    droppedNames(db, members),
    readArticleCounts(db),
    Promise.all(members.map((member) => (alone ? byDate(db, member).offset(offset) : byDate(db, member)).limit(alone ? limit : offset + limit).toArray())),
  ]);
  const records = alone ? (pages[0] as ArticleMentionsRecord[]) : inDateOrder(pages.flat()).slice(offset, offset + limit);
  return { totals, dropped, counts, records };
}

/** The summary of a key no article's latest reading names any more (`TYPE:name`, as corrected). */
function goneSummary(key: string, resolver: Resolver): ShownEntity {
  return shownAlone({ key, type: keyType(key), name: keyName(key), variants: [], articles: 0, mentions: 0, firstSeen: 0, lastSeen: 0 }, resolver);
}

/** A key nothing is merged into: its stored summary and timeline, as corrected (the corrections may still be on their way). */
async function aloneTotals(db: GlossDb, resolver: Resolver | Promise<Resolver>, key: string): Promise<{ summary: ShownEntity; timeline: EntityTimeline | undefined } | null> {
  const [summary, timeline, corrections] = await Promise.all([db.entities.get(key), db.timelines.get(key), resolver]);
  return summary ? { summary: shownAlone(summary, corrections), timeline } : null;
}

/** Mention records of several keys in date order, each article once. */
function inDateOrder(records: readonly ArticleMentionsRecord[]): ArticleMentionsRecord[] {
  const seen = new Set<string>();
  return [...records]
    .sort((a, b) => a.date - b.date || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0))
    .filter((r) => !seen.has(r.articleId) && !!seen.add(r.articleId));
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
 * How common each candidate is comes from one record (article-counts.ts, `counts`), a root with
 * keys merged in from its members' summaries; no other summary is read.
 */
async function related(together: Map<string, number>, sampled: number, counts: ArticleCounts, db: GlossDb, resolver: Resolver): Promise<Related[]> {
  const least = togetherAtLeast(sampled);
  const candidates = [...together].filter(([, n]) => n >= least);
  if (!candidates.length) return [];
  const groups = new Map(
    await Promise.all(candidates.filter(([key]) => resolver.groups.has(key)).map(async ([key]) => [key, (await groupTotals(db, resolver, key, { timeline: false }))?.summary] as const)),
  );
  const total = Math.max(counts.total, sampled);
  const ranked = candidates
    .flatMap(([key, n]) => {
      const articles = groups.has(key) ? groups.get(key)?.articles : counts.byKey.get(key);
      // undefined: filed by an older reading, not summarized since
      return articles === undefined ? [] : [{ key, together: n, pmi: Math.log2((n / sampled) / (Math.max(articles, n) / total)) }];
    })
    .sort((a, b) => b.pmi - a.pmi || b.together - a.together || (a.key < b.key ? -1 : 1))
    .slice(0, MAX_RELATED);
  return ranked.map(({ key, together: n, pmi }) => {
    const group = groups.get(key);
    // A key's summary is named as the key (the recognizer files a name as `TYPE:name`, and a
    // summary takes its first reading's name), so a key alone is named without reading it.
    return { key, name: group?.name ?? resolver.nameOf(key) ?? keyName(key), type: group?.type ?? keyType(key), together: n, pmi };
  });
}

export interface TrendPoint {
  month: string;
  articles: number;
  mentions: number;
}

/** One key's series: the key shown (a merged key's root), its name as shown (null: no article names it), its months. */
export interface KeyTrend {
  key: string;
  name: string | null;
  points: TrendPoint[];
}

/** How often each key is named per month of publication, as corrected, oldest first, months without any left out; in the order asked. */
export async function trends(db: GlossDb, keys: readonly string[]): Promise<KeyTrend[]> {
  await applyPending(db);
  const resolver = await loadResolver(db);
  return Promise.all(
    keys.map(async (key) => {
      const root = resolver.rootOf(key);
      const totals = resolver.groups.has(root) ? await groupTotals(db, resolver, root, { outlets: false }) : await aloneTotals(db, resolver, root);
      const points = timelineOf(totals?.timeline).map(({ month, articles, mentions }) => ({ month, articles, mentions }));
      return { key: root, name: totals?.summary.name ?? null, points };
    }),
  );
}
