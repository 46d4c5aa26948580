/**
 * Articles that stopped naming someone (issue 15, mentions of older versions): a version of the
 * article named the key, a later one did not, and the latest still does not. Found through the
 * versions' `droppedKeys` index (versions-repo.ts records it when a version is kept), so the
 * question reads only the versions that dropped a key, never every version naming it. Keys are
 * as the recognizer found them at each reading: a term taken off a watchlist between two readings
 * of an edited article shows as dropped too.
 */
import type { GlossDb } from './database';
import type { VersionRecord } from '../versions/version';

export interface DroppedName {
  articleId: string;
  /** The article's title and outlet in its latest version. */
  title: string;
  outlet: string;
  /** The last version that named the key, and the first after it that did not. */
  named: VersionMoment;
  dropped: VersionMoment;
  /** How many versions the article has in all. */
  versions: number;
}

export interface VersionMoment {
  versionId: string;
  /** When this version was first read (ms). */
  seenAt: number;
}

/** Articles listed at most (latest drop first). */
export const MAX_DROPPED = 50;

/**
 * The articles whose latest version names none of `keys` (one key, or the keys merged into one
 * root) while an earlier version named one, the latest drop first.
 */
export async function droppedNames(db: GlossDb, keys: readonly string[]): Promise<DroppedName[]> {
  if (!keys.length) return [];
  const drops = await db.versions.where('droppedKeys').anyOf([...keys]).toArray();
  const articles = [...new Set(drops.sort((a, b) => b.firstSeenAt - a.firstSeenAt).map((version) => version.articleId))].slice(0, MAX_DROPPED);
  const named = new Set(keys);
  const found = await Promise.all(articles.map((articleId) => droppedIn(db, articleId, named)));
  return found.filter((entry): entry is DroppedName => !!entry).sort((a, b) => b.dropped.seenAt - a.dropped.seenAt);
}

async function droppedIn(db: GlossDb, articleId: string, keys: ReadonlySet<string>): Promise<DroppedName | null> {
  const versions = await db.versions.where('[articleId+firstSeenAt]').between([articleId, -Infinity], [articleId, Infinity]).toArray();
  const latest = versions.at(-1);
  const names = (version: VersionRecord) => !!version.keys?.some((key) => keys.has(key));
  if (!latest?.keys || names(latest)) return null;
  const last = versions.findLastIndex(names);
  const after = versions[last + 1];
  const before = versions[last];
  if (last < 0 || !before || !after) return null;
  const moment = (version: VersionRecord): VersionMoment => ({ versionId: version.id, seenAt: version.firstSeenAt });
  return { articleId, title: latest.title, outlet: latest.siteName ?? '', named: moment(before), dropped: moment(after), versions: versions.length };
}
