/**
 * "Changed since you annotated": what the background found when it compared the article as the
 * page reads it now with the version the reader annotated (else the first one Gloss kept), and
 * how the page panel and the popup say it. The comparison itself runs in the background
 * (entrypoints/background/changes.ts, with diff.ts); this module holds only the shape and the
 * words, so the article script bundles no diff code. It writes dates without Intl: the first use
 * of Intl in a content script costs the page ~50 ms (see utils/text/count.ts).
 */
import * as v from 'valibot';
import { readerPath } from './reader-path';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

/** What changed in an article since the version it is compared with, by paragraph. */
export const articleChangesSchema = v.strictObject({
  /** The version compared with, when it was read, and whether it is the one the reader annotated. */
  since: v.strictObject({ versionId: id, at: count, annotated: v.boolean() }),
  /** The stored version holding the text the page shows now, if Gloss kept it (else the latest is compared). */
  currentVersionId: v.nullable(id),
  counts: v.strictObject({ edited: count, removed: count, added: count }),
});
export type ArticleChanges = v.InferOutput<typeof articleChangesSchema>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A day as "3 May" (with the year when it is not `now`'s), in the reader's time zone. */
export function formatDay(ms: number, now = Date.now()): string {
  const date = new Date(ms);
  if (!Number.isFinite(date.getTime())) return 'an unknown day';
  const day = `${date.getDate()} ${MONTHS[date.getMonth()]}`;
  return date.getFullYear() === new Date(now).getFullYear() ? day : `${day} ${date.getFullYear()}`;
}

/** "2 paragraphs edited, 1 removed, 1 added"; null when nothing changed. */
export function changeSummary(counts: ArticleChanges['counts']): string | null {
  const parts = (['edited', 'removed', 'added'] as const).filter((kind) => counts[kind] > 0);
  if (!parts.length) return null;
  return parts.map((kind, i) => (i === 0 ? `${counts[kind]} ${counts[kind] === 1 ? 'paragraph' : 'paragraphs'} ${kind}` : `${counts[kind]} ${kind}`)).join(', ');
}

/** The sentence the panel and the popup show, e.g. "Changed since you annotated on 3 May: 2 paragraphs edited, 1 removed". */
export function changedSinceText(changes: ArticleChanges, now = Date.now()): string {
  const when = formatDay(changes.since.at, now);
  const since = changes.since.annotated ? `Changed since you annotated on ${when}` : `Changed since Gloss first kept it on ${when}`;
  const summary = changeSummary(changes.counts);
  return summary ? `${since}: ${summary}` : since;
}

/** The reader page's address (from the extension's root) comparing the version compared with and the current one (the latest when not kept). */
export function comparisonPath(articleId: string, changes: ArticleChanges): `/reader.html${string}` {
  return readerPath(articleId, changes.currentVersionId, changes.since.versionId);
}
