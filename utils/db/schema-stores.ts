/**
 * The tables and indexes of every version of Gloss's IndexedDB schema, oldest first, and the
 * newest schema they add up to. A published version is never edited: a change is a new entry
 * (with its upgrade in schema.ts where data must be reshaped). A test pins this list.
 *
 * Kept apart from the upgrades so that a page opening a database already at the newest version
 * declares only that (see database.ts) and loads none of the upgrades' code.
 */

export interface SchemaStores {
  version: number;
  /** Table → Dexie's index spec; `null` deletes the table. */
  stores: Record<string, string | null>;
}

export const SCHEMA_STORES: readonly SchemaStores[] = [
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
  },
  {
    // Library search: each annotation's words (quote, note, tags, its article's title and
    // outlet) in a multiEntry index, computed for the annotations already stored.
    version: 4,
    stores: {
      annotations: 'id, articleId, createdAt, updatedAt, *tags, color, *words',
    },
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
    // a phrase of stop words is an index lookup; recomputed as in version 4.
    version: 9,
    stores: {},
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
    // record (article-counts.ts) for the co-occurrence ranking, counted from the summaries.
    version: 11,
    stores: {
      articleCounts: 'id',
    },
  },
  {
    // The library across articles by slice and by week (issue 15): per month, and per outlet and
    // month, how many articles name each key and how often (`keySlices`: the table filtered by
    // outlet and months), and each key's counts per ISO week (`keyWeeks`: an entity's weekly
    // timeline); both kept by applyPending, counted from the records of mentions.
    version: 12,
    stores: {
      keySlices: '[scope+month], scope',
      keyWeeks: 'key',
    },
  },
  {
    // The library's names found by name or spelling over every key (search/name-words.ts): each
    // summary's folded words in a multiEntry index, computed for the summaries stored.
    version: 13,
    stores: {
      entities: 'key, articles, [type+articles], *words',
    },
  },
  {
    // The library by the outlet's day and by year (issue 15): an article is filed under its
    // published time on the outlet's clock (a KCNA item of 08:00 in Pyongyang on 1 March counts in
    // March), so its records of mentions, the readings queued and everything counted per month,
    // week or date are dated and counted again (outlet-days.ts); and per year, the sum of each
    // scope's months (`yearSlices`: a range of months reads whole years from it), kept by
    // applyPending and counted with the rest.
    version: 14,
    stores: {
      yearSlices: '[scope+year]',
    },
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
  {
    // Library search by labels (db/labels.ts): the annotations carrying each tag, color and outlet
    // as lists of ids split over 16 records per label (`term\0shard`), filled from the annotations
    // stored; the `color` index they replace goes (an index's keys cost ~10 µs each to read in
    // Chromium, a record of ids about nothing).
    version: 16,
    stores: {
      annotations: 'id, articleId, createdAt, updatedAt, *tags, *words',
      labels: 'id',
    },
  },
  {
    // Library search by lists of common words (db/labels.ts `listWords`): the stored words and
    // pairs of LIST_FROM annotations or more get lists of ids beside the labels', counted from the
    // stored words; the `words` index stays for the rest. No table changes.
    version: 17,
    stores: {},
  },
  {
    // A possessive inside a discovered name stays in its key ("ORG:People's Army", filed before as
    // "ORG:People Army"): each key filed so is shown as its new one, by a merge the reader can
    // split (db/possessive-keys.ts). No table changes.
    version: 18,
    stores: {},
  },
];

/** Every version's tables added up: what a database at the newest version holds. */
export const NEWEST_SCHEMA: SchemaStores = {
  version: SCHEMA_STORES.at(-1)?.version ?? 1,
  stores: SCHEMA_STORES.reduce<SchemaStores['stores']>((all, { stores }) => ({ ...all, ...stores }), {}),
};
