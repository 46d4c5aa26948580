/**
 * A Chromium with the built extension, pages served on 127.0.0.1, and page objects for the
 * popup. One per test file; `close()` in `afterAll`.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { ArticleText } from '@/utils/messaging/protocol';
import { launch } from '../../../scripts/lib/browser.mjs';
import { glossRecords } from '../../../scripts/lib/extension-pages.mjs';
import { glossSteps, waitForSteps } from '../../../scripts/lib/gloss-done.mjs';
import { EXTENSION_DIR, FIXTURE_PAGES, SHARED } from '../../../scripts/lib/paths.mjs';
import { serve } from '../../../scripts/lib/serve.mjs';

export interface GlossBrowser {
  origin: string;
  context: BrowserContext;
  extensionId: string;
  blocked: string[];
  worker(): Promise<Worker>;
  /** The server's origin under another host name (a `.test` name: another site, not a secure context). */
  originOn(host: string): string;
  /** Opens a served path (on `host`, 127.0.0.1 unless told) and waits until Gloss has finished with the page. */
  openPage(path: string, host?: string): Promise<Page>;
  /** The browser's id for the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  openPopup(tabId: number): Promise<PopupPage>;
  /** The text model of the article in a tab, as its article script answers it; null without one. */
  articleText(page: Page): Promise<ArticleText | null>;
  /**
   * Gloss's steps on the page (`gloss:readerable`, `gloss:paint`… with how often each happened),
   * as counted in its isolated world, out of the page's sight; in `frameUrl`'s frame if given.
   */
  steps(page: Page, frameUrl?: string): Promise<Record<string, number> | null>;
  /** Every uncaught error thrown by Gloss's code (in an extension page or a content script). */
  errors: string[];
  /** Every request made by the extension's own worker or pages that left the extension. */
  extensionRequests: string[];
  /** Every record of a table of Gloss's database, read in the worker (what the reader has stored). */
  records<T>(table: 'annotations' | 'articles' | 'versions'): Promise<T[]>;
  /** Puts records straight into a table of Gloss's database (a library made before the test). */
  putRecords(table: 'annotations' | 'articles' | 'mentions' | 'pendingMentions', records: unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** `mounts`: more URL prefixes to serve, each from a folder (e.g. pages a test writes). */
export async function startGloss({ mounts = {}, ...options }: { userDataDir?: string; mounts?: Record<string, string> } = {}): Promise<GlossBrowser> {
  const server = await serve({ '/shared/': SHARED, '/fixtures/': FIXTURE_PAGES, ...mounts });
  const session = await launch({ extensionDir: EXTENSION_DIR, ...options });
  const extensionId = session.extensionId!;
  const errors: string[] = [];
  session.context.on('weberror', (webError) => {
    const error = webError.error();
    const fromGloss =
      webError.page()?.url().startsWith('chrome-extension://') || (error.stack ?? '').includes('chrome-extension://');
    if (fromGloss) errors.push(error.stack ?? error.message);
  });
  const extensionRequests: string[] = [];
  session.context.on('request', (request) => {
    const from = request.serviceWorker()?.url() ?? request.frame()?.url() ?? '';
    if (from.startsWith('chrome-extension://') && !request.url().startsWith('chrome-extension://')) {
      extensionRequests.push(request.url());
    }
  });

  const worker = async () =>
    session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));

  const originOn = (host: string) => server.origin.replace('127.0.0.1', host);
  let opened = 0;
  const tabIdOf = async (page: Page) => {
    const url = page.url();
    const tabs = (await (await worker()).evaluate(() => chrome.tabs.query({}))).filter((t) => t.url === url);
    if (tabs.length !== 1 || !tabs[0]?.id) throw new Error(`${tabs.length} tabs show ${url}`);
    return tabs[0].id;
  };

  return {
    origin: server.origin,
    context: session.context,
    extensionId,
    blocked: session.blocked,
    errors,
    extensionRequests,
    worker,
    originOn,
    async openPage(path, host = '127.0.0.1') {
      const page = await session.context.newPage();
      // A fragment of its own tells this tab from others on the same page (article ids ignore it).
      await page.goto(`${originOn(host)}${path}#tab-${++opened}`);
      await waitForGloss(page);
      return page;
    },
    tabIdOf,
    async steps(page, frameUrl) {
      return glossSteps(await worker(), page.url(), frameUrl);
    },
    async openPopup(tabId) {
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return new PopupPage(page);
    },
    async articleText(page) {
      const tabId = await tabIdOf(page);
      const answer = await (await worker()).evaluate(
        (id) =>
          chrome.tabs
            .sendMessage(id, { gloss: 1, type: 'getArticleText', payload: {} })
            .catch((error: Error) => ({ ok: false, error: { code: 'unreachable', message: error.message } })),
        tabId,
      );
      if (answer?.ok) return answer.value as ArticleText | null;
      if (answer?.error?.code === 'unreachable') return null;
      throw new Error(`getArticleText failed: ${JSON.stringify(answer)}`);
    },
    async records<T>(table: 'annotations' | 'articles' | 'versions') {
      return (await glossRecords(await worker(), table)) as T[];
    },
    async putRecords(table, records) {
      await (await worker()).evaluate(
        ([name, items]) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('gloss');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(name, 'readwrite');
              for (const item of items) tx.objectStore(name).put(item);
              tx.oncomplete = () => (open.result.close(), resolve());
              tx.onerror = () => reject(tx.error);
            };
          }),
        [table, records] as const,
      );
    },
    async close() {
      await session.close();
      await server.close();
    },
  };
}

/** Waits until Gloss has finished with the page (see `doneWith` in scripts/lib/gloss-done.mjs). */
export async function waitForGloss(page: Page): Promise<void> {
  await waitForSteps(page);
}

/** Waits until Gloss's step `name` (e.g. `gloss:paint`) has happened at least `times` times on the page. */
export async function waitForStep(page: Page, name: string, times = 1, timeout = 30_000): Promise<void> {
  await waitForSteps(page, (steps) => (steps?.[name] ?? 0) >= times, timeout);
}

/** The popup, opened as a page for a given tab. */
export class PopupPage {
  constructor(readonly page: Page) {}
  title = () => this.page.getByTestId('article-title');
  outlet = () => this.page.getByTestId('article-outlet');
  date = () => this.page.getByTestId('article-date');
  byline = () => this.page.getByTestId('article-byline');
  message = () => this.page.getByTestId('page-message');
  /** Sends a raw runtime message from this extension page (to probe the background). */
  sendRaw(message: unknown): Promise<unknown> {
    return this.page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  }
}
