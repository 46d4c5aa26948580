import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionRecord } from '@/utils/versions/version';
import { FIXTURE_PAGES, REPO } from '../../scripts/lib/paths.mjs';
import { EditorPage, paintedTexts } from './support/editor-page';
import { startGloss, waitForStep, type GlossBrowser } from './support/gloss-browser';

/**
 * Versions (issue 14): an article the reader annotates is kept in Gloss's database, and the reader
 * page shows the stored copy with the reader's highlight and note, also once the page is gone. A
 * hostile article is stored and shown without anything in it running or fetching: the reader
 * page's network log (CDP) holds only the extension's own files. A damaged copy says so.
 */
describe('e2e/versions', () => {
  let gloss: GlossBrowser;
  const live = mkdtempSync(join(tmpdir(), 'gloss-live-'));
  const PHRASE = 'an unusually dry winter left seedbeds short of water';
  // With an address whose document id is one word of 64 characters, with no place to break.
  const NOTE = 'Drought as the *stated* reason, as in https://policy.example/d/5f2c9e7b1d4a8e3f6c0b9a7d2e5f8c1b4a7d0e3f6a9c2b5e8d1f4a7c0b3e6d9f';
  const SHOTS = join(REPO, 'test-results/versions');

  beforeAll(async () => {
    // The article as an outlet serves it (no canonical link: its address is the article).
    const story = readFileSync(join(FIXTURE_PAGES, 'article-v1.html'), 'utf8').replace(/<link rel="canonical"[^>]*>/, '');
    writeFileSync(join(live, 'story.html'), story);
    writeFileSync(join(live, 'hostile.html'), readFileSync(join(__dirname, '../fixtures/versions/hostile-article.html')));
    mkdirSync(SHOTS, { recursive: true });
    gloss = await startGloss({ mounts: { '/live/': live } });
  });
  afterAll(async () => {
    await gloss?.close();
    rmSync(live, { recursive: true, force: true });
  });

  const versions = () => gloss.records<VersionRecord>('versions');

  /** Opens the reader page with the CDP network log, dialogs and console errors recorded from the first request. */
  const openReader = async (query: Record<string, string>) => {
    const page = await gloss.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    const requests: string[] = [];
    /** Requests the browser refused before sending them, by URL, with why (e.g. 'csp'). */
    const blocked = new Map<string, string>();
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
      requests.push(request.url as string);
      urls.set(requestId as string, request.url as string);
    });
    cdp.on('Network.loadingFailed', ({ requestId, blockedReason }) => {
      if (blockedReason) blocked.set(urls.get(requestId as string) ?? '', blockedReason as string);
    });
    await cdp.send('Network.enable');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`chrome-extension://${gloss.extensionId}/reader.html?${new URLSearchParams(query).toString()}`);
    return { page, requests, blocked, dialogs };
  };
  const outside = (requests: string[]) => requests.filter((url) => !url.startsWith(`chrome-extension://${gloss.extensionId}/`));
  const body = (page: Page) => page.getByTestId('stored-body');

  let storyId = '';

  it('keeps the article when the reader highlights a passage with a note, and the reader page shows it with both', async () => {
    const page = await gloss.openPage('/live/story.html');
    await waitForStep(page, 'gloss:paint');
    storyId = (await gloss.articleText(page))!.articleId;
    // Read, not annotated, no watchlist: no copy yet (the default).
    expect(await versions()).toEqual([]);
    // The reader reads for a while: Chrome stops the idle worker, which keeps the reading all the same.
    const cdp = await page.context().newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: workers }) => statuses.push(...workers.map((w) => w.runningStatus)));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1)).toBe('stopped');

    const editor = await EditorPage.attach(page, gloss.extensionId);
    await page.bringToFront();
    await editor.select(PHRASE);
    await editor.click('[data-testid="toolbar-note"]');
    await editor.click('[data-testid="note-input"]');
    await page.keyboard.type(NOTE);
    await editor.click('[data-testid="save"]');
    await expect.poll(() => paintedTexts(page, 'gloss-note-yellow')).toEqual([PHRASE]);

    // The first annotation keeps the reading it was made on (from the session area: the worker restarted).
    await expect.poll(async () => (await versions()).length).toBe(1);
    const [version] = await versions();
    expect(version).toMatchObject({ articleId: storyId, title: 'Reforestation campaign moves spring planting forward', siteName: 'Policy Monitor', encoding: 'gzip' });
    expect(version!.storedBytes).toBeLessThan(version!.rawBytes);

    const reader = await openReader({ article: storyId });
    await expect.poll(() => body(reader.page).textContent()).toContain('Officials said the change would affect nurseries');
    await expect.poll(() => paintedTexts(reader.page, 'gloss-note-yellow')).toEqual([PHRASE]);
    // The entities and terms are painted as on the live page, on the same words.
    const entityTexts = async (on: Page) => {
      const names = await on.evaluate(() => [...CSS.highlights.keys()].filter((name) => /^gloss-(person|org|place|date|term)$/.test(name)).sort());
      return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await paintedTexts(on, name)).sort()] as const)));
    };
    const onPage = await entityTexts(page);
    expect(Object.keys(onPage).length).toBeGreaterThan(1);
    await expect.poll(() => entityTexts(reader.page)).toEqual(onPage);
    const notes = reader.page.getByTestId('reader-notes');
    expect(await notes.textContent()).toContain(PHRASE);
    expect(await notes.locator('em').textContent()).toBe('stated');
    // A long address in a note wraps in the notes' column: the page does not scroll sideways, even phone-wide.
    for (const width of [1280, 360]) {
      await reader.page.setViewportSize({ width, height: 800 });
      expect(await reader.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px`).toBe(0);
      const column = (await notes.boundingBox())!;
      const text = (await notes.locator('.note-text').boundingBox())!;
      expect(text.x + text.width, `${width} px`).toBeLessThanOrEqual(column.x + column.width + 1);
    }
    expect(await reader.page.getByTestId('version-outlet').textContent()).toBe('Policy Monitor');
    expect(await reader.page.getByTestId('version-source').getAttribute('href')).toBe(version!.url);
    expect(await reader.page.getByTestId('version-link').count()).toBe(1);
    expect(outside(reader.requests)).toEqual([]);
    await reader.page.close();
    await page.close();
    expect(gloss.errors).toEqual([]);
  });

  it('still shows the stored copy with the note when the page at its address is gone (404), opened from the library', async () => {
    rmSync(join(live, 'story.html'));
    const gone = await gloss.context.newPage();
    const response = await gone.goto(`${gloss.origin}/live/story.html`);
    expect(response?.status()).toBe(404);
    await gone.close();

    // The library offers the stored copy beside the highlight.
    const library = await gloss.context.newPage();
    await library.goto(`chrome-extension://${gloss.extensionId}/popup.html?section=library`);
    const link = library.getByTestId('library-stored');
    await expect.poll(() => link.count()).toBe(1);
    await library.screenshot({ path: join(SHOTS, 'library.png') });
    const [opened] = await Promise.all([gloss.context.waitForEvent('page'), link.click()]);
    await expect.poll(() => opened.getByTestId('stored-body').textContent()).toContain('Satellite images reviewed by independent researchers');
    await expect.poll(() => paintedTexts(opened, 'gloss-note-yellow')).toEqual([PHRASE]);
    await opened.close();
    await library.close();

    const reader = await openReader({ article: storyId });
    await expect.poll(() => body(reader.page).textContent()).toContain('Satellite images reviewed by independent researchers');
    await expect.poll(() => paintedTexts(reader.page, 'gloss-note-yellow')).toEqual([PHRASE]);
    expect(await reader.page.getByTestId('reader-notes').textContent()).toContain('Drought as the');
    await reader.page.setViewportSize({ width: 1200, height: 800 });
    await reader.page.screenshot({ path: join(SHOTS, 'reader.png') });
    expect(outside(reader.requests)).toEqual([]);
    await reader.page.close();
    expect(await versions()).toHaveLength(1);
  });

  it('stores a hostile article and shows it with nothing running and no request leaving, even a copy stored uncleaned', async () => {
    // Every article read is kept under this setting.
    await (await gloss.worker()).evaluate(() =>
      chrome.storage.local.set({ settings: { hiddenTypes: [], hideAll: false, disabledSites: [], keepVersions: 'all' } }),
    );
    const page = await gloss.openPage('/live/hostile.html');
    const hostileId = (await gloss.articleText(page))!.articleId;
    await expect.poll(async () => (await versions()).filter((v) => v.articleId === hostileId).length).toBe(1);
    await page.close();

    // A second version written straight into the database with the page's raw HTML, as a damaged
    // or forged record would be: the reader page must clean it too.
    const raw = readFileSync(join(__dirname, '../fixtures/versions/hostile-article.html'), 'utf8').replaceAll('/beacon/', `${gloss.origin}/beacon/`);
    const forged = await (await gloss.worker()).evaluate(
      async ([articleId, html]) => {
        const bytes = new TextEncoder().encode(JSON.stringify({ html, text: 'forged' }));
        const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
        const data = new Uint8Array(await new Response(stream).arrayBuffer());
        const id = 'forged-version';
        await new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gloss');
          open.onsuccess = () => {
            const tx = open.result.transaction(['versions', 'versionBodies'], 'readwrite');
            tx.objectStore('versions').put({
              id, articleId, hash: 'f'.repeat(64), title: 'Forged', byline: null, siteName: 'Hostile Daily', publishedTime: null, modifiedTime: null,
              lang: 'en', dir: null, url: articleId, canonicalUrl: null, firstSeenAt: Date.now() + 1000, lastSeenAt: Date.now() + 1000,
              rawBytes: bytes.byteLength, storedBytes: data.byteLength, encoding: 'gzip',
            });
            tx.objectStore('versionBodies').put({ id, data });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        });
        return id;
      },
      [hostileId, raw] as const,
    );

    const [kept] = (await versions()).filter((v) => v.articleId === hostileId && v.id !== forged);
    for (const version of [kept!.id, forged]) {
      const reader = await openReader({ article: hostileId, version });
      await expect.poll(() => body(reader.page).textContent()).toContain('The delegation arrived in Pyongyang on Tuesday');
      const found = await reader.page.evaluate(() => {
        const root = document.querySelector('[data-testid="stored-body"]')!;
        return {
          elements: [...new Set([...root.querySelectorAll('*')].map((el) => el.localName))].sort(),
          handlers: [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style').map((a) => a.name)),
          hrefs: [...root.querySelectorAll('[href]')].map((el) => el.getAttribute('href')),
          ran: Object.keys(window).filter((key) => key.startsWith('__hostile')),
        };
      });
      expect(found.elements.filter((name) => ['script', 'iframe', 'img', 'svg', 'form', 'input', 'style', 'link', 'object', 'embed', 'video', 'math'].includes(name))).toEqual([]);
      expect(found.handlers).toEqual([]);
      expect(found.hrefs.every((href) => /^https?:/.test(href ?? ''))).toBe(true);
      expect(found.ran).toEqual([]);
      await reader.page.screenshot({ path: join(SHOTS, `hostile-${version === forged ? 'forged' : 'kept'}.png`) });
      // A kept image shows as its alt text, a link to its address.
      expect(await reader.page.locator('[data-gloss-image="Photo: the ministry building"]').getAttribute('href')).toBe('https://images.hostile.test/photo.jpg');
      // The reader's mouse over the text and a click on a paragraph set nothing off.
      await body(reader.page).locator('p').first().hover();
      await body(reader.page).locator('p').first().click();
      await reader.page.waitForTimeout(300);
      expect(outside(reader.requests)).toEqual([]);
      expect(reader.dialogs).toEqual([]);
      await reader.page.close();
    }
    expect(gloss.errors).toEqual([]);
  });

  it('has a policy of its own that stops what the sanitizer would miss: no image, fetch or inline script', async () => {
    const reader = await openReader({ article: storyId });
    await expect.poll(() => body(reader.page).textContent()).toContain('Officials said');
    const violations = await reader.page.evaluate(async (beacon) => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
      const img = document.createElement('img');
      img.src = `${beacon}/img.png`;
      document.body.append(img);
      const script = document.createElement('script');
      script.textContent = 'window.__ran = 1';
      document.body.append(script);
      const fetched = await fetch(`${beacon}/fetch`).then(() => 'fetched', () => 'refused');
      await new Promise((done) => setTimeout(done, 300));
      return { seen: [...new Set(seen)].sort(), fetched, ran: (window as { __ran?: number }).__ran ?? null };
    }, `${gloss.origin}/beacon`);
    expect(violations).toEqual({ seen: ['connect-src', 'img-src', 'script-src-elem'], fetched: 'refused', ran: null });
    // The image is announced to the network log, and refused by the policy before it is sent.
    await expect.poll(() => outside(reader.requests).map((url) => [url, reader.blocked.get(url)])).toEqual([[`${gloss.origin}/beacon/img.png`, 'csp']]);
    await reader.page.close();
  });

  it('says a damaged copy cannot be read and lists the other versions', async () => {
    const hostile = (await versions()).filter((v) => v.title !== 'Forged' && v.articleId !== storyId);
    const [damaged] = hostile;
    await (await gloss.worker()).evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gloss');
          open.onsuccess = () => {
            const tx = open.result.transaction('versionBodies', 'readwrite');
            tx.objectStore('versionBodies').put({ id, data: new Uint8Array([31, 139, 8, 0, 9, 9, 9]) });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      damaged!.id,
    );
    const reader = await openReader({ article: damaged!.articleId, version: damaged!.id });
    await expect.poll(() => reader.page.getByTestId('reader-error').textContent()).toContain('This stored version cannot be read: its bytes are damaged');
    expect(await reader.page.getByTestId('version-link').count()).toBe(2);
    // The other one opens from the list.
    await reader.page.getByTestId('version-link').first().click();
    await expect.poll(() => body(reader.page).textContent()).toContain('The delegation arrived');
    expect(await reader.page.getByTestId('reader-error').count()).toBe(0);
    await reader.page.close();
    expect(gloss.errors).toEqual([]);
  });
});
