/**
 * The library across articles (issue 15), written as articles are read: each reading replaces
 * what the article said before (`mentions`), and the per-key summaries (`entities`) move by the
 * difference, in the same transaction, so the entity table never reads every article. Functions
 * take the database so tests pass a fresh one.
 */
import type { ArticleRecord } from '../article/types';
import type { ArticleMentions } from '../mentions/extract';
import { mentionId, monthOf, type EntitySummary, type EntityTimeline, type MentionRecord } from '../mentions/types';
import type { GlossDb } from './database';

/** Spellings kept per key across articles. */
export const MAX_VARIANTS = 30;
/** Publication dates outside these bounds are not trusted (a page's typo, a placeholder): the article's first sight stands in. */
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST_AHEAD = 2 * 86_400_000;

/** The date an article is filed under: its publication time when that is a real date, else when Gloss first saw it. */
export function articleDate(article: Pick<ArticleRecord, 'publishedTime' | 'firstSeenAt'>, now = Date.now()): number {
  const published = article.publishedTime ? Date.parse(article.publishedTime) : NaN;
  return Number.isFinite(published) && published >= EARLIEST && published <= now + LATEST_AHEAD ? published : article.firstSeenAt;
}

/**
 * Replaces what `article` said of each key with `found` (mentionsOf of its latest reading) and
 * moves the summaries of every key it touches. Writes nothing when nothing changed.
 */
export async function writeMentions(db: GlossDb, article: ArticleRecord, found: readonly ArticleMentions[], now = Date.now()): Promise<void> {
  const date = articleDate(article, now);
  const outlet = article.siteName ?? '';
  const names = new Map(found.map((m) => [m.key, m.name]));
  const records: MentionRecord[] = found.map((m) => ({
    id: mentionId(article.id, m.key),
    articleId: article.id,
    key: m.key,
    type: m.type,
    spellings: m.spellings,
    count: m.count,
    snippets: m.snippets,
    date,
    outlet,
    ...(m.list && { list: m.list }),
  }));
  await db.transaction('rw', db.mentions, db.entities, db.timelines, async () => {
    const before = new Map((await db.mentions.where('articleId').equals(article.id).toArray()).map((r) => [r.key, r]));
    const after = new Map(records.map((r) => [r.key, r]));
    if (before.size === after.size && records.every((r) => same(before.get(r.key), r))) return;
    const keys = [...new Set([...before.keys(), ...after.keys()])];
    const [storedSummaries, storedTimelines] = await Promise.all([db.entities.bulkGet(keys), db.timelines.bulkGet(keys)]);
    const summaries: (EntitySummary | undefined)[] = [];
    const timelines: EntityTimeline[] = [];
    /** Keys whose earliest or latest article may have been this one's old date: read again from the index. */
    const bounds: number[] = [];
    keys.forEach((key, i) => {
      const old = before.get(key);
      const current = after.get(key);
      let summary = storedSummaries[i];
      const timeline = storedTimelines[i] ?? { key, months: {} };
      if (old && summary) {
        summary.articles -= 1;
        summary.mentions -= old.count;
        count(timeline, old, -1);
        if (old.date === summary.firstSeen || old.date === summary.lastSeen) bounds.push(i);
      }
      if (current) {
        summary ??= { key, type: current.type, name: names.get(key) as string, variants: [], articles: 0, mentions: 0, firstSeen: current.date, lastSeen: current.date };
        summary.articles += 1;
        summary.mentions += current.count;
        count(timeline, current, 1);
        summary.firstSeen = Math.min(summary.firstSeen, current.date);
        summary.lastSeen = Math.max(summary.lastSeen, current.date);
        for (const spelling of current.spellings) if (summary.variants.length < MAX_VARIANTS && !summary.variants.includes(spelling)) summary.variants.push(spelling);
      }
      summaries.push(summary);
      timelines.push(timeline);
    });
    await db.mentions.bulkDelete([...before.keys()].filter((key) => !after.has(key)).map((key) => mentionId(article.id, key)));
    await db.mentions.bulkPut(records);
    for (const i of bounds) {
      const summary = summaries[i] as EntitySummary;
      if (summary.articles <= 0) continue;
      const range = db.mentions.where('[key+date]').between([summary.key, -Infinity], [summary.key, Infinity]);
      summary.firstSeen = (await range.first())?.date ?? summary.firstSeen;
      summary.lastSeen = (await range.last())?.date ?? summary.lastSeen;
    }
    const kept = keys.map((_, i) => i).filter((i) => (summaries[i]?.articles ?? 0) > 0);
    const gone = keys.filter((_, i) => !kept.includes(i));
    await Promise.all([
      db.entities.bulkDelete(gone),
      db.timelines.bulkDelete(gone),
      db.entities.bulkPut(kept.map((i) => summaries[i] as EntitySummary)),
      db.timelines.bulkPut(kept.map((i) => timelines[i] as EntityTimeline)),
    ]);
  });
}

/** Adds (`sign` 1) or takes away (-1) one article's mention record in its month of the key's timeline. */
function count(timeline: EntityTimeline, mention: MentionRecord, sign: 1 | -1): void {
  const month = monthOf(mention.date);
  const bucket = (timeline.months[month] ??= { articles: 0, mentions: 0, outlets: {} });
  bucket.articles += sign;
  bucket.mentions += sign * mention.count;
  bucket.outlets[mention.outlet] = (bucket.outlets[mention.outlet] ?? 0) + sign;
  if (bucket.outlets[mention.outlet] === 0) delete bucket.outlets[mention.outlet];
  if (bucket.articles <= 0) delete timeline.months[month];
}

const same = (a: MentionRecord | undefined, b: MentionRecord) =>
  !!a && a.count === b.count && a.date === b.date && a.outlet === b.outlet && a.spellings.join('\n') === b.spellings.join('\n') && JSON.stringify(a.snippets) === JSON.stringify(b.snippets);
