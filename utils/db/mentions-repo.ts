/**
 * The library across articles (issue 15), written as articles are read. A reading replaces the
 * article's record of mentions and queues what that changed for the per-key summaries and
 * timelines (two writes: recording stays cheap on the reading's path); `applyPending` brings the
 * summaries up to date from the queue, many readings in one pass, and runs before every question
 * (entity-queries.ts), so no answer misses a reading. The same pass keeps what merged keys share
 * (group-overlaps.ts), the slices by month, year and outlet (key-slices.ts), the keys' weeks, the
 * words each key is found by (search/name-words.ts) and the most named keys (most-named.ts) up to
 * date. Functions take the database so tests pass a fresh one.
 */
import { outletClock } from '../article/published';
import type { ArticleRecord } from '../article/types';
import type { ArticleMentions } from '../mentions/extract';
import { contributionsOf, countTimeline, keyDate, keyDateRange, type ArticleMentionsRecord, type EntityTimeline, type EntityWeeks, type PendingChange } from '../mentions/types';
import { resolver } from '../corrections/resolve';
import { summaryWords } from '../search/name-words';
import { articlesAdded, readArticleCounts } from './article-counts';
import type { GlossDb, StoredSummary } from './database';
import { countOverlaps, overlapFits, type GroupOverlap } from './group-overlaps';
import { countSlices, readSlices, writeSlices } from './key-slices';
import { MOST_NAMED_ID, mostNamedAfter, mostNamedFromIndex, readMostNamed } from './most-named';

/** Spellings kept per key across articles. */
export const MAX_VARIANTS = 30;
/** Readings brought into the summaries per pass (a pass is one transaction). */
export const PENDING_BATCH = 500;
/** Publication dates outside these bounds are not trusted (a page's typo, a placeholder): the article's first sight stands in. */
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST_AHEAD = 2 * 86_400_000;

/**
 * The date an article is filed under: its publication time when that is a real date, on the
 * outlet's clock read as UTC where it is written in ISO 8601 (article/published.ts `outletClock`:
 * a KCNA item of 08:00 in Pyongyang on 1 March is filed on 1 March, not on 29 February at 23:00),
 * else the instant it names; when Gloss first saw it where it gives none that can be trusted.
 * Every period the library counts (months, weeks, years, first and last seen) and the order of a
 * key's articles are this date's UTC calendar, so they are the outlet's.
 */
export function articleDate(article: Pick<ArticleRecord, 'publishedTime' | 'firstSeenAt'>, now = Date.now()): number {
  const published = article.publishedTime ? Date.parse(article.publishedTime) : NaN;
  if (!(Number.isFinite(published) && published >= EARLIEST && published <= now + LATEST_AHEAD)) return article.firstSeenAt;
  return outletClock(article.publishedTime) ?? published;
}

/**
 * Replaces what `article` said of each key with `found` (mentionsOf of its latest reading), and
 * queues the difference for the summaries. Writes nothing when nothing changed.
 */
export async function writeMentions(db: GlossDb, article: ArticleRecord, found: readonly ArticleMentions[], now = Date.now()): Promise<void> {
  const date = articleDate(article, now);
  const outlet = article.siteName ?? '';
  const record: ArticleMentionsRecord = { articleId: article.id, date, outlet, entries: [...found], keyDates: found.map((m) => keyDate(m.key, date)) };
  await db.transaction('rw', db.mentions, db.pendingMentions, async () => {
    const before = await db.mentions.get(article.id);
    if (before ? sameRecord(before, record) : !found.length) return;
    if (found.length) await db.mentions.put(record);
    else await db.mentions.delete(article.id);
    await db.pendingMentions.add({ articleId: article.id, removed: before ? contributionsOf(before) : [], added: contributionsOf(record) });
  });
}

const sameRecord = (a: ArticleMentionsRecord, b: ArticleMentionsRecord) => a.date === b.date && a.outlet === b.outlet && JSON.stringify(a.entries) === JSON.stringify(b.entries);

/** The tables `applyPending` reads and writes: a transaction that calls it must hold them all. */
export const pendingTables = (db: GlossDb) => [db.pendingMentions, db.entities, db.timelines, db.mentions, db.corrections, db.groupOverlaps, db.articleCounts, db.keySlices, db.yearSlices, db.keyWeeks];

/** Brings the summaries and timelines up to date with every queued reading; returns how many it applied. */
export async function applyPending(db: GlossDb): Promise<number> {
  let applied = 0;
  for (;;) {
    const done = await applyBatch(db);
    applied += done;
    if (done < PENDING_BATCH) return applied;
  }
}

/**
 * Whether a pass has anything to do (readings queued, or the most named keys' record to read
 * once), asked without writing: a question that finds nothing to do reads beside this, where a
 * pass's read-write transaction holds back every read of its tables until it ends.
 */
export async function passDue(db: GlossDb): Promise<boolean> {
  const [queued, mostNamedKept] = await Promise.all([db.pendingMentions.limit(1).primaryKeys(), db.articleCounts.where('id').equals(MOST_NAMED_ID).count()]);
  return queued.length > 0 || !mostNamedKept;
}

async function applyBatch(db: GlossDb): Promise<number> {
  return db.transaction('rw', pendingTables(db), async () => {
    // (Both asked at once: a question that finds nothing queued waits for one answer, not two.)
    const [changes, mostNamedKept]: [PendingChange[], number] = await Promise.all([db.pendingMentions.limit(PENDING_BATCH).toArray(), db.articleCounts.where('id').equals(MOST_NAMED_ID).count()]);
    if (!changes.length) {
      // A library written before the most named were kept, or counted again since: read them once.
      if (!mostNamedKept) await db.articleCounts.put(await mostNamedFromIndex(db));
      return 0;
    }
    const corrections = resolver(await db.corrections.toArray());
    const roots = [...corrections.groups.keys()];
    const stored = roots.length ? await db.groupOverlaps.bulkGet(roots) : [];
    const overlaps = new Map(stored.flatMap((o, i): [string, GroupOverlap][] => (overlapFits(o, corrections.membersOf(roots[i] as string)) ? [[o.root, o]] : [])));
    countOverlaps(changes, corrections, overlaps);
    const keys = [...new Set(changes.flatMap((c) => [...c.removed, ...c.added].map((x) => x.key)))];
    const parts = changes.flatMap((c) => [...c.removed, ...c.added]);
    const [storedSummaries, storedTimelines, storedWeeks, counts, slices, mostNamed] = await Promise.all([
      db.entities.bulkGet(keys),
      db.timelines.bulkGet(keys),
      db.keyWeeks.bulkGet(keys),
      readArticleCounts(db),
      readSlices(db, parts),
      readMostNamed(db),
    ]);
    const summaries = new Map(keys.map((key, i) => [key, storedSummaries[i]]));
    const timelines = new Map(keys.map((key, i) => [key, storedTimelines[i] ?? { key, months: {} }]));
    const weeks = new Map(keys.map((key, i) => [key, storedWeeks[i] ?? { key, weeks: {} }]));
    /** Keys whose earliest or latest article may have gone: read again from the index. */
    const bounds = new Set<string>();
    for (const change of changes) {
      counts.total += articlesAdded(change);
      for (const old of change.removed) {
        const summary = summaries.get(old.key);
        if (!summary) continue;
        summary.articles -= 1;
        summary.mentions -= old.count;
        countTimeline(timelines.get(old.key) as EntityTimeline, weeks.get(old.key) as EntityWeeks, old, -1);
        if (old.date === summary.firstSeen || old.date === summary.lastSeen) bounds.add(old.key);
      }
      countSlices(slices, change.removed, -1);
      countSlices(slices, change.added, 1);
      for (const added of change.added) {
        const summary = summaries.get(added.key) ?? { key: added.key, type: added.type, name: added.name, variants: [], articles: 0, mentions: 0, firstSeen: added.date, lastSeen: added.date, words: [] };
        const spelled = summary.variants.length;
        summary.articles += 1;
        summary.mentions += added.count;
        countTimeline(timelines.get(added.key) as EntityTimeline, weeks.get(added.key) as EntityWeeks, added, 1);
        summary.firstSeen = Math.min(summary.firstSeen, added.date);
        summary.lastSeen = Math.max(summary.lastSeen, added.date);
        for (const spelling of added.spellings) if (summary.variants.length < MAX_VARIANTS && !summary.variants.includes(spelling)) summary.variants.push(spelling);
        // The words it is found by follow its spellings (only new ones: a spelling is never taken
        // away), and are made for a summary stored without them.
        if (summary.variants.length !== spelled || !summary.words?.length) summary.words = summaryWords(summary);
        summaries.set(added.key, summary);
      }
    }
    for (const key of bounds) {
      const summary = summaries.get(key);
      if (!summary || summary.articles <= 0) continue;
      const range = db.mentions.where('keyDates').between(...keyDateRange(key));
      summary.firstSeen = (await range.first())?.date ?? summary.firstSeen;
      summary.lastSeen = (await range.last())?.date ?? summary.lastSeen;
    }
    const named = (key: string) => (summaries.get(key)?.articles ?? 0) > 0;
    const kept = keys.filter(named);
    const gone = keys.filter((key) => !named(key));
    for (const key of kept) counts.byKey.set(key, (summaries.get(key) as StoredSummary).articles);
    for (const key of gone) counts.byKey.delete(key);
    const written = kept.map((key) => summaries.get(key) as StoredSummary);
    const mostNamedNow = mostNamed && mostNamedAfter(mostNamed, written, gone);
    await Promise.all([
      db.entities.bulkDelete(gone),
      db.timelines.bulkDelete(gone),
      db.keyWeeks.bulkDelete(gone),
      db.entities.bulkPut(written),
      db.timelines.bulkPut(kept.map((key) => timelines.get(key) as EntityTimeline)),
      db.keyWeeks.bulkPut(kept.map((key) => weeks.get(key) as EntityWeeks)),
      writeSlices(db, slices),
      db.pendingMentions.bulkDelete(changes.map((c) => c.seq as number)),
      db.groupOverlaps.bulkPut([...overlaps.values()]),
      db.articleCounts.put(counts),
    ]);
    // Read from the index (after the summaries are written) when the record could not follow them.
    await db.articleCounts.put(mostNamedNow ?? (await mostNamedFromIndex(db)));
    return changes.length;
  });
}

