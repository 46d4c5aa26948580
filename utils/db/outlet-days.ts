/**
 * Schema 14: the library files an article by its outlet's day (mentions-repo.ts `articleDate`)
 * where it used to file it by the UTC instant, so that a KCNA item of 08:00 in Pyongyang on
 * 1 March counts in March. This upgrade dates again the records of mentions and the readings
 * still queued: a date that came from the article's published time is read on the outlet's clock
 * (one that came from first sight, or from a time that is not ISO 8601, stays), with the keyDates
 * that index it; then everything kept per period is counted again from them
 * (periods-from-mentions.ts).
 */
import { outletClock } from '../article/published';
import type { ArticleRecord } from '../article/types';
import { keyDate, type ArticleMentionsRecord, type PendingChange } from '../mentions/types';
import { recountPeriods, type TableSource } from './periods-from-mentions';

export async function fileByOutletDay(source: TableSource): Promise<void> {
  const published = new Map<string, string>();
  await source.table('articles').each((article: ArticleRecord) => {
    if (article.publishedTime) published.set(article.id, article.publishedTime);
  });
  /** The date as filed now, of one filed under `date` before. */
  const refiled = (articleId: string, date: number) => {
    const time = published.get(articleId);
    return time !== undefined && Date.parse(time) === date ? (outletClock(time) ?? date) : date;
  };
  await source
    .table('mentions')
    .toCollection()
    .modify((record: ArticleMentionsRecord) => {
      const date = refiled(record.articleId, record.date);
      if (date === record.date) return false;
      record.date = date;
      record.keyDates = record.entries.map((entry) => keyDate(entry.key, date));
    });
  await source
    .table('pendingMentions')
    .toCollection()
    .modify((change: PendingChange) => {
      let moved = false;
      for (const part of [...change.removed, ...change.added]) {
        const date = refiled(change.articleId, part.date);
        moved ||= date !== part.date;
        part.date = date;
      }
      return moved;
    });
  await recountPeriods(source);
}
