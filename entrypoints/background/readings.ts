/**
 * The last reading of the articles read lately (the copy and the text a version is made of), kept
 * for the first annotation on one of them: the reader may read for minutes before highlighting,
 * and Chrome stops an idle service worker after 30 seconds. So a reading is also put, compressed,
 * in `storage.session`: memory the browser keeps across worker restarts (not across browser
 * restarts), which content scripts cannot read. Firefox's background page never restarts, and
 * keeps readings in its memory only. Bounded both in number and in size.
 */
import { browser } from 'wxt/browser';
import { packContent, unpackContent } from '@/utils/versions/content';
import type { VersionCopy } from '@/utils/versions/version';

/** Articles whose last reading is kept (a 5 MB article is ~20 MB of memory here). */
export const READINGS_KEPT = 4;
/** A reading larger than this, compressed, is kept in memory only (the session area holds 10 MB in all). */
export const MAX_SESSION_READING = 1024 * 1024;

const PREFIX = 'reading:';

type SessionArea = Pick<typeof browser.storage.session, 'get' | 'set' | 'remove'>;

interface StoredReading extends Omit<VersionCopy, 'html' | 'text'> {
  /** The compressed content, as base64 (the area holds JSON). */
  content: string;
}

export interface Readings {
  remember(copy: VersionCopy): Promise<void>;
  /** The last reading of an article, if still kept. */
  last(articleId: string): Promise<VersionCopy | undefined>;
}

/** Whether this background is a service worker (Chrome), which the browser stops when idle. */
const isWorker = () => typeof (globalThis as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope === 'function';

export function readings(area: SessionArea | null = isWorker() ? (browser.storage.session ?? null) : null): Readings {
  const memory = new Map<string, VersionCopy>();
  /** Articles in the session area, oldest first (found again after a restart on first use). */
  let order: string[] | null = null;

  const sessionOrder = async (): Promise<string[]> => {
    order ??= (((await area!.get(`${PREFIX}order`))[`${PREFIX}order`] as string[] | undefined) ?? []).filter((id) => typeof id === 'string');
    return order;
  };

  return {
    async remember(copy) {
      memory.delete(copy.articleId);
      memory.set(copy.articleId, copy);
      for (const id of memory.keys()) {
        if (memory.size <= READINGS_KEPT) break;
        memory.delete(id);
      }
      if (!area) return;
      const { data } = await packContent(copy);
      const ids = (await sessionOrder()).filter((id) => id !== copy.articleId);
      const dropped = data.byteLength > MAX_SESSION_READING ? [copy.articleId] : ids.splice(0, Math.max(0, ids.length + 1 - READINGS_KEPT));
      if (data.byteLength <= MAX_SESSION_READING) {
        ids.push(copy.articleId);
        const { articleId, url, canonicalUrl, meta, keys } = copy;
        const stored: StoredReading = { articleId, url, canonicalUrl, meta, ...(keys && { keys }), content: toBase64(data) };
        await area.set({ [`${PREFIX}${copy.articleId}`]: stored, [`${PREFIX}order`]: ids });
      } else await area.set({ [`${PREFIX}order`]: ids });
      order = ids;
      if (dropped.length) await area.remove(dropped.map((id) => `${PREFIX}${id}`));
    },
    async last(articleId) {
      const kept = memory.get(articleId);
      if (kept || !area) return kept;
      const stored = (await area.get(`${PREFIX}${articleId}`))[`${PREFIX}${articleId}`] as StoredReading | undefined;
      if (!stored || typeof stored.content !== 'string') return undefined;
      try {
        const { content, ...meta } = stored;
        return { ...meta, ...(await unpackContent(fromBase64(content))) };
      } catch {
        return undefined; // a damaged entry is no reading
      }
    },
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
