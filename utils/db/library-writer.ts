/**
 * The one owner of writes to the reader's data: annotations (from the page's editor, the popup and
 * imports), the stored versions of articles and the corrections to the library's keys all go
 * through here (in the background), and each
 * write is announced in one place, with the records it changed and the ids it removed, so that
 * every view repaints from the change itself instead of reading the whole article again.
 */
import type { AnnotationRecord } from '../anchoring/annotation';
import type { CorrectionEdit } from '../corrections/correction';
import type { CorrectionChange } from '../corrections/resolve';
import { importLibrary, type ImportOptions, type ImportReport } from '../export/import-library';
import type { LibraryImport } from '../export/records';
import {
  createAnnotation,
  deleteAnnotation,
  restoreAnnotation,
  updateAnnotation,
  withoutWords,
  type AnnotationEdit,
  type NewAnnotation,
} from './annotations-repo';
import { correctKeys, remeasureOverlaps } from './corrections-repo';
import type { GlossDb } from './database';
import { deleteArticleVersions, keepVersion, learnVersionKeys, pruneVersions, type KeepOutcome, type RemovedVersions } from './versions-repo';
import type { VersionCopy, VersionRecord } from '../versions/version';

/** What one write changed in one article's annotations. */
export interface LibraryChange {
  articleId: string;
  /** The records as stored now (made, edited, restored or imported). */
  changed: AnnotationRecord[];
  /** Ids that are gone. */
  removed: string[];
}

/** Tells whoever shows the article (each tab, the popup) what changed. */
export type Announce = (change: LibraryChange) => Promise<void>;

/** What one write changed in an article's stored versions: the records as stored now, and the ids removed. */
export interface VersionChange {
  articleId: string;
  changed: VersionRecord[];
  removed?: string[];
}

/** Tells whoever shows an article's versions (the reader page) what changed. */
export type AnnounceVersions = (change: VersionChange) => Promise<void>;

/** Tells Gloss's pages (the library page) which corrections changed: the records as stored now, and the keys whose record went. */
export type AnnounceCorrections = (change: CorrectionChange) => Promise<void>;

/** What keeping a reading did, including a disk with no room for it (nothing was written). */
export type VersionOutcome = KeepOutcome | { kind: 'no-room'; articleId: string };

export interface LibraryWriter {
  create(input: NewAnnotation): Promise<AnnotationRecord>;
  update(id: string, edit: AnnotationEdit): Promise<AnnotationRecord>;
  remove(id: string): Promise<AnnotationRecord>;
  restore(annotation: AnnotationRecord): Promise<AnnotationRecord>;
  import(data: LibraryImport, options: ImportOptions): Promise<ImportReport>;
  /** Keeps a reading of an article as a version (or marks the latest seen); a full disk skips it. */
  keepVersion(copy: VersionCopy): Promise<VersionOutcome>;
  /** Keeps each article's first and last `keepLast` versions, removing the rest; answers how many went. */
  pruneVersions(keepLast: number): Promise<{ removed: number }>;
  /** Removes every stored version of an article; answers how many went. */
  deleteArticleVersions(articleId: string): Promise<{ removed: number }>;
  /** Records the keys an article's stored versions name, learned from their copies (version id → keys); answers the records changed. */
  learnVersionKeys(articleId: string, learned: ReadonlyMap<string, string[]>): Promise<VersionRecord[]>;
  /** Merges, splits, renames or hides a library key; throws CorrectionRefused, writing nothing, for a loop or a bound passed. */
  correct(edit: CorrectionEdit): Promise<CorrectionChange>;
}

/** Removed ids per announcement: a large removal is told in several bounded messages. */
export const REMOVED_BATCH = 1_000;

/** Whether `error` is the browser saying the disk (or Gloss's quota) is full; Dexie wraps it. */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: unknown; inner?: unknown } | null | undefined, depth = 0; e && depth < 4; e = e.inner as typeof e, depth++) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}

/** Records per announcement: a large import is told in several, each a bounded message. */
export const CHANGE_BATCH = 500;

/** The changes `records` make, one per article, split into batches of `CHANGE_BATCH`. */
export function changesOf(records: readonly AnnotationRecord[]): LibraryChange[] {
  const byArticle = new Map<string, AnnotationRecord[]>();
  for (const record of records) {
    const group = byArticle.get(record.articleId);
    if (group) group.push(record);
    else byArticle.set(record.articleId, [record]);
  }
  const changes: LibraryChange[] = [];
  for (const [articleId, group] of byArticle) {
    for (let i = 0; i < group.length; i += CHANGE_BATCH) changes.push({ articleId, changed: group.slice(i, i + CHANGE_BATCH), removed: [] });
  }
  return changes;
}

export function libraryWriter(
  db: GlossDb,
  announce: Announce,
  announceVersions: AnnounceVersions = async () => {},
  announceCorrections: AnnounceCorrections = async () => {},
): LibraryWriter {
  // A failed announcement (a tab closing) never fails the write the reader made.
  const tell = async (change: LibraryChange) => {
    try {
      await announce(change);
    } catch {
      // the tab will read the article afresh on its next visit
    }
  };
  const tellVersions = async (change: VersionChange) => {
    try {
      await announceVersions(change);
    } catch {
      // no reader page is open, or it closed: it lists the versions when it opens
    }
  };
  const tellCorrections = async (change: CorrectionChange) => {
    if (!change.changed.length && !change.removed.length) return;
    try {
      await announceCorrections(change);
    } catch {
      // no library page is open: it reads the corrections when it opens
    }
  };
  const removedVersions = async (removal: Promise<RemovedVersions>) => {
    let removed = 0;
    for (const [articleId, ids] of await removal) {
      removed += ids.length;
      for (let i = 0; i < ids.length; i += REMOVED_BATCH) await tellVersions({ articleId, changed: [], removed: ids.slice(i, i + REMOVED_BATCH) });
    }
    return { removed };
  };
  const changed = async (write: Promise<AnnotationRecord>) => {
    const record = await write;
    await tell({ articleId: record.articleId, changed: [record], removed: [] });
    return record;
  };
  return {
    create: (input) => changed(createAnnotation(db, input)),
    update: (id, edit) => changed(updateAnnotation(db, id, edit)),
    restore: (annotation) => changed(restoreAnnotation(db, annotation)),
    async remove(id) {
      const record = await deleteAnnotation(db, id);
      await tell({ articleId: record.articleId, changed: [], removed: [id] });
      return record;
    },
    async import(data, options) {
      const report = await importLibrary(db, data, options);
      // What the import wrote (all, or those the library did not hold), announced as stored now,
      // with the revisions the import gave them.
      const skipped = new Set(options.onDuplicate === 'skip' ? report.annotations.duplicates : []);
      const written = data.annotations.map((annotation) => annotation.id).filter((id) => !skipped.has(id));
      const stored = written.length ? await db.annotations.bulkGet(written) : [];
      for (const change of changesOf(stored.flatMap((record) => (record ? [withoutWords(record)] : [])))) await tell(change);
      // The versions it wrote, likewise, one announcement per article.
      const skippedVersions = new Set(options.onDuplicate === 'skip' ? report.versions.duplicates : []);
      const versionIds = (data.versions ?? []).map((version) => version.id).filter((id) => !skippedVersions.has(id));
      const versions = versionIds.length ? await db.versions.bulkGet(versionIds) : [];
      const byArticle = new Map<string, VersionRecord[]>();
      for (const version of versions) if (version) byArticle.set(version.articleId, [...(byArticle.get(version.articleId) ?? []), version]);
      for (const [articleId, changed] of byArticle) await tellVersions({ articleId, changed });
      // The corrections it wrote, as stored now, in bounded announcements, once what the groups share is measured.
      if (data.corrections?.length) await remeasureOverlaps(db);
      const skippedKeys = new Set(options.onDuplicate === 'skip' ? report.corrections.duplicates : []);
      const keys = (data.corrections ?? []).map((record) => record.key).filter((key) => !skippedKeys.has(key));
      const corrections = (keys.length ? await db.corrections.bulkGet(keys) : []).flatMap((record) => (record ? [record] : []));
      for (let i = 0; i < corrections.length; i += REMOVED_BATCH) await tellCorrections({ changed: corrections.slice(i, i + REMOVED_BATCH), removed: [] });
      return report;
    },
    async keepVersion(copy) {
      let outcome: KeepOutcome;
      try {
        outcome = await keepVersion(db, copy);
      } catch (error) {
        if (isQuotaError(error)) return { kind: 'no-room', articleId: copy.articleId };
        throw error;
      }
      if (outcome.kind !== 'capped') await tellVersions({ articleId: copy.articleId, changed: [outcome.version] });
      return outcome;
    },
    pruneVersions: (keepLast) => removedVersions(pruneVersions(db, keepLast)),
    deleteArticleVersions: (articleId) => removedVersions(deleteArticleVersions(db, articleId)),
    async learnVersionKeys(articleId, learned) {
      const changed = await learnVersionKeys(db, articleId, learned);
      if (changed.length) await tellVersions({ articleId, changed });
      return changed;
    },
    async correct(edit) {
      const change = await correctKeys(db, edit);
      await tellCorrections(change);
      return change;
    },
  };
}
