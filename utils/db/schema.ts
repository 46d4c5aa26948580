/**
 * Every version of Gloss's IndexedDB schema, oldest first. A published version is never edited:
 * a change is a new entry (with an `upgrade` where data must be reshaped). A test pins this list.
 */
import type { Transaction } from 'dexie';
import type { ArticleRecord } from '../article/types';
import { summaryWords } from '../search/name-words';
import { indexWords } from '../search/words';
import { countsFromSummaries } from './article-counts';
import { fileByOutletDay } from './outlet-days';
import { fillPeriods } from './periods-from-mentions';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      articles: 'id, siteName, lastSeenAt',
      annotations: 'id, articleId, createdAt, updatedAt, *tags',
    },
  },
  {
    // The reader's own term watchlists.
    version: 2,
    stores: {
      watchlists: 'id, name, updatedAt',
    },
  },
  {
    // Reader annotations take their full shape: selectors, color, note, tags, text hash.
    version: 3,
    stores: {
      annotations: 'id, articleId, createdAt, updatedAt, *tags, color',
    },
    upgrade: async (tx) => {
      await tx
        .table('annotations')
        .toCollection()
        .modify((annotation: Record<string, unknown>) => {
          annotation.color ??= 'yellow';
          annotation.note ??= '';
          annotation.tags ??= [];
          annotation.textHash ??= '';
        });
    },
  },
  {
    // Library search: each annotation's words (quote, note, tags, its article's title and
    // outlet) in a multiEntry index, computed here for the annotations already stored.
    version: 4,
    stores: {
      annotations: 'id, articleId, createdAt, updatedAt, *tags, color, *words',
    },
    upgrade: recomputeWords,
  },
  {
    // Library filters by entity and term list: what the recognizer found in each article when it
    // was last read (no upgrade: an article gains them on its next visit).
    version: 5,
    stores: {
      articles: 'id, siteName, lastSeenAt, *entityKeys, *termLists',
    },
  },
  {
    // Versioned writes: each annotation carries a revision, 1 for those already stored (no index:
    // it is only compared with the revision an edit was based on).
    version: 6,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table('annotations')
        .toCollection()
        .modify((annotation: Record<string, unknown>) => {
          annotation.rev ??= 1;
        });
    },
  },
  {
    // Local copies of articles (issue 14): a version's metadata in `versions` (listed by article
    // in reading order, without reading any copy) and its compressed copy in `versionBodies`
    // under the same id. New tables: nothing to reshape.
    version: 7,
    stores: {
      versions: 'id, [articleId+firstSeenAt]',
      versionBodies: 'id',
    },
  },
  {
    // The library across articles (issue 15): what each article's latest reading said of each
    // entity and term (`mentions`, one record per article, by key in date order), a summary per
    // key (`entities`, by how many articles name it, overall and per type), its counts per month
    // (`timelines`), and the readings not yet counted in them (`pendingMentions`). New tables:
    // articles read before fill them in on their next reading.
    version: 8,
    stores: {
      mentions: 'articleId, *keyDates',
      entities: 'key, articles, [type+articles]',
      timelines: 'key',
      pendingMentions: '++seq',
    },
  },
  {
    // Library search: the stored words gain pairs of small words (search/words.ts `smallWordPairs`), so
    // a phrase of stop words is an index lookup; recomputed here as in version 4.
    version: 9,
    stores: {},
    upgrade: recomputeWords,
  },
  {
    // The reader's corrections to the library's keys (issue 15): one record per key merged into
    // another, renamed or hidden, read whole (a few hundred records at most) and applied when the
    // library answers; and per root of merged keys, the articles they share (group-overlaps.ts).
    // New tables: nothing is reshaped.
    version: 10,
    stores: {
      corrections: 'key',
      groupOverlaps: 'root',
    },
  },
  {
    // The library across articles: how many articles name each key and how many name any, in one
    // record (article-counts.ts) for the co-occurrence ranking, counted here from the summaries.
    version: 11,
    stores: {
      articleCounts: 'id',
    },
    upgrade: async (tx) => {
      await tx.table('articleCounts').put(await countsFromSummaries(tx));
    },
  },
  {
    // The library across articles by slice and by week (issue 15): per month, and per outlet and
    // month, how many articles name each key and how often (`keySlices`: the table filtered by
    // outlet and months), and each key's counts per ISO week (`keyWeeks`: an entity's weekly
    // timeline); both kept by applyPending, counted here from the records of mentions.
    version: 12,
    stores: {
      keySlices: '[scope+month], scope',
      keyWeeks: 'key',
    },
    upgrade: fillPeriods,
  },
  {
    // The library's names found by name or spelling over every key (search/name-words.ts): each
    // summary's folded words in a multiEntry index, computed here for the summaries stored.
    version: 13,
    stores: {
      entities: 'key, articles, [type+articles], *words',
    },
    upgrade: async (tx) => {
      await tx
        .table('entities')
        .toCollection()
        .modify((summary: { name: string; variants: string[]; words?: string[] }) => {
          summary.words = summaryWords(summary);
        });
    },
  },
  {
    // The library by the outlet's day and by year (issue 15): an article is filed under its
    // published time on the outlet's clock (a KCNA item of 08:00 in Pyongyang on 1 March counts in
    // March), so its records of mentions, the readings queued and everything counted per month,
    // week or date are dated and counted again (outlet-days.ts); and per year, the sum of each
    // scope's months (`yearSlices`: a range of months reads whole years from it), kept by
    // applyPending and counted here with the rest.
    version: 14,
    stores: {
      yearSlices: '[scope+year]',
    },
    upgrade: fileByOutletDay,
  },
  {
    // Mentions of older versions (issue 15): each version records the library keys its text names
    // and those the version before named and it does not, indexed (`droppedKeys`): the articles
    // that stopped naming someone. Versions kept before learn their keys when read again.
    version: 15,
    stores: {
      versions: 'id, [articleId+firstSeenAt], *droppedKeys',
    },
  },
];

/** Every annotation's search words, computed again (when what words.ts stores has changed). */
async function recomputeWords(tx: Transaction): Promise<void> {
  const articles = new Map<string, ArticleRecord>();
  await tx
    .table('articles')
    .each((article: ArticleRecord) => void articles.set(article.id, article));
  await tx
    .table('annotations')
    .toCollection()
    .modify((annotation: Record<string, unknown>) => {
      annotation.words = indexWords(annotation, articles.get(annotation.articleId as string));
    });
}
