/**
 * Gloss's database. It lives only in the extension's origin (background and extension pages):
 * IndexedDB opened by a content script would belong to the web page, which could read or wipe it.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AnnotationRecord } from '../anchoring/annotation';
import type { CorrectionRecord } from '../corrections/correction';
import type { ArticleCounts } from './article-counts';
import type { GroupOverlap } from './group-overlaps';
import type { ArticleRecord } from '../article/types';
import type { WatchlistRecord } from '../entities/watchlist';
import type { ArticleMentionsRecord, EntitySummary, EntityTimeline, EntityWeeks, PendingChange } from '../mentions/types';
import type { KeySlice, SliceId, YearId, YearSlice } from './key-slices';
import type { VersionBody, VersionRecord } from '../versions/version';
import { SCHEMA_HISTORY } from './schema';

export type { AnnotationRecord } from '../anchoring/annotation';

/**
 * An annotation as the `annotations` table holds it: the record plus its search words (see
 * search/words.ts), kept by the repository and never handed out (`withoutWords`).
 */
export interface StoredAnnotation extends AnnotationRecord {
  words: string[];
}

/**
 * A key's summary as the `entities` table holds it: with the words it is found by (see
 * search/name-words.ts), kept by `applyPending` and left out of what the library shows
 * (entity-groups.ts `shownAlone`).
 */
export interface StoredSummary extends EntitySummary {
  words: string[];
}

export const DB_NAME = 'gloss';

export class GlossDb extends Dexie {
  articles!: EntityTable<ArticleRecord, 'id'>;
  annotations!: EntityTable<StoredAnnotation, 'id'>;
  watchlists!: EntityTable<WatchlistRecord, 'id'>;
  versions!: EntityTable<VersionRecord, 'id'>;
  versionBodies!: EntityTable<VersionBody, 'id'>;
  mentions!: EntityTable<ArticleMentionsRecord, 'articleId'>;
  entities!: EntityTable<StoredSummary, 'key'>;
  timelines!: EntityTable<EntityTimeline, 'key'>;
  pendingMentions!: EntityTable<PendingChange, 'seq'>;
  corrections!: EntityTable<CorrectionRecord, 'key'>;
  groupOverlaps!: EntityTable<GroupOverlap, 'root'>;
  articleCounts!: EntityTable<ArticleCounts, 'id'>;
  keySlices!: Table<KeySlice, SliceId>;
  yearSlices!: Table<YearSlice, YearId>;
  keyWeeks!: EntityTable<EntityWeeks, 'key'>;

  constructor(name: string = DB_NAME) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_HISTORY) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
