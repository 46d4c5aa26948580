/**
 * What the reader page shows of one article: its record, its stored versions (records that fail
 * their schema are counted as damaged, never shown as versions), its annotations, and the chosen
 * version's copy. Reads the database (the page's own origin) and follows the background's
 * announcements of new versions; writes nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { early, type Early } from '@/components/common/early';
import * as v from 'valibot';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { ArticleRecord } from '@/utils/article/types';
import { listArticleAnnotations } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { listVersions, readVersionContent } from '@/utils/db/versions-repo';
import { listen } from '@/utils/messaging/listen';
import { toPages } from '@/utils/messaging/protocol/to-pages';
import { errorMessage } from '@/utils/messaging/result';
import { versionSchema, type VersionContent, type VersionRecord } from '@/utils/versions/version';

export interface StoredArticle {
  article: ArticleRecord | null;
  versions: VersionRecord[];
  /** Stored version records that are not versions any more (damaged). */
  damaged: number;
  annotations: AnnotationRecord[];
}

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/** An article's stored versions in reading order, and how many of its version records are damaged. */
type ReadVersions = Pick<StoredArticle, 'versions' | 'damaged'>;

/** Reads an article's version records raw, so that a damaged one is counted rather than failing the page. */
async function readVersions(db: GlossDb, articleId: string): Promise<ReadVersions> {
  const raw: unknown[] = await listVersions(db, articleId);
  const versions = raw.filter((record) => v.is(versionSchema, record));
  return { versions, damaged: raw.length - versions.length };
}

/**
 * Reads the article, its versions (damaged records counted apart; `versions`, when their read has
 * started already) and its annotations; never rejects.
 */
export async function readStoredArticle(db: GlossDb, articleId: string, versions = readVersions(db, articleId)): Promise<Loaded<StoredArticle>> {
  try {
    const [article, read, annotations] = await Promise.all([db.articles.get(articleId), versions, listArticleAnnotations(db, articleId)]);
    return { state: 'ready', value: { article: article ?? null, ...read, annotations } };
  } catch (error) {
    return { state: 'failed', message: `Gloss could not read its library: ${errorMessage(error)}` };
  }
}

/** A version's copy, or why it cannot be shown (a damaged copy says so); never rejects. */
async function readContent(db: GlossDb, versionId: string): Promise<Loaded<VersionContent>> {
  return readVersionContent(db, versionId).then(
    (value): Loaded<VersionContent> => ({ state: 'ready', value }),
    (error: unknown): Loaded<VersionContent> => ({ state: 'failed', message: errorMessage(error) }),
  );
}

/**
 * The page's first reads, started by its script before it renders: the article, and the copy of
 * the version it opens on (`versionId`, else the latest). Read by the hooks below, they spare the
 * page a frame per read (a hook's effect runs after the frame it rendered), one after the other.
 */
export interface EarlyReads {
  stored: Early<Loaded<StoredArticle>>;
  content: Early<{ versionId: string; loaded: Loaded<VersionContent> } | null>;
}

export function readEarly(db: GlossDb, articleId: string, versionId: string | null): EarlyReads {
  const versions = readVersions(db, articleId);
  const stored = readStoredArticle(db, articleId, versions);
  // The copy is read once the versions are known, not after the article and its annotations too.
  const opened = versionId ? Promise.resolve(versionId) : versions.then((read) => read.versions.at(-1)?.id ?? null, () => null);
  const content = opened.then(async (id) => (id ? { versionId: id, loaded: await readContent(db, id) } : null));
  return { stored: early(stored), content: early(content) };
}

/**
 * The article, its versions and annotations (from `first`, the page's early read, when given);
 * versions announced later are added as they come.
 */
export function useStoredArticle(db: GlossDb, articleId: string, first?: Early<Loaded<StoredArticle>>): Loaded<StoredArticle> {
  const [loaded, setLoaded] = useState<Loaded<StoredArticle>>(() => first?.value ?? { state: 'loading' });
  useEffect(() => {
    let live = true;
    // What the first render already had is not set again (an announcement may have come since).
    const reading = first ? (first.value ? null : first.promise) : readStoredArticle(db, articleId);
    void reading?.then((read) => live && setLoaded(read));
    const unlisten = listen('toPages', toPages, {
      versionsChanged: ({ articleId: changedId, changed, removed = [] }) => {
        if (changedId !== articleId) return null;
        setLoaded((now) => {
          if (now.state !== 'ready') return now;
          const byId = new Map(now.value.versions.map((version) => [version.id, version]));
          for (const version of changed) byId.set(version.id, version);
          for (const id of removed) byId.delete(id);
          const versions = [...byId.values()].sort((a, b) => a.firstSeenAt - b.firstSeenAt);
          return { state: 'ready', value: { ...now.value, versions } };
        });
        return null;
      },
      // The library's corrections do not show on a stored copy.
      correctionsChanged: () => null,
    });
    return () => {
      live = false;
      unlisten();
    };
  }, [db, articleId]);
  return loaded;
}

/**
 * A version's copy, or why it cannot be shown (a damaged copy says so); null when no version is
 * named. `first`, the page's early read, serves the version it was read for.
 */
export function useVersionContent(db: GlossDb, versionId: string | null, first?: EarlyReads['content']): Loaded<VersionContent> | null {
  const readEarlier = (id: string | null) => (id && first?.value?.versionId === id ? first.value.loaded : null);
  const [loaded, setLoaded] = useState<Loaded<VersionContent> | null>(() => readEarlier(versionId));
  useEffect(() => {
    if (!versionId) return void setLoaded(null);
    let live = true;
    const known = readEarlier(versionId);
    if (known) return void setLoaded(known);
    setLoaded({ state: 'loading' });
    void readContent(db, versionId).then((read) => live && setLoaded(read));
    return () => {
      live = false;
    };
  }, [db, versionId]);
  return loaded;
}
