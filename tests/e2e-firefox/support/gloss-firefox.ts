/**
 * Firefox with the built Gloss, pages served on loopback, and what a test needs to see what the
 * reader sees: the page itself (its DOM and `CSS.highlights`), Gloss's popup page in a tab of
 * its own (the "desk": it runs with the extension's privileges, reads the database, and asks
 * Gloss's content-script world where the controls of its closed shadow root are), and the real
 * mouse and keyboard. One per test file; `close()` in `afterAll`.
 */
import type { Frame, Page } from 'puppeteer-core';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { ArticleText } from '@/utils/messaging/protocol';
import { launchFirefox, type FirefoxSession } from '../../../scripts/lib/firefox.mjs';
import { FIXTURE_PAGES, SHARED } from '../../../scripts/lib/paths.mjs';
import { serve } from '../../../scripts/lib/serve.mjs';

export const SEED = '/shared/seed/kcna-songchon-speech.html';

type Box = { x: number; y: number };
export type Server = Awaited<ReturnType<typeof serve>>;

/** The seed and the fixture pages on loopback, and any `more` folders (URL prefix → folder). */
export const servePages = (more: Record<string, string> = {}): Promise<Server> =>
  serve({ '/shared/': SHARED, '/fixtures/': FIXTURE_PAGES, ...more });

/** A browser's page, and the id of its tab as the extension knows it. */
export interface Tab {
  page: Page;
  id: number;
}

export interface GlossFirefox {
  session: FirefoxSession;
  /** The pages' server; pass it to the next `startGloss` to keep the same URLs across a restart. */
  server: Server;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The same server as another site on plain http: `http://<host>.test:PORT`. */
  site(host: 'news' | 'evil'): string;
  /** Gloss's popup page in a tab, used to act with the extension's privileges. */
  desk: Page;
  /** Opens a served URL (or path) in a new tab and waits until Gloss has read its article; `prepare` runs before it loads. */
  openArticle(url: string, prepare?: (page: Page) => Promise<void>): Promise<Tab>;
  /** Opens a served URL in a new tab and waits for the page to load (no article expected). */
  openTab(url: string, prepare?: (page: Page) => Promise<void>): Promise<Tab>;
  /** The text model of the article in a tab, as its article script answers it; null without one. */
  articleText(tab: Tab): Promise<ArticleText | null>;
  /** Waits until the article in `tab` is read and painted again (after a reload, say). */
  waitForArticle(tab: Tab): Promise<void>;
  /** Opens the popup's page for a tab, as the toolbar button shows it. */
  openPopup(tabId: number): Promise<Page>;
  /**
   * Every uncaught error thrown by Gloss's content scripts in a tab this opened (Firefox reports
   * them as the page's errors, with `moz-extension://` in the stack: checked with a deliberate throw).
   */
  errors: string[];
  /** Every annotation in Gloss's database. */
  stored(): Promise<AnnotationRecord[]>;
  close(): Promise<void>;
}

let opened = 0;

/** Firefox with Gloss on `profile` (a fresh one without), pages served by `server` (a new one without). */
export async function startGloss(options: { profile?: string; server?: Server } = {}): Promise<GlossFirefox> {
  const server = options.server ?? (await servePages());
  const session = await launchFirefox({ profile: options.profile });
  const port = new URL(server.origin).port;
  const desk = await session.openExtensionPage('/popup.html?section=settings');
  const resolveUrl = (url: string) => (url.startsWith('/') ? server.origin + url : url);

  const tabIdOf = async (url: string): Promise<number> => {
    for (let i = 0; i < 100; i++) {
      const ids = await desk.evaluate(async (u) => (await browser.tabs.query({})).filter((t) => t.url === u).map((t) => t.id!), url);
      if (ids.length === 1) return ids[0]!;
      if (ids.length > 1) throw new Error(`${ids.length} tabs show ${url}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`No tab shows ${url}`);
  };

  const articleText = async (tab: Tab) => {
    const answer = await desk.evaluate(
      (id) =>
        browser.tabs
          .sendMessage(id, { gloss: 1, type: 'getArticleText', payload: {} })
          .catch((error: Error) => ({ ok: false, error: { code: 'unreachable', message: error.message } })),
      tab.id,
    );
    if (answer?.ok) return answer.value as ArticleText | null;
    if (answer?.error?.code === 'unreachable') return null;
    throw new Error(`getArticleText failed: ${JSON.stringify(answer)}`);
  };

  const waitForArticle = async (tab: Tab) => {
    const deadline = Date.now() + 30_000;
    while (!(await articleText(tab).catch(() => null))) {
      if (Date.now() > deadline) throw new Error(`Gloss never read the article in ${tab.page.url()}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    await tab.page.waitForFunction(() => CSS.highlights.has('gloss-person'), { timeout: 30_000 });
  };

  const errors: string[] = [];
  const openTab = async (url: string, prepare?: (page: Page) => Promise<void>): Promise<Tab> => {
    const page = await session.browser.newPage();
    page.on('pageerror', (error) => {
      const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      if (text.includes('moz-extension://')) errors.push(text);
    });
    await prepare?.(page);
    const full = `${resolveUrl(url)}#tab-${++opened}`;
    await page.goto(full);
    return { page, id: await tabIdOf(full) };
  };

  return {
    session,
    server,
    origin: server.origin,
    site: (host) => `http://${host}.test:${port}`,
    desk,
    errors,
    openTab,
    async openArticle(url, prepare) {
      const tab = await openTab(url, prepare);
      await waitForArticle(tab);
      return tab;
    },
    articleText,
    waitForArticle,
    openPopup: (tabId) => session.openExtensionPage(`/popup.html?tab=${tabId}`),
    stored: () =>
      desk.evaluate(
        () =>
          new Promise<AnnotationRecord[]>((resolve, reject) => {
            const open = indexedDB.open('gloss');
            open.onsuccess = () => {
              const request = open.result.transaction('annotations').objectStore('annotations').getAll();
              request.onsuccess = () => {
                open.result.close();
                resolve(request.result as AnnotationRecord[]);
              };
              request.onerror = () => reject(request.error);
            };
            open.onerror = () => reject(open.error);
          }),
      ),
    async close() {
      await session.close();
      if (!options.server) await server.close();
    },
  };
}

/**
 * The highlight editor in a tab, used as a reader uses it: text selected by dragging the mouse,
 * controls clicked and typed into with the real mouse and keyboard. Where a control is comes from
 * Gloss's content-script world (`tabs.executeScript` from the desk; Firefox gives content scripts
 * `openOrClosedShadowRoot`), or from the note form's own frame.
 */
export class Editor {
  constructor(
    readonly gloss: GlossFirefox,
    readonly tab: Tab,
  ) {}

  get page(): Page {
    return this.tab.page;
  }

  /** Runs the body of a function in Gloss's content-script world of the tab, with `root` the editor's shadow root. */
  async inGloss<T>(body: string): Promise<T> {
    const code = `(() => { const host = document.querySelector('gloss-editor'); const root = host && host.openOrClosedShadowRoot; ${body} })()`;
    const results = await this.gloss.desk.evaluate((id, c) => browser.tabs.executeScript(id, { code: c }), this.tab.id, code);
    return (results as unknown[])[0] as T;
  }

  /** The note form's frame, when the form is open. */
  async noteFrame(): Promise<Frame | null> {
    for (const frame of this.page.frames()) {
      if (frame === this.page.mainFrame()) continue;
      const url = await frame.evaluate(() => location.href).catch(() => '');
      if (url.includes('/note-form.html')) return frame;
    }
    return null;
  }

  /** The center of the first element matching `selector` in the editor or its note form, once there is one. */
  async where(selector: string, timeout = 15_000): Promise<Box> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const box =
        (await this.inGloss<Box | null>(
          `const el = root?.querySelector(${JSON.stringify(selector)}); if (!el) return null; const r = el.getBoundingClientRect(); return r.width ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;`,
        )) ?? (await this.whereInForm(selector));
      if (box) return box;
      if (Date.now() > deadline) throw new Error(`No ${selector} in the editor`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  private async whereInForm(selector: string): Promise<Box | null> {
    const frame = await this.noteFrame();
    if (!frame) return null;
    const inner = await frame
      .evaluate((s) => {
        const el = document.querySelector(s);
        const r = el?.getBoundingClientRect();
        return r && r.width ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
      }, selector)
      .catch(() => null);
    if (!inner) return null;
    const outer = await this.inGloss<Box | null>(
      `const f = root?.querySelector('iframe'); if (!f) return null; const r = f.getBoundingClientRect(); return { x: r.x + f.clientLeft, y: r.y + f.clientTop };`,
    );
    return outer && { x: outer.x + inner.x, y: outer.y + inner.y };
  }

  async click(selector: string): Promise<void> {
    const { x, y } = await this.where(selector);
    await this.page.mouse.click(x, y);
  }

  /** Text of every element matching `selector` in the editor (not its form). */
  texts(selector: string): Promise<string[]> {
    return this.inGloss<string[]>(`return [...(root?.querySelectorAll(${JSON.stringify(selector)}) ?? [])].map((el) => el.textContent);`);
  }

  async formOpen(): Promise<boolean> {
    return (await this.noteFrame()) !== null;
  }

  /** The box of `phrase` (its first occurrence in the article), scrolled to the middle of the view. */
  boxOf(phrase: string): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.page.evaluate((text) => {
      const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        node.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const rects = [...range.getClientRects()];
        if (rects.length !== 1) throw new Error(`"${text}" spans ${rects.length} lines`);
        const r = rects[0]!;
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      throw new Error(`"${text}" is not in one text node of the article`);
    }, phrase);
  }

  /** Selects `phrase` by dragging the mouse across it, as a reader does. */
  async select(phrase: string): Promise<void> {
    const box = await this.boxOf(phrase);
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width - 1, y, { steps: 4 });
    await this.page.mouse.up();
    const selected = await this.page.evaluate(() => getSelection()?.toString() ?? '');
    if (selected !== phrase) throw new Error(`Selected "${selected}", not "${phrase}"`);
  }

  /** Clicks the middle of `phrase` in the article. */
  async clickText(phrase: string): Promise<void> {
    const box = await this.boxOf(phrase);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
}

/** Texts of the ranges painted under a highlight name, and whether each lies inside the article. */
export function painted(page: Page, name: string): Promise<{ text: string; inArticle: boolean }[]> {
  return page.evaluate(
    (key) =>
      [...(CSS.highlights.get(key) ?? [])].map((range) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const inside = (node: Node) => !!(node.parentElement ?? (node as Element)).closest('article');
        return { text: live.toString(), inArticle: inside(range.startContainer) && inside(range.endContainer) };
      }),
    name,
  );
}
