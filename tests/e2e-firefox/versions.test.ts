import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionRecord } from '@/utils/versions/version';
import { Editor, painted, SEED, startGloss, servePages, type GlossFirefox, type Server } from './support/gloss-firefox';

/**
 * Versions in Firefox, where Readability and DOMPurify run in the background page: the article the
 * reader annotates is kept, and the reader page shows it with the highlight and note; a hostile
 * article is kept and shown with nothing of it left to run.
 */
const PHRASE = 'a typical intermediate, mountainous area';
const NOTE = 'Terrain as the stated reason';
const texts = async (page: Page, name: string) => (await painted(page, name)).map((r) => r.text);

describe('e2e-firefox/versions', () => {
  let gloss: GlossFirefox;
  let server: Server;
  beforeAll(async () => {
    server = await servePages({ '/versions/': join(__dirname, '../fixtures/versions') });
    gloss = await startGloss({ server });
  });
  afterAll(async () => {
    await gloss?.close();
    await server?.close();
  });

  const versions = () =>
    gloss.desk.evaluate(
      () =>
        new Promise<VersionRecord[]>((resolve, reject) => {
          const open = indexedDB.open('gloss');
          open.onsuccess = () => {
            const request = open.result.transaction('versions').objectStore('versions').getAll();
            request.onsuccess = () => (open.result.close(), resolve(request.result as VersionRecord[]));
            request.onerror = () => reject(request.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
  const reader = (articleId: string) => gloss.session.openExtensionPage(`/reader.html?${new URLSearchParams({ article: articleId }).toString()}`);
  const bodyText = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="stored-body"]')?.textContent ?? '');

  it('keeps the article the reader annotates; the reader page shows it with the highlight and note', async () => {
    const tab = await gloss.openArticle(SEED);
    const articleId = (await gloss.articleText(tab))!.articleId;
    expect(await versions()).toEqual([]);
    const editor = new Editor(gloss, tab);
    await editor.select(PHRASE);
    await editor.click('[data-testid="toolbar-note"]');
    await editor.click('[data-testid="note-input"]');
    await tab.page.keyboard.type(NOTE);
    await editor.click('[data-testid="save"]');
    await expect.poll(async () => (await versions()).map((v) => v.articleId)).toEqual([articleId]);

    const page = await reader(articleId);
    await expect.poll(() => bodyText(page)).toContain('mountainous area');
    await expect.poll(() => texts(page, 'gloss-note-yellow')).toEqual([PHRASE]);
    expect(await page.evaluate(() => document.querySelector('[data-testid="reader-notes"]')?.textContent)).toContain(NOTE);
    await page.close();
    expect(gloss.errors).toEqual([]);
  });

  it('keeps a hostile article and shows it with no script, handler, frame or image left', async () => {
    await gloss.desk.evaluate(() => browser.storage.local.set({ settings: { hiddenTypes: [], hideAll: false, disabledSites: [], keepVersions: 'all' } }));
    const tab = await gloss.openTab('/versions/hostile-article.html');
    let articleId = '';
    await expect.poll(async () => (articleId = (await gloss.articleText(tab).catch(() => null))?.articleId ?? '')).not.toBe('');
    await expect.poll(async () => (await versions()).some((v) => v.articleId === articleId)).toBe(true);
    const page = await reader(articleId);
    await expect.poll(() => bodyText(page)).toContain('The delegation arrived in Pyongyang on Tuesday');
    const found = await page.evaluate(() => {
      const root = document.querySelector('[data-testid="stored-body"]')!;
      return {
        bad: [...root.querySelectorAll('script, iframe, img, svg, form, input, style, object, embed, video, math')].map((el) => el.localName),
        handlers: [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on|^style$/i.test(a.name)).map((a) => a.name)),
        ran: Object.keys(window).filter((key) => key.startsWith('__hostile')),
      };
    });
    expect(found).toEqual({ bad: [], handlers: [], ran: [] });
    await page.close();
  });
});
