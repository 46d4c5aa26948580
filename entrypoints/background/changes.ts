/**
 * "Changed since you annotated", computed in the background where the versions are: the article's
 * text as a page reads it now is compared, paragraph by paragraph (utils/versions/diff.ts), with
 * the version the reader annotated, else the first version Gloss kept. The page's frame is told
 * after each analysis (the page sends nothing more for it); the popup asks with the text it read.
 */
import { listArticleAnnotations } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { listVersions, readVersionContent } from '@/utils/db/versions-repo';
import type { Sender } from '@/utils/messaging/envelope';
import { sendToTab } from '@/utils/messaging/send';
import { textHash } from '@/utils/text/hash';
import type { ArticleChanges } from '@/utils/versions/changes';
import { contentHash } from '@/utils/versions/content';
import { countChanges, diffTexts } from '@/utils/versions/diff';
import type { VersionRecord } from '@/utils/versions/version';

/**
 * Versions read back, newest first, when looking for the one the reader annotated (each is
 * unpacked to fingerprint its text). A live ticker keeps up to 24 a day; older ones than these
 * are not looked at, and the first version is compared with instead.
 */
export const VERSIONS_SEARCHED = 30;

/** What changed in `text` since the version the reader annotated (or the first kept); null when nothing did or no version is kept. */
export async function changesSince(db: GlossDb, articleId: string, text: string): Promise<ArticleChanges | null> {
  const [versions, annotations] = await Promise.all([listVersions(db, articleId), listArticleAnnotations(db, articleId)]);
  if (!versions.length) return null;
  const annotatedAt = new Map<string, number>();
  for (const annotation of annotations) {
    if (annotation.textHash) annotatedAt.set(annotation.textHash, Math.max(annotatedAt.get(annotation.textHash) ?? 0, annotation.createdAt));
  }
  // Annotated on the very text the page shows: nothing changed since.
  if (annotatedAt.has(textHash(text))) return null;
  let since: { version: VersionRecord; text: string; at: number; annotated: boolean } | null = null;
  if (annotatedAt.size) {
    for (const version of versions.slice(-VERSIONS_SEARCHED).reverse()) {
      const stored = await readVersionContent(db, version.id).catch(() => null); // a damaged copy is passed over
      const at = stored && annotatedAt.get(textHash(stored.text));
      if (stored && at !== undefined && at !== null) {
        since = { version, text: stored.text, at, annotated: true };
        break;
      }
    }
  }
  if (!since) {
    for (const version of versions) {
      const stored = await readVersionContent(db, version.id).catch(() => null);
      if (stored) {
        since = { version, text: stored.text, at: version.firstSeenAt, annotated: false };
        break;
      }
    }
  }
  if (!since || since.text === text) return null;
  const counts = countChanges(diffTexts(since.text, text, { words: false }));
  if (!counts.edited && !counts.removed && !counts.added) return null;
  const hash = await contentHash(text);
  const current = versions.findLast((version) => version.hash === hash);
  return { since: { versionId: since.version.id, at: since.at, annotated: since.annotated }, currentVersionId: current?.id ?? null, counts };
}

/**
 * Tells the sender's frame what changed in the article it shows, once the reading it sent is
 * kept (or not): `kept` settles then. Nothing is sent when nothing changed (a frame starts each
 * reading knowing of no change), so most pages get no message at all. A frame that is gone is
 * not an error.
 */
export async function reportChanges(db: GlossDb, sender: Sender, articleId: string, text: string, kept: Promise<unknown>): Promise<void> {
  await kept.catch(() => {});
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  const changes = await changesSince(db, articleId, text);
  if (!changes) return;
  await sendToTab(tabId, 'articleChanged', { articleId, changes }, sender.frameId ?? 0);
}
