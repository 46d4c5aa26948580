/**
 * What the reader page shows of one article: its record, its stored versions (records that fail
 * their schema are counted as damaged, never shown as versions), its annotations, and the chosen
 * version's copy. Reads the database (the page's own origin) and follows the background's
 * announcements of new versions; writes nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { ArticleRecord } from '@/utils/article/types';
import { listArticleAnnotations } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { readVersionContent } from '@/utils/db/versions-repo';
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

/** The article, its versions and annotations; versions announced later are added as they come. */
export function useStoredArticle(db: GlossDb, articleId: string): Loaded<StoredArticle> {
  const [loaded, setLoaded] = useState<Loaded<StoredArticle>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        // Read raw, so that a damaged record is counted rather than failing the page.
        const [article, raw, annotations] = await Promise.all([
          db.articles.get(articleId),
          db.versions.where('[articleId+firstSeenAt]').between([articleId, -Infinity], [articleId, Infinity]).toArray(),
          listArticleAnnotations(db, articleId),
        ]);
        const versions = raw.filter((record) => v.is(versionSchema, record));
        if (live) setLoaded({ state: 'ready', value: { article: article ?? null, versions, damaged: raw.length - versions.length, annotations } });
      } catch (error) {
        if (live) setLoaded({ state: 'failed', message: `Gloss could not read its library: ${errorMessage(error)}` });
      }
    })();
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

/** A version's copy, or why it cannot be shown (a damaged copy says so). */
export function useVersionContent(db: GlossDb, versionId: string | null): Loaded<VersionContent> | null {
  const [loaded, setLoaded] = useState<Loaded<VersionContent> | null>(null);
  useEffect(() => {
    if (!versionId) return void setLoaded(null);
    let live = true;
    setLoaded({ state: 'loading' });
    readVersionContent(db, versionId).then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: unknown) => live && setLoaded({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [db, versionId]);
  return loaded;
}
