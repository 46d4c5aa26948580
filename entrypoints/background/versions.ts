/**
 * Keeps versions of the articles the reader reads (utils/versions/), in the background: a reading
 * is the copy the extraction made (sanitized where Readability ran) and the text model's string
 * the page then sends for analysis. The copy waits here for that text, per frame. Under the
 * reader's choice (policy.ts) a reading is kept at once; else the article's last reading is
 * remembered (readings.ts, also across a worker restart), so that the first annotation made on it
 * keeps the version it was made on: the page sends nothing again. Every write goes through the
 * library writer.
 */
import type { ArticleCopy, ArticleRecord } from '@/utils/article/types';
import type { GlossDb } from '@/utils/db/database';
import { libraryWriter, type Announce, type AnnounceVersions, type VersionOutcome } from '@/utils/db/library-writer';
import { MAX_VERSIONS_PER_DAY, latestVersion } from '@/utils/db/versions-repo';
import type { EntitySpan } from '@/utils/entities/types';
import type { Sender } from '@/utils/messaging/envelope';
import { sendToExtension } from '@/utils/messaging/send';
import { mentionKeys } from '@/utils/mentions/extract';
import { readSettings } from '@/utils/settings/settings';
import { setVersionNotice } from '@/utils/versions/notices';
import { foundWatchedTerm, keepsReading } from '@/utils/versions/policy';
import type { VersionCopy } from '@/utils/versions/version';
import { readings, type Readings } from './readings';

export { MAX_VERSIONS_PER_DAY };

export interface VersionKeeper {
  /** A frame's page was extracted: its copy waits for the text. */
  extracted(sender: Sender, article: ArticleRecord, copy: ArticleCopy | undefined): void;
  /** A frame's text was analyzed: with the copy, a reading, kept if the reader's choice says so. */
  analyzed(sender: Sender, articleId: string, text: string, found: { annotated: boolean; spans: readonly EntitySpan[] }): Promise<VersionOutcome | null>;
  /** An annotation was made on the article: its last reading is kept, if it has no version yet. */
  annotated(articleId: string): Promise<VersionOutcome | null>;
  /** A tab closed. */
  forgetTab(tabId: number): void;
}

/** Tells Gloss's pages (the reader page) which versions changed. */
export const announceToPages: AnnounceVersions = async (change) => {
  await sendToExtension('toPages', 'versionsChanged', change);
};

const frameKey = (sender: Sender) => `${sender.tab?.id ?? 'none'}:${sender.frameId ?? 0}`;

export function versionKeeper(
  db: GlossDb,
  announce: Announce,
  announceVersions: AnnounceVersions = announceToPages,
  lately: Readings = readings(),
): VersionKeeper {
  const writer = libraryWriter(db, announce, announceVersions);
  const waiting = new Map<string, Omit<VersionCopy, 'text'>>();

  const keep = async (copy: VersionCopy): Promise<VersionOutcome> => {
    const outcome = await writer.keepVersion(copy);
    await setVersionNotice(copy.articleId, outcome.kind === 'no-room' || outcome.kind === 'capped' ? outcome.kind : null).catch(() => {});
    return outcome;
  };

  return {
    extracted(sender, article, copy) {
      const key = frameKey(sender);
      if (!copy) return void waiting.delete(key);
      const { title, byline, siteName, publishedTime, lang, dir } = article;
      waiting.set(key, {
        articleId: article.id,
        url: article.url,
        canonicalUrl: article.canonicalUrl,
        meta: { title, byline, siteName, publishedTime, modifiedTime: copy.modifiedTime, lang, dir },
        html: copy.html,
      });
    },
    async analyzed(sender, articleId, text, { annotated, spans }) {
      const copy = waiting.get(frameKey(sender));
      if (copy?.articleId !== articleId) return null;
      const reading = { ...copy, text, keys: mentionKeys(text, spans) };
      const [{ keepVersions }, latest] = await Promise.all([readSettings(), latestVersion(db, articleId)]);
      if (keepsReading(keepVersions, { annotated, watched: foundWatchedTerm(spans), hasVersions: !!latest })) return keep(reading);
      // Not kept now: held for a first annotation (an article with versions has its readings kept).
      await lately.remember(reading);
      return null;
    },
    async annotated(articleId) {
      // An article with versions has each reading kept already (policy.ts).
      if (await latestVersion(db, articleId)) return null;
      const reading = await lately.last(articleId);
      return reading ? keep(reading) : null;
    },
    forgetTab(tabId) {
      for (const key of waiting.keys()) if (key.startsWith(`${tabId}:`)) waiting.delete(key);
    },
  };
}
