/**
 * Which article each tab's frame is showing, as the background filed it when the frame's article
 * was extracted. A content script may read and write only its own article's annotations, and a
 * change is announced to every frame showing that article. Kept in `storage.session` (one key per
 * frame, so concurrent writes cannot lose each other), which outlives a service-worker restart
 * and is not readable from content scripts.
 */
import { browser } from 'wxt/browser';
import { siteOf } from '@/utils/article/site';
import type { Sender } from '@/utils/messaging/envelope';

type Area = Pick<typeof browser.storage.session, 'get' | 'set' | 'remove'> & Partial<Pick<typeof browser.storage.session, 'getKeys'>>;

/**
 * `storage.session`, or where a browser lacks it, a map in the background's memory: enough for
 * Firefox's MV2 background page, which stays alive as long as the browser does.
 */
const memory = new Map<string, unknown>();
const inMemory: Area = {
  get: (async (keys: string | string[] | null) =>
    keys === null ? Object.fromEntries(memory) : Object.fromEntries([keys].flat().map((key) => [key, memory.get(key)]))) as Area['get'],
  set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([key, value]) => memory.set(key, value)),
  remove: async (keys: string | string[]) => void [keys].flat().forEach((key) => memory.delete(key)),
};
const session = (): Area => browser.storage.session ?? inMemory;

/**
 * Every key in the session area, without reading the values: the area also holds the last
 * readings of articles (versions.ts), megabytes that a lookup of frames should not copy.
 * `getKeys` is Chrome 130's and Firefox 143's; elsewhere the values are read after all.
 */
async function sessionKeys(): Promise<string[]> {
  const area = session();
  try {
    if (area.getKeys) return await area.getKeys();
  } catch {
    // not there (an older browser, a test's fake one)
  }
  return Object.keys(await area.get(null));
}

const PREFIX = 'tab:';
const keyOf = (tabId: number, frameId: number) => `${PREFIX}${tabId}:${frameId}`;

export interface ShowingFrame {
  tabId: number;
  frameId: number;
}

/** The site of the page a tab showed when Gloss last filed an article in it. */
const siteKey = (tabId: number) => `site:${tabId}`;

/** Records that the sender's frame now shows `articleId` (and on which site its tab is). */
export async function rememberTabArticle(sender: Sender, articleId: string): Promise<void> {
  if (sender.tab?.id === undefined) return;
  const items: Record<string, string> = { [keyOf(sender.tab.id, sender.frameId ?? 0)]: articleId };
  const site = siteOf(sender.tab.url ?? ((sender.frameId ?? 0) === 0 ? (sender.url ?? '') : ''));
  if (site) items[siteKey(sender.tab.id)] = site;
  await session().set(items);
}

/**
 * A tab moved to `url` (the browser's `tabs.onUpdated`): on another site, none of its frames
 * shows what Gloss filed any more, so they are forgotten — the library's "open" and the change
 * announcements must not go to whatever page the tab shows now.
 */
export async function followTabAddress(tabId: number, url: string): Promise<void> {
  const key = siteKey(tabId);
  const site = (await session().get(key))[key];
  if (typeof site === 'string' && siteOf(url) !== site) await forgetTab(tabId);
}

/** The article the sender's frame shows, or null when Gloss filed none for it. */
export async function tabArticle(sender: Sender): Promise<string | null> {
  if (sender.tab?.id === undefined) return null;
  const key = keyOf(sender.tab.id, sender.frameId ?? 0);
  const value = (await session().get(key))[key];
  return typeof value === 'string' ? value : null;
}

/** Refuses a request about an article other than the one the sender's frame shows. */
export async function assertShowing(sender: Sender, articleId: string): Promise<void> {
  if ((await tabArticle(sender)) !== articleId) throw new Error("This page is not showing that annotation's article");
}

/** Every frame showing `articleId`, or any article when it is null. */
export async function framesShowing(articleId: string | null): Promise<ShowingFrame[]> {
  const tabKeys = (await sessionKeys()).filter((key) => key.startsWith(PREFIX));
  const all = tabKeys.length ? await session().get(tabKeys) : {};
  const frames: ShowingFrame[] = [];
  for (const [key, value] of Object.entries(all)) {
    if ((articleId === null ? typeof value !== 'string' : value !== articleId) || !key.startsWith(PREFIX)) continue;
    const [tabId, frameId] = key.slice(PREFIX.length).split(':').map(Number) as [number, number];
    frames.push({ tabId, frameId });
  }
  return frames;
}

/** Forgets a closed tab's frames. */
export async function forgetTab(tabId: number): Promise<void> {
  const keys = (await sessionKeys()).filter((key) => key.startsWith(`${PREFIX}${tabId}:`) || key === revealKey(tabId) || key === siteKey(tabId));
  if (keys.length) await session().remove(keys);
}

const revealKey = (tabId: number) => `reveal:${tabId}`;

/** Remembers to show `annotationId` in a tab being opened for it. */
export async function revealLater(tabId: number, annotationId: string): Promise<void> {
  await session().set({ [revealKey(tabId)]: annotationId });
}

/** The annotation the sender's tab was opened to show, if any (asked once). */
export async function takeReveal(sender: Sender): Promise<string | undefined> {
  if (sender.tab?.id === undefined || (sender.frameId ?? 0) !== 0) return undefined;
  const key = revealKey(sender.tab.id);
  const value = (await session().get(key))[key];
  if (value === undefined) return undefined;
  await session().remove(key);
  return typeof value === 'string' ? value : undefined;
}
