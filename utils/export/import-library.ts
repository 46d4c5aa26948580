/**
 * Brings an import (a backup, or the annotations of a W3C file) into the library, all or nothing,
 * and reads the whole library for an export. Everything is checked before the first write; the
 * writes then run in one read-write transaction over the tables they touch, so a failure midway
 * (quota, a closed database) leaves the library as it was. An annotation whose article the
 * library does not have gets a minimal article record (its address as title), so the library
 * lists it and the article's page fills the rest in on the next visit.
 *
 * Stored versions of articles come with their copies: each copy's text must have the hash its
 * record gives (or nothing is written), and is compressed before the transaction opens (a
 * transaction that waits on anything but the database commits early).
 *
 * The reader's corrections of library keys join the same transaction; with the stored ones they
 * must still make no loop of merges (checked on the result before it commits), or nothing is
 * written.
 *
 * Settings live in extension storage, outside IndexedDB, and cannot join the transaction: when
 * asked for, they are written only after the library's writes have committed.
 */
import { putStoredAnnotations, storedAnnotation, withoutWords } from '../db/annotations-repo';
import { commonWords, countWords, listWords } from '../db/labels';
import type { InsertType, Table } from 'dexie';
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';
import type { CorrectionRecord } from '../corrections/correction';
import type { GlossDb } from '../db/database';
import { readSettings, updateSettings } from '../settings/settings';
import { contentHash, packContent, unpackContent } from '../versions/content';
import type { VersionBody, VersionRecord } from '../versions/version';
import { ImportRefused, joinPath, type ImportProblem } from './problems';
import { checkLibraryImport, correctionProblems, type Library, type LibraryImport, type VersionExport } from './records';

/** What to do with a record whose id the library already holds: keep the stored one, or take the file's. */
export type DuplicatePolicy = 'skip' | 'update';

export interface ImportOptions {
  onDuplicate: DuplicatePolicy;
  /** Whether a backup's settings replace the reader's (default: keep the reader's). */
  settings?: 'keep' | 'replace';
  /** Told how many of the file's records are written so far, of how many (called inside the transaction: do not wait on it). */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportCounts {
  added: number;
  updated: number;
  skipped: number;
  /** The ids the library already held, whether skipped or updated. */
  duplicates: string[];
}

export interface ImportReport {
  annotations: ImportCounts;
  /** Articles of the file, and the minimal ones made for annotations without one. */
  articles: ImportCounts;
  watchlists: ImportCounts;
  /** Stored versions of articles (a duplicate is one whose id the library holds). */
  versions: ImportCounts;
  /** Corrections of library keys (a duplicate is a key the library has a correction of; its `duplicates` are keys). */
  corrections: ImportCounts;
  settings: 'kept' | 'replaced';
}

const noCounts = (): ImportCounts => ({ added: 0, updated: 0, skipped: 0, duplicates: [] });

/** Records written per step, between which the import tells its progress. */
const STEP = 2000;

/** The minimal record of an article known only by its annotations. */
function placeholderArticle(id: string, annotations: readonly AnnotationRecord[]): ArticleRecord {
  return {
    id,
    url: id,
    canonicalUrl: null,
    title: id,
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: null,
    dir: null,
    excerpt: null,
    length: 0,
    firstSeenAt: annotations.reduce((first, a) => Math.min(first, a.createdAt), Infinity),
    lastSeenAt: annotations.reduce((last, a) => Math.max(last, a.updatedAt), 0),
  };
}

/** Minimal records for the articles of `annotations` that neither the file nor the library has. */
async function placeholdersFor(db: GlossDb, annotations: readonly AnnotationRecord[], articles: readonly ArticleRecord[]): Promise<ArticleRecord[]> {
  const imported = new Set(articles.map((article) => article.id));
  const byArticle = new Map<string, AnnotationRecord[]>();
  for (const annotation of annotations) {
    if (imported.has(annotation.articleId)) continue;
    const group = byArticle.get(annotation.articleId);
    if (group) group.push(annotation);
    else byArticle.set(annotation.articleId, [annotation]);
  }
  const wanted = [...byArticle.keys()];
  const stored = await db.articles.bulkGet(wanted);
  return wanted.filter((_, i) => !stored[i]).map((id) => placeholderArticle(id, byArticle.get(id)!));
}

/** Writes records: new ones, or (given `before`, what each replaces) over the stored ones. */
type Store<T> = (records: T[], before?: T[]) => Promise<unknown>;

/** A table's own writes: new records added, the others put. */
const tableStore =
  <T extends { id: string }>(table: Table<T, string, InsertType<T, 'id'>>): Store<T> =>
  (records, before) => (before ? table.bulkPut(records) : table.bulkAdd(records));

/**
 * Writes `records`, in steps that report progress (through `store` when the table's writes need
 * more: annotations bring their labels). An annotation the file updates gets a revision past
 * the stored one, so an edit based on what was there before is refused, not lost.
 */
async function write<T extends { id: string; rev?: number }>(
  table: Table<T, string, InsertType<T, 'id'>>,
  records: readonly T[],
  policy: DuplicatePolicy,
  progress: (written: number) => void = () => {},
  store: Store<T> = tableStore(table),
): Promise<ImportCounts> {
  if (!records.length) return noCounts();
  const stored = await table.bulkGet(records.map((record) => record.id));
  const fresh = records.filter((_, i) => !stored[i]);
  const known: T[] = [];
  const before: T[] = [];
  records.forEach((record, i) => {
    const was = stored[i];
    if (!was) return;
    known.push(was.rev === undefined ? record : { ...record, rev: Math.max(record.rev ?? 1, was.rev + 1) });
    before.push(was);
  });
  for (let i = 0; i < fresh.length; i += STEP) {
    const step = fresh.slice(i, i + STEP);
    await store(step);
    progress(step.length);
  }
  for (let i = 0; policy === 'update' && i < known.length; i += STEP) {
    const step = known.slice(i, i + STEP);
    await store(step, before.slice(i, i + STEP));
    progress(step.length);
  }
  if (policy === 'skip') progress(known.length);
  return {
    added: fresh.length,
    updated: policy === 'update' ? known.length : 0,
    skipped: policy === 'skip' ? known.length : 0,
    duplicates: known.map((record) => record.id),
  };
}

/**
 * Writes `corrections` by their key as `policy` says, then checks every correction now stored as a
 * whole: merges that loop (the file's with the reader's) throw ImportRefused, undoing the import.
 */
async function writeCorrections(db: GlossDb, corrections: readonly CorrectionRecord[], policy: DuplicatePolicy): Promise<ImportCounts> {
  if (!corrections.length) return noCounts();
  const stored = await db.corrections.bulkGet(corrections.map((record) => record.key));
  const fresh = corrections.filter((_, i) => !stored[i]);
  const known = corrections.filter((_, i) => stored[i]);
  await db.corrections.bulkAdd(fresh);
  if (policy === 'update') await db.corrections.bulkPut(known);
  const problems = correctionProblems(await db.corrections.toArray());
  if (problems.length) {
    throw new ImportRefused(problems.map((problem) => ({ path: 'corrections', message: `with the corrections you have, ${problem.message.replace(/^its/, 'a key’s')}` })));
  }
  return {
    added: fresh.length,
    updated: policy === 'update' ? known.length : 0,
    skipped: policy === 'skip' ? known.length : 0,
    duplicates: known.map((record) => record.key),
  };
}

/** The versions' records and compressed copies, once every copy's text is checked against its hash. */
async function packVersions(versions: readonly VersionExport[]): Promise<{ records: VersionRecord[]; bodies: VersionBody[] }> {
  const problems: ImportProblem[] = [];
  const records: VersionRecord[] = [];
  const bodies: VersionBody[] = [];
  for (const [i, { content, ...record }] of versions.entries()) {
    if ((await contentHash(content.text)) !== record.hash) {
      problems.push({ path: joinPath(['versions', i, 'hash']), message: 'does not match the text of the copy (the copy was changed, or is not this version)' });
      continue;
    }
    const packed = await packContent(content);
    records.push({ ...record, rawBytes: packed.rawBytes, storedBytes: packed.storedBytes });
    bodies.push({ id: record.id, data: packed.data });
  }
  if (problems.length) throw new ImportRefused(problems);
  return { records, bodies };
}

/** Brings `data` into the library in one transaction; throws `ImportRefused`, writing nothing, when it has problems. */
export async function importLibrary(db: GlossDb, data: LibraryImport, options: ImportOptions): Promise<ImportReport> {
  const checked = checkLibraryImport(data);
  if (!checked.ok) throw new ImportRefused(checked.problems);
  const { annotations, articles = [], watchlists = [], settings, corrections = [] } = checked.value;
  const { onDuplicate } = options;
  const versions = await packVersions(checked.value.versions ?? []);

  const tables = [
    ...(annotations.length ? [db.annotations, db.labels] : []),
    ...(annotations.length || articles.length ? [db.articles] : []),
    ...(watchlists.length ? [db.watchlists] : []),
    ...(versions.records.length ? [db.versions, db.versionBodies] : []),
    ...(corrections.length ? [db.corrections] : []),
  ];
  const report: ImportReport = { annotations: noCounts(), articles: noCounts(), watchlists: noCounts(), versions: noCounts(), corrections: noCounts(), settings: 'kept' };
  const total = annotations.length + articles.length + watchlists.length + versions.records.length;
  let done = 0;
  const progress = (written: number) => options.onProgress?.((done = Math.min(total, done + written)), total);
  if (tables.length) {
    await db.transaction('rw', tables, async () => {
      if (annotations.length || articles.length) {
        const placeholders = await placeholdersFor(db, annotations, articles);
        // (Placeholders are not in the file's count: progress stops at the total.)
        report.articles = await write(db.articles, [...articles, ...placeholders], onDuplicate, progress);
      }
      if (annotations.length) {
        // Stored with their search words, which need each annotation's article (now written).
        const ids = [...new Set(annotations.map((annotation) => annotation.articleId))];
        const byId = new Map((await db.articles.bulkGet(ids)).flatMap((article) => (article ? [[article.id, article] as const] : [])));
        const stored = annotations.map((annotation) => storedAnnotation(annotation, byId.get(annotation.articleId)));
        // The file's common words get their lists first, so its annotations are written into them.
        await listWords(db.annotations, db.labels, commonWords(countWords(stored)));
        report.annotations = await write(db.annotations, stored, onDuplicate, progress, (records, before) => putStoredAnnotations(db, records, before));
      }
      report.watchlists = await write(db.watchlists, watchlists, onDuplicate, progress);
      report.versions = await write(db.versions, versions.records, onDuplicate, progress);
      // A version's copy follows its record: written where the record was, left where it was skipped.
      const skipped = new Set(report.versions.skipped ? report.versions.duplicates : []);
      await write(db.versionBodies, versions.bodies.filter((body) => !skipped.has(body.id)), 'update');
      report.corrections = await writeCorrections(db, corrections, onDuplicate);
    });
  }
  if (options.settings === 'replace' && settings) {
    await updateSettings(() => settings);
    report.settings = 'replaced';
  }
  return report;
}

/**
 * Everything an export needs: the three tables and the corrections, read in one transaction, and the settings; with
 * `versions`, the stored versions and their copies too (read in the same transaction, unpacked
 * after it). A version whose copy cannot be read is left out and counted in `damagedVersions`.
 */
export async function readLibrary(db: GlossDb, { versions: withVersions = false } = {}): Promise<Library & { damagedVersions: number }> {
  const [annotations, articles, watchlists, corrections, versions, bodies] = await db.transaction(
    'r',
    [db.annotations, db.articles, db.watchlists, db.corrections, db.versions, db.versionBodies],
    () =>
      Promise.all([
        db.annotations.toArray(),
        db.articles.toArray(),
        db.watchlists.toArray(),
        db.corrections.toArray(),
        withVersions ? db.versions.toArray() : [],
        withVersions ? db.versionBodies.toArray() : [],
      ]),
  );
  const library: Library & { damagedVersions: number } = {
    annotations: annotations.map(withoutWords),
    articles,
    watchlists,
    settings: await readSettings(),
    corrections,
    damagedVersions: 0,
  };
  if (!withVersions) return library;
  const bodyOf = new Map(bodies.map((body) => [body.id, body.data]));
  library.versions = [];
  const byArticle = (a: VersionRecord, b: VersionRecord) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.firstSeenAt - b.firstSeenAt);
  for (const version of versions.sort(byArticle)) {
    try {
      library.versions.push({ ...version, content: await unpackContent(bodyOf.get(version.id)) });
    } catch {
      library.damagedVersions++;
    }
  }
  return library;
}
