/**
 * Reading and keeping versions of articles (utils/versions/). Functions take the database so tests
 * pass a fresh one; writes are made by the library writer (library-writer.ts) only.
 */
import Dexie from 'dexie';
import { newId } from '../ids';
import { CorruptVersionError, contentHash, packContent, unpackContent } from '../versions/content';
import type { VersionContent, VersionCopy, VersionRecord } from '../versions/version';
import type { GlossDb } from './database';

/**
 * At most this many versions of one article within any 24 hours. A live ticker changes on every
 * reading; past the cap its readings are not kept until the oldest of those 24 is a day old.
 */
export const MAX_VERSIONS_PER_DAY = 24;
export const DAY_MS = 24 * 60 * 60_000;

/** What keeping a reading did. */
export type KeepOutcome =
  /** A new version (its text differs from the latest). */
  | { kind: 'added'; version: VersionRecord }
  /** The latest version has this text: only its `lastSeenAt` moved. */
  | { kind: 'seen'; version: VersionRecord }
  /** The article has `MAX_VERSIONS_PER_DAY` versions from the last 24 hours: nothing was written. */
  | { kind: 'capped'; latest: VersionRecord };

const byArticle = (articleId: string, from: number = Dexie.minKey as number) =>
  [
    [articleId, from],
    [articleId, Dexie.maxKey],
  ] as const;

/** An article's versions, oldest first (metadata only). */
export function listVersions(db: GlossDb, articleId: string): Promise<VersionRecord[]> {
  const [lower, upper] = byArticle(articleId);
  return db.versions.where('[articleId+firstSeenAt]').between(lower, upper).toArray();
}

/** The ids of the articles that have stored versions (read from the index alone). */
export async function articlesWithVersions(db: GlossDb): Promise<Set<string>> {
  const keys = (await db.versions.orderBy('[articleId+firstSeenAt]').keys()) as unknown as [string, number][];
  return new Set(keys.map(([articleId]) => articleId));
}

/** The most recent version of an article. */
export async function latestVersion(db: GlossDb, articleId: string): Promise<VersionRecord | undefined> {
  const [lower, upper] = byArticle(articleId);
  return db.versions.where('[articleId+firstSeenAt]').between(lower, upper).last();
}

/** A version's copy, read back and checked; a `CorruptVersionError` when it cannot be. */
export async function readVersionContent(db: GlossDb, id: string): Promise<VersionContent> {
  const body = await db.versionBodies.get(id);
  if (!body) throw new CorruptVersionError('its copy is missing');
  return unpackContent(body.data);
}

/**
 * Keeps one reading of an article: a new version when its text differs from the latest one's
 * (and the day's cap is not reached), else the latest is marked seen now. Hashing and compressing
 * happen before the transaction (IndexedDB commits a transaction that waits on anything else).
 */
export async function keepVersion(db: GlossDb, copy: VersionCopy, now = Date.now()): Promise<KeepOutcome> {
  const hash = await contentHash(copy.text);
  const seen = await markSeen(db, copy.articleId, hash, now, copy.keys);
  if (seen) return seen;
  const packed = await packContent(copy);
  return db.transaction('rw', db.versions, db.versionBodies, async (): Promise<KeepOutcome> => {
    // Read again inside the transaction: another reading may have kept this text meanwhile.
    const latest = await latestVersion(db, copy.articleId);
    if (latest?.hash === hash) return touch(db, latest, now, copy.keys);
    const [lower, upper] = byArticle(copy.articleId, now - DAY_MS);
    const lately = await db.versions.where('[articleId+firstSeenAt]').between(lower, upper, false, true).count();
    if (latest && lately >= MAX_VERSIONS_PER_DAY) return { kind: 'capped', latest };
    // Never before the latest: the versions' order is their reading order.
    const at = Math.max(now, (latest?.firstSeenAt ?? 0) + 1);
    const version: VersionRecord = {
      id: newId(),
      articleId: copy.articleId,
      hash,
      ...copy.meta,
      url: copy.url,
      canonicalUrl: copy.canonicalUrl,
      firstSeenAt: at,
      lastSeenAt: at,
      rawBytes: packed.rawBytes,
      storedBytes: packed.storedBytes,
      encoding: 'gzip',
      ...(copy.keys && { keys: copy.keys }),
      ...(copy.keys && latest?.keys && { droppedKeys: droppedKeys(latest.keys, copy.keys) }),
    };
    await db.versions.add(version);
    await db.versionBodies.add({ id: version.id, data: packed.data });
    return { kind: 'added', version };
  });
}

/** Keys `before` names and `after` does not. */
const droppedKeys = (before: readonly string[], after: readonly string[]) => {
  const named = new Set(after);
  return before.filter((key) => !named.has(key));
};

async function markSeen(db: GlossDb, articleId: string, hash: string, now: number, keys: string[] | undefined): Promise<KeepOutcome | null> {
  return db.transaction('rw', db.versions, async () => {
    const latest = await latestVersion(db, articleId);
    return latest?.hash === hash ? touch(db, latest, now, keys) : null;
  });
}

/** The latest version read again: seen now, and it learns the keys it names if it was kept before versions recorded them. */
async function touch(db: GlossDb, latest: VersionRecord, now: number, keys: string[] | undefined): Promise<KeepOutcome> {
  const lastSeenAt = Math.max(latest.lastSeenAt, now);
  const learned = !latest.keys && keys ? { keys } : null;
  if (lastSeenAt !== latest.lastSeenAt || learned) await db.versions.update(latest.id, { lastSeenAt, ...learned });
  return { kind: 'seen', version: { ...latest, lastSeenAt, ...learned } };
}

/**
 * Stored versions whose keys are not known (kept before versions recorded them), by article, each
 * article's oldest first; versions in `tried` left out. Metadata only: no copy is read.
 */
export async function versionsWithoutKeys(db: GlossDb, tried: ReadonlySet<string> = new Set()): Promise<Map<string, VersionRecord[]>> {
  return versionsByArticle(db, (version) => !version.keys && !tried.has(version.id));
}

/** Every stored version `wanted` accepts, by article, each article's oldest first (metadata only). */
async function versionsByArticle(db: GlossDb, wanted: (version: VersionRecord) => boolean = () => true): Promise<Map<string, VersionRecord[]>> {
  const found = new Map<string, VersionRecord[]>();
  await db.versions.orderBy('[articleId+firstSeenAt]').each((version) => {
    if (!wanted(version)) return;
    const list = found.get(version.articleId);
    if (list) list.push(version);
    else found.set(version.articleId, [version]);
  });
  return found;
}

/**
 * Records the keys that versions of an article name, learned from their copies (`learned`: version
 * id → keys) for versions that had none, and then what each version stopped naming from the one
 * before it, where both are known and it was not recorded yet. Answers the records changed.
 * Written by the library writer only.
 */
export function learnVersionKeys(db: GlossDb, articleId: string, learned: ReadonlyMap<string, string[]>): Promise<VersionRecord[]> {
  return db.transaction('rw', db.versions, async () => {
    const changed: VersionRecord[] = [];
    let before: VersionRecord | undefined;
    for (const version of await listVersions(db, articleId)) {
      let now = version;
      const keys = learned.get(version.id);
      if (!now.keys && keys) now = { ...now, keys };
      if (now.keys && before?.keys && !now.droppedKeys) now = { ...now, droppedKeys: droppedKeys(before.keys, now.keys) };
      if (now !== version) changed.push(now);
      before = now;
    }
    if (changed.length) await db.versions.bulkPut(changed);
    return changed;
  });
}

/** How many versions Gloss keeps, of how many articles, and their bytes (metadata only: no copy is read). */
export interface VersionStats {
  versions: number;
  articles: number;
  storedBytes: number;
  rawBytes: number;
}

export async function versionStats(db: GlossDb): Promise<VersionStats> {
  const stats: VersionStats = { versions: 0, articles: 0, storedBytes: 0, rawBytes: 0 };
  const articles = new Set<string>();
  await db.versions.each((version) => {
    stats.versions++;
    articles.add(version.articleId);
    // A damaged record is counted, not trusted for its sizes.
    if (Number.isFinite(version.storedBytes)) stats.storedBytes += version.storedBytes;
    if (Number.isFinite(version.rawBytes)) stats.rawBytes += version.rawBytes;
  });
  stats.articles = articles.size;
  return stats;
}

/** The ids removed from each article's versions. */
export type RemovedVersions = Map<string, string[]>;

async function removeVersions(db: GlossDb, doomed: readonly VersionRecord[]): Promise<RemovedVersions> {
  const ids = doomed.map((version) => version.id);
  await db.versionBodies.bulkDelete(ids);
  await db.versions.bulkDelete(ids);
  const removed: RemovedVersions = new Map();
  for (const version of doomed) removed.set(version.articleId, [...(removed.get(version.articleId) ?? []), version.id]);
  return removed;
}

/**
 * Keeps, of each article, its first version (the text first read, which "changed since" falls
 * back to), its last `keepLast`, and every version the reader annotated (the one on screen when
 * an annotation was made or last edited: the latest first seen at or before that time); the
 * others go, copies and all. Written by the library writer only.
 */
export function pruneVersions(db: GlossDb, keepLast: number): Promise<RemovedVersions> {
  if (!Number.isInteger(keepLast) || keepLast < 1) throw new RangeError('Keep at least the last version of each article.');
  return db.transaction('rw', db.versions, db.versionBodies, db.annotations, async () => {
    const doomed: VersionRecord[] = [];
    for (const [articleId, versions] of await versionsByArticle(db)) {
      const middle = versions.slice(1, Math.max(1, versions.length - keepLast));
      if (middle.length === 0) continue;
      const annotated = new Set<VersionRecord>();
      await db.annotations.where('articleId').equals(articleId).each((annotation) => {
        for (const at of [annotation.createdAt, annotation.updatedAt]) {
          const shown = versions.findLast((version) => version.firstSeenAt <= at);
          if (shown) annotated.add(shown);
        }
      });
      doomed.push(...middle.filter((version) => !annotated.has(version)));
    }
    return removeVersions(db, doomed);
  });
}

/** Deletes every stored version of an article. Written by the library writer only. */
export function deleteArticleVersions(db: GlossDb, articleId: string): Promise<RemovedVersions> {
  return db.transaction('rw', db.versions, db.versionBodies, async () => removeVersions(db, await listVersions(db, articleId)));
}
