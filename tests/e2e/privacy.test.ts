import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EditorPage } from './support/editor-page';
import { startGloss, waitForGloss, waitForStep, type GlossBrowser } from './support/gloss-browser';

describe('e2e/privacy', () => {
  let gloss: GlossBrowser;
  beforeAll(async () => {
    gloss = await startGloss();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it("keeps Gloss's database out of the page's reach", async () => {
    const page = await gloss.openPage('/shared/seed/kcna-songchon-speech.html');
    const worker = await gloss.worker();
    const extensionSide = await worker.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(extensionSide).toContain('gloss');
    const pageSide = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(pageSide.filter((name) => name?.includes('gloss'))).toEqual([]);
  });

  it('refuses malformed and misdirected messages and writes nothing', async () => {
    const page = await gloss.openPage('/fixtures/non-article.html');
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    const count = async () => (await gloss.records('articles')).length;
    const before = await count();

    expect(await popup.sendRaw({ hello: 'world' })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await popup.sendRaw({ gloss: 1, type: 'dropTables', payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
    // extractArticle is for content scripts only: from an extension page it is refused.
    const html = '<html><body>' + '<p>text of an article. '.repeat(200) + '</body></html>';
    expect(
      await popup.sendRaw({
        gloss: 1,
        type: 'extractArticle',
        payload: { html, url: 'https://evil.example/a', canonicalUrl: null },
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await count()).toBe(before);
  });

  /** Every `performance` entry of Gloss's the page can read, however it looks. */
  const glossEntries = (page: Page) =>
    page.evaluate(() =>
      performance
        .getEntries()
        .map((entry) => entry.name)
        .filter((name) => /gloss/i.test(name)),
    );
  const setSettings = async (settings: object) =>
    (await gloss.worker()).evaluate(async (value) => chrome.storage.local.set({ settings: value }), settings);

  it('leaves no performance entry on an article, on other pages, nor where the reader turned Gloss off', async () => {
    const article = await gloss.openPage('/shared/seed/kcna-songchon-speech.html');
    await waitForStep(article, 'gloss:paint');
    expect(await glossEntries(article)).toEqual([]);
    // Gloss did run: its steps were counted where the page cannot see them.
    expect(await gloss.steps(article)).toMatchObject({ 'gloss:readerable': 1, 'gloss:total': 1, 'gloss:paint': 1 });

    const other = await gloss.openPage('/fixtures/non-article.html');
    expect(await glossEntries(other)).toEqual([]);

    await setSettings({ hiddenTypes: [], hideAll: false, disabledSites: ['127.0.0.1'] });
    try {
      const off = await gloss.context.newPage();
      await off.goto(`${gloss.origin}/shared/seed/kcna-songchon-speech.html#off`);
      await waitForGloss(off);
      expect(await gloss.steps(off)).toMatchObject({ 'gloss:site-off': 1 });
      expect(await glossEntries(off)).toEqual([]);
    } finally {
      await setSettings({ hiddenTypes: [], hideAll: false, disabledSites: [] });
    }
  });

  it("shows the page no more of the reader's settings in Gloss's stylesheet than painting needs", async () => {
    await setSettings({ hiddenTypes: ['ORG'], hideAll: false, disabledSites: [], typeColors: { ORG: '#00aa88', PERSON: '#123456' } });
    try {
      const page = await gloss.openPage('/shared/seed/kcna-songchon-speech.html');
      await waitForStep(page, 'gloss:paint');
      const rules = await page.evaluate(() => [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)));
      expect(rules.length).toBeGreaterThan(0);
      // Only ::highlight rules of Gloss's own names, on the article's element (named by its place
      // among the page's elements: nothing of the reader's): no fallback wrappers, no rule for the type that is off.
      for (const rule of rules) expect(rule).toMatch(/^:root( > [a-z][a-z0-9-]*:nth-child\(\d+\))+::highlight\(gloss-[a-z-]+\) \{[^{}]*\}$/);
      const text = rules.join('\n');
      expect(text).not.toContain('gloss-org');
      expect(text).not.toMatch(/0, 170, 136|00aa88/i);
      // The color of a type that is painted has to be there to be painted.
      expect(text).toContain('rgb(18, 52, 86)');
    } finally {
      await setSettings({ hiddenTypes: [], hideAll: false, disabledSites: [] });
    }
  });

  it("dispatches no event and posts no message the page can hear, named after Gloss or its id, as it reads, edits, opens its panel and follows a navigation", async () => {
    const page = await gloss.context.newPage();
    // The page listens before Gloss runs, for what a script of Gloss's would be heard by: events
    // on its document and window named with the extension's id, and any message.
    await page.addInitScript((id) => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      for (const target of [document, window]) {
        for (const script of ['gloss', 'gloss-article', 'gloss-editor', 'gloss-panel']) {
          for (const event of ['wxt:content-script-started', 'wxt:locationchange']) {
            const name = `${id}:${script}:${event}`;
            target.addEventListener(name, () => heard.push(name));
          }
        }
      }
      addEventListener('message', (event) => heard.push(`message ${JSON.stringify(event.data)}`));
    }, gloss.extensionId);
    await page.goto(`${gloss.origin}/shared/seed/kcna-songchon-speech.html#events`);
    await waitForStep(page, 'gloss:paint');
    // The editor is a script of its own, loaded on the reader's first selection.
    const editor = await EditorPage.attach(page, gloss.extensionId);
    await editor.select('Songchon County');
    await editor.where('[data-testid="toolbar-note"]');
    // The panel's views are a script of their own too, loaded when the reader first opens the panel.
    await page.locator('gloss-panel button.badge').click();
    await page.locator('gloss-panel section.panel').waitFor();
    // A client-side navigation, which the article script follows.
    await page.evaluate(() => history.pushState(null, '', '#elsewhere'));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  });
});
