import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Editor, painted, SEED, servePages, startGloss, type GlossFirefox, type Server } from './support/gloss-firefox';

/**
 * Gloss in Firefox against what it must not trust or lose: Readability runs in the background page
 * (Firefox has no offscreen document) and the page's main thread stays free; a hostile page can
 * neither read nor wipe the reader's notes; malformed and misdirected messages are refused as in
 * Chromium (tests/e2e/privacy.test.ts, editor.test.ts).
 */
const PHRASE = 'beloved people in Songchon County';
const NOTE = 'Source protected: met the delegation in Pyongyang';
const texts = async (page: Page, name: string) => (await painted(page, name)).map((r) => r.text);

/**
 * Installs, before the page's own scripts run, a watch on the page's main thread from its `load`
 * event on (the page's own loading is not Gloss's): the longest time a 10 ms timer was kept
 * waiting past its time, i.e. the longest task anything (Gloss's content scripts above all) ran on
 * that thread. Firefox has no Long Tasks API, and Gloss's own `gloss:*` timings are not something
 * a shipped build must keep, so the page measures for itself.
 */
async function watchMainThread(page: Page): Promise<() => Promise<number>> {
  await page.evaluateOnNewDocument(() => {
    const watch = { longest: 0, last: performance.now() };
    (window as unknown as { mainThreadWatch: typeof watch }).mainThreadWatch = watch;
    addEventListener('load', () => Object.assign(watch, { longest: 0, last: performance.now() }));
    setInterval(() => {
      const now = performance.now();
      watch.longest = Math.max(watch.longest, now - watch.last - 10);
      watch.last = now;
    }, 10);
  });
  return () => page.evaluate(() => (window as unknown as { mainThreadWatch: { longest: number } }).mainThreadWatch.longest);
}

/** Counts the HTML documents Firefox's background page parses (Readability's input) from now on. */
async function countBackgroundParses(gloss: GlossFirefox): Promise<() => Promise<number>> {
  type Background = Window & { DOMParser: typeof DOMParser; htmlParsed?: number };
  await gloss.desk.evaluate(async () => {
    const background = (await browser.runtime.getBackgroundPage()) as Background;
    const parse = background.DOMParser.prototype.parseFromString;
    background.htmlParsed = 0;
    background.DOMParser.prototype.parseFromString = function (this: DOMParser, ...args: Parameters<DOMParser['parseFromString']>) {
      if (args[1] === 'text/html') background.htmlParsed = (background.htmlParsed ?? 0) + 1;
      return parse.apply(this, args);
    } as DOMParser['parseFromString'];
  });
  return () => gloss.desk.evaluate(async () => ((await browser.runtime.getBackgroundPage()) as Background).htmlParsed ?? 0);
}

/** The number of articles in Gloss's database. */
const articleCount = (gloss: GlossFirefox) =>
  gloss.desk.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('gloss');
        open.onsuccess = () => {
          const request = open.result.transaction('articles').objectStore('articles').count();
          request.onsuccess = () => (open.result.close(), resolve(request.result));
          request.onerror = () => reject(request.error);
        };
      }),
  );

describe('e2e-firefox/privacy', () => {
  const generated = mkdtempSync(join(tmpdir(), 'gloss-firefox-pages-'));
  let server: Server;
  let gloss: GlossFirefox;
  beforeAll(async () => {
    writeFileSync(
      join(generated, 'frame.html'),
      '<!doctype html><html><body><p>Host page.</p><iframe src="/fixtures/article-v1.html" width="800" height="600"></iframe></body></html>',
    );
    server = await servePages({ '/generated/': generated });
    gloss = await startGloss({ server });
  });
  afterAll(async () => {
    await gloss?.close();
    await server?.close();
    rmSync(generated, { recursive: true, force: true });
  });

  const pageMessage = async (tabId: number) => {
    const popup = await gloss.openPopup(tabId);
    const read = () => popup.evaluate(() => document.querySelector('[data-testid="page-message"]')?.textContent ?? '');
    return { popup, read };
  };

  it("runs Readability in the background page, and the page's main thread is never held long", async () => {
    const parses = await countBackgroundParses(gloss);
    let longestTask = async () => NaN;
    const tab = await gloss.openArticle(SEED, async (page) => {
      await page.bringToFront();
      longestTask = await watchMainThread(page);
    });
    expect((await gloss.articleText(tab))?.text).toContain('the ground breaking ceremony');
    expect(await parses()).toBeGreaterThanOrEqual(1);
    // No offscreen document in Firefox: the API is not there to ask.
    expect(await gloss.desk.evaluate(() => typeof (browser as unknown as { offscreen?: unknown }).offscreen)).toBe('undefined');

    // The longest task on the page's thread, the least of three readings: on a busy machine the
    // process is sometimes left waiting for a core, which is not Gloss's cost.
    const longest = [await longestTask()];
    for (let i = 0; i < 2; i++) {
      await tab.page.reload();
      await gloss.waitForArticle(tab);
      longest.push(await longestTask());
    }
    console.info(`Firefox: longest task on the seed page's main thread while Gloss read it: ${longest.map(Math.round).join(', ')} ms`);
    // 250 ms holds on a busy 2-core machine; a task this long is something Gloss should not do in
    // a page (Readability itself, the recognizer's lists).
    expect(Math.min(...longest)).toBeLessThan(250);
    await tab.page.close();
  });

  it("keeps the notes and the database out of a hostile page's reach: it can neither read nor wipe them", async () => {
    const tab = await gloss.openArticle(SEED);
    const editor = new Editor(gloss, tab);
    await editor.select(PHRASE);
    await editor.click('[data-testid="toolbar-note"]');
    await editor.click('[data-testid="note-input"]');
    await tab.page.keyboard.type(NOTE);
    await editor.click('[data-testid="save"]');
    await expect.poll(() => texts(tab.page, 'gloss-note-yellow'), { timeout: 15_000 }).toEqual([PHRASE]);
    await editor.clickText('people in Songchon');
    await editor.where('[data-testid="note-card"]');
    expect((await editor.texts('.note'))[0]).toContain('met the delegation');

    const seen = await tab.page.evaluate(async () => {
      const host = document.querySelector('gloss-editor');
      const databases = (await indexedDB.databases()).map((d) => d.name);
      const api = typeof (window as unknown as { browser?: unknown }).browser + '/' + typeof (window as unknown as { chrome?: unknown }).chrome;
      // What a hostile page would try: wipe everything it can reach.
      CSS.highlights.clear();
      for (const name of databases) if (name) indexedDB.deleteDatabase(name);
      indexedDB.deleteDatabase('gloss');
      localStorage.clear();
      sessionStorage.clear();
      return { shadow: host?.shadowRoot ?? null, text: document.body.innerText.includes('delegation'), databases, api };
    });
    expect(seen).toEqual({ shadow: null, text: false, databases: [], api: 'undefined/undefined' });

    await tab.page.reload();
    await gloss.waitForArticle(tab);
    await expect.poll(() => texts(tab.page, 'gloss-note-yellow'), { timeout: 15_000 }).toEqual([PHRASE]);
    expect((await gloss.stored()).map((r) => r.note)).toEqual([NOTE]);
  });

  it('refuses malformed and misdirected messages and writes nothing', async () => {
    const before = await articleCount(gloss);
    const send = (message: unknown) => gloss.desk.evaluate((m) => browser.runtime.sendMessage(m), message);
    expect(await send({ hello: 'world' })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await send({ gloss: 1, type: 'dropTables', payload: {} })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await send({ gloss: 1, type: 'openAnnotation', payload: { id: 42, extra: '<script>' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
    // saveAnnotation is for content scripts only (a frame may touch only its own article's notes).
    expect(await send({ gloss: 1, type: 'saveAnnotation', payload: [] })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    // extractArticle is for content scripts only: from an extension page it is refused.
    const html = '<html><body>' + '<p>text of an article. '.repeat(200) + '</body></html>';
    expect(await send({ gloss: 1, type: 'extractArticle', payload: { html, url: 'https://evil.example/a', canonicalUrl: null } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await articleCount(gloss)).toBe(before);
    expect((await gloss.stored()).map((r) => r.note)).toEqual([NOTE]);
  });

  it('leaves frames alone: only the top page is read', async () => {
    const tab = await gloss.openTab('/generated/frame.html');
    const { popup, read } = await pageMessage(tab.id);
    await expect.poll(read, { timeout: 30_000 }).toContain('No article found on this page');
    const frame = tab.page.frames().find((f) => f !== tab.page.mainFrame())!;
    expect(await frame.evaluate(() => [CSS.highlights.size, document.querySelector('gloss-panel')])).toEqual([0, null]);
    await popup.close();
  });

  it('reaches nothing but loopback; a .test host is the local server, another site on plain http', async () => {
    const tab = await gloss.openTab(`${gloss.site('evil')}/fixtures/non-article.html`);
    const probe = await tab.page.evaluate(async () => ({
      secure: isSecureContext,
      outside: await fetch('http://example.com/', { mode: 'no-cors' }).then(
        () => 'reached',
        () => 'refused',
      ),
    }));
    expect(probe).toEqual({ secure: false, outside: 'refused' });
    await tab.page.close();
  });

  it('throws no error from Gloss’s code', () => {
    expect(gloss.errors).toEqual([]);
  });
});
