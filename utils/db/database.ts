/**
 * Gloss's database. It lives only in the extension's origin (background and extension pages):
 * IndexedDB opened by a content script would belong to the web page, which could read or wipe it.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AnnotationRecord } from '../anchoring/annotation';
import type { CorrectionRecord } from '../corrections/correction';
import type { ArticleCounts } from './article-counts';
import type { GroupOverlap } from './group-overlaps';
import type { MostNamed } from './most-named';
import type { ArticleRecord } from '../article/types';
import type { WatchlistRecord } from '../entities/watchlist';
import type { ArticleMentionsRecord, EntitySummary, EntityTimeline, EntityWeeks, PendingChange } from '../mentions/types';
import type { KeySlice, SliceId, YearId, YearSlice } from './key-slices';
import type { LabelShard } from './labels';
import type { VersionBody, VersionRecord } from '../versions/version';
import { markShortPairsStored } from './labels';
import { NEWEST_SCHEMA } from './schema-stores';
import type { SchemaVersion } from './schema';

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
  /** The counts record (article-counts.ts) and the most named keys' (most-named.ts), by id. */
  articleCounts!: EntityTable<ArticleCounts | MostNamed, 'id'>;
  keySlices!: Table<KeySlice, SliceId>;
  yearSlices!: Table<YearSlice, YearId>;
  keyWeeks!: EntityTable<EntityWeeks, 'key'>;
  labels!: EntityTable<LabelShard, 'id'>;

  /** The history this database was given (the background), else undefined: imported when needed. */
  readonly #history: readonly SchemaVersion[] | undefined;
  /** The check of the stored version (and the history's declaration if it is older) that opening waits for. */
  readonly #checking: Promise<void>;
  #historyDeclared = false;
  /** Set by the newest version's guard: the database was older than the check said. */
  #historyNeeded = false;

  /**
   * Declares only the newest schema: declaring all 15 versions took ~15 ms of a page's first paint
   * in Chromium. Every version, with its upgrade, is declared before opening when the database
   * turns out to be older. An extension page that last opened the database at the newest version
   * does not ask again (`indexedDB.databases()` took 15–25 ms of the popup's first paint); should
   * the database be older all the same, the newest version's guard stops its upgrade before it
   * changes anything and opening starts again with every version.
   * @param history that history, for a context that must not load it on demand (the background:
   *   a service worker cannot `import()`); elsewhere it is imported when needed.
   */
  constructor(name: string = DB_NAME, history?: readonly SchemaVersion[]) {
    super(name);
    this.#history = history;
    declare(this, [{ ...NEWEST_SCHEMA, upgrade: () => this.#guardNewest() }]);
    this.#checking = openedAtNewest(name) ? Promise.resolve() : this.#declareHistoryIfOlder();
    // A database made now never held an annotation whose short words are not paired: the
    // background need not go through its annotations (background/stored-words.ts).
    this.on('populate', (tx) => markShortPairsStored(tx.table('labels')));
  }

  /** Dexie calls this for the first query too. */
  override open() {
    return Dexie.Promise.resolve(this.#checking)
      .then(() => super.open())
      .catch((error: unknown) => {
        if (!this.#historyNeeded) throw error;
        // (Queries asked during the stopped attempt fail once; the database is unchanged.)
        this.#historyNeeded = false;
        return Dexie.Promise.resolve(this.#declareHistory()).then(() => super.open());
      })
      .then((db) => {
        rememberOpenedAtNewest(this.name);
        return db;
      });
  }

  async #declareHistoryIfOlder(): Promise<void> {
    if (await isOlder(this.name)) await this.#declareHistory();
  }

  async #declareHistory(): Promise<void> {
    declare(this, this.#history ?? (await import('./schema')).SCHEMA_HISTORY);
    this.#historyDeclared = true;
  }

  /**
   * The newest version's upgrade while only it is declared: an upgrade from an older version
   * needs every version's, so it stops (its transaction is aborted: nothing is changed). Once
   * the history is declared, the newest version's own upgrade replaces this; where it has none,
   * this does nothing. (A new database is created without upgrades.)
   */
  #guardNewest(): void {
    if (this.#historyDeclared) return;
    this.#historyNeeded = true;
    throw new Error(`The database ${this.name} is older than version ${NEWEST_SCHEMA.version}: opening it again with every version`);
  }
}

function declare(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

/**
 * Whether the database exists at a version older than the newest: `indexedDB.databases()` answers
 * without opening it (Dexie's versions are the native ones divided by 10). Where it cannot
 * answer, the database is taken to be older: declaring the history costs time, not data.
 */
async function isOlder(name: string): Promise<boolean> {
  try {
    const found = (await indexedDB.databases()).find((db) => db.name === name);
    return found?.version !== undefined && found.version / 10 < NEWEST_SCHEMA.version;
  } catch {
    return true;
  }
}

/**
 * Where an extension page remembers that it opened a database at the newest version (the
 * extension's own localStorage; a service worker has none and asks each time).
 */
const openedKey = (name: string) => `gloss:db-version:${name}`;

function openedAtNewest(name: string): boolean {
  try {
    return globalThis.localStorage?.getItem(openedKey(name)) === String(NEWEST_SCHEMA.version);
  } catch {
    return false; // storage refused: ask the database
  }
}

function rememberOpenedAtNewest(name: string): void {
  if (openedAtNewest(name)) return;
  try {
    globalThis.localStorage?.setItem(openedKey(name), String(NEWEST_SCHEMA.version));
  } catch {
    // Not remembered: the next page asks the database again.
  }
}
