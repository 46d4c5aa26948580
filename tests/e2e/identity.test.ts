import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PATH, SHARED } from '../../scripts/lib/paths.mjs';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { describeText } from '@/utils/anchoring/selectors';
import { textHash } from '@/utils/text/hash';
import type { ArticleRecord } from '@/utils/article/types';
import { NEW_ARTICLES_PER_TAB } from '@/entrypoints/background/article-identity';
import { EditorPage, paintedTexts } from './support/editor-page';
import { startGloss, waitForGloss, type GlossBrowser } from './support/gloss-browser';

/**
 * Article identity and plain-http sites, with pages served as http://news.test:PORT and
 * http://evil.test:PORT (other sites than 127.0.0.1, and not secure contexts). The seed is
 * copied to news.test with a canonical link to itself, as an outlet's page has; a copy on
 * evil.test keeps that canonical link and forges the headline. Gloss must file the copy as an
 * article of its own: it cannot rewrite the seed's record, see the reader's highlights, be
 * where "open" goes, or change the seed's notes. A page that rotates its canonical link adds only
 * a few records; and a note with tags is written and edited on the http page.
 */
const PHRASE = 'a typical intermediate, mountainous area in our country';
const TITLE = 'Respected Comrade Kim Jong Un Makes Speech at Ground Breaking Ceremony for Regional-industry Factories in Songchon County';

describe('e2e/identity', () => {
  let gloss: GlossBrowser;
  let pages: string;
  let seedId: string;
  beforeAll(async () => {
    pages = mkdtempSync(join(tmpdir(), 'gloss-identity-'));
    gloss = await startGloss({ mounts: { '/identity/': pages } });
    const news = gloss.originOn('news.test');
    seedId = `${news}/identity/seed.html`;
    const seed = readFileSync(join(SHARED, SEED_PATH.replace('/shared/', '')), 'utf8').replace(
      /<link rel="canonical" href="[^"]*">/,
      `<link rel="canonical" href="${seedId}">`,
    );
    if (!seed.includes(seedId)) throw new Error('the seed has no canonical link to replace');
    writeFileSync(join(pages, 'seed.html'), seed);
    writeFileSync(join(pages, 'forged.html'), seed.replaceAll(TITLE, `FORGED ${TITLE}`));
    // Every 1.2 s (past the article watch's 1 s debounce), a new address and a canonical link to it.
    const rotate = `<script>
      let n = 0;
      const timer = setInterval(() => {
        if (++n > 10) return clearInterval(timer);
        history.pushState({}, '', '/identity/rotate-' + n + '.html');
        document.querySelector('link[rel=canonical]').href = location.origin + '/identity/rotate-' + n + '.html';
      }, 1200);
    </script></body>`;
    writeFileSync(join(pages, 'rotate.html'), seed.replace(seedId, `${news}/identity/rotate.html`).replace('</body>', rotate));
  });
  afterAll(async () => {
    await gloss?.close();
    rmSync(pages, { recursive: true, force: true });
  });

  const stored = () => gloss.records<AnnotationRecord>('annotations');
  const article = async (id: string) => (await gloss.records<ArticleRecord>('articles')).find((record) => record.id === id);
  /** Every range of every `gloss-note-*` highlight the page has painted. */
  const notesPainted = (page: Page) =>
    page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('gloss-note')).reduce((n, name) => n + CSS.highlights.get(name)!.size, 0));

  const clickText = async (editor: EditorPage, phrase: string) => {
    const { x, y } = await editor.whereText(phrase);
    await editor.page.mouse.click(x, y);
  };

  it('writes a note with tags on a plain-http page (not a secure context) and edits it from its card; both survive a reload', async () => {
    const page = await gloss.openPage('/identity/seed.html', 'news.test');
    expect(await page.evaluate(() => [location.protocol, location.hostname, isSecureContext])).toEqual(['http:', 'news.test', false]);
    expect((await gloss.articleText(page))?.articleId).toBe(seedId); // its canonical link, on its own site
    const editor = await EditorPage.attach(page, gloss.extensionId);

    await editor.select(PHRASE);
    await editor.click('[data-testid="toolbar-note"]');
    await editor.click('[data-testid="note-input"]');
    await page.keyboard.type('Written on a plain http page');
    await editor.click('[data-testid="tag-input"]');
    await page.keyboard.type('http');
    await page.keyboard.press('Enter');
    await editor.click('[data-testid="save"]');
    await expect.poll(async () => (await stored()).map((r) => [r.articleId, r.note, r.tags])).toEqual([[seedId, 'Written on a plain http page', ['http']]]);
    const color = (await stored())[0]!.color;

    await page.reload();
    await waitForGloss(page);
    await expect.poll(() => paintedTexts(page, `gloss-note-${color}`), { timeout: 10_000 }).toEqual([PHRASE]);
    await clickText(editor, 'intermediate, mountainous');
    await editor.click('[data-testid="edit"]');
    await editor.click('[data-testid="note-input"]');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Edited on a plain http page');
    await editor.click('[data-testid="tag-input"]');
    await page.keyboard.type('edited');
    await page.keyboard.press('Enter');
    await editor.click('[data-testid="save"]');
    await expect.poll(async () => (await stored()).map((r) => [r.note, r.tags])).toEqual([['Edited on a plain http page', ['http', 'edited']]]);

    await page.reload();
    await waitForGloss(page);
    await expect.poll(() => paintedTexts(page, `gloss-note-${color}`), { timeout: 10_000 }).toEqual([PHRASE]);
    await clickText(editor, 'intermediate, mountainous');
    await editor.where('[data-testid="note-card"]');
    expect((await editor.texts('.note'))[0]).toContain('Edited on a plain http page');
    expect(await editor.texts('.chip')).toEqual(['http', 'edited']);
    await page.close();
    expect(gloss.errors).toEqual([]);
  });

  it("files a page on another site that carries the seed's canonical link as its own article: it cannot pose as the seed or reach its notes", async () => {
    // The seed, read on its own site, with the reader's note (put straight in the database when
    // the test above could not make one).
    const seedPage = await gloss.openPage('/identity/seed.html', 'news.test');
    const seedText = (await gloss.articleText(seedPage))!;
    if ((await stored()).length === 0) {
      const start = seedText.text.indexOf(PHRASE);
      const { quote, position } = describeText(seedText.text, start, start + PHRASE.length);
      const record: AnnotationRecord = {
        id: 'seed-note', articleId: seedText.articleId, quote, position, color: 'yellow', note: 'the reader’s note', tags: ['t'],
        createdAt: 1, updatedAt: 1, rev: 1, textHash: textHash(seedText.text),
      };
      await gloss.putRecords('annotations', [record]);
    }
    // The seed's tab then leaves for another site (a page that is no article): it shows the seed no more.
    await seedPage.goto(`${gloss.originOn('evil.test')}/fixtures/non-article.html`);
    await waitForGloss(seedPage);
    const movedTab = await gloss.tabIdOf(seedPage);
    const [note] = await stored();
    expect(note?.articleId).toBe(seedId);
    const before = await article(seedId);
    expect(before).toMatchObject({ url: expect.stringContaining('//news.test:'), title: expect.stringContaining(TITLE) });

    const evil = await gloss.openPage('/identity/forged.html', 'evil.test');
    const evilText = await gloss.articleText(evil);
    expect(evilText?.articleId).toBe(`${gloss.originOn('evil.test')}/identity/forged.html`);
    // The seed's record is as the seed's own page left it.
    const after = await article(seedId);
    expect([after?.title, after?.url]).toEqual([before?.title, before?.url]);
    // The entities are painted (the page was read to the end), the reader's highlight is not.
    await expect.poll(() => evil.evaluate(() => CSS.highlights.get('gloss-person')?.size ?? 0), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await notesPainted(evil)).toBe(0);
    expect((await gloss.articleText(evil))?.notes).toEqual([]);

    // The library's "open" goes to the seed's own address, not to the tab of the copy nor to the tab that left.
    const evilTab = await gloss.tabIdOf(evil);
    const popup = await gloss.openPopup(evilTab);
    const opened = (await popup.sendRaw({ gloss: 1, type: 'openAnnotation', payload: { id: note!.id } })) as { ok: boolean; value?: { tabId: number } };
    expect(opened.ok).toBe(true);
    expect([evilTab, movedTab]).not.toContain(opened.value?.tabId);
    const openedUrl = await (await gloss.worker()).evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      return tab.pendingUrl ?? tab.url;
    }, opened.value!.tabId);
    expect(openedUrl).toBe(before!.url);
    await (await gloss.worker()).evaluate((id) => chrome.tabs.remove(id), opened.value!.tabId);
    await popup.page.close();

    // Gloss's own script in the copy's frame is refused the seed's notes, whatever it asks.
    const editor = await EditorPage.attach(evil, gloss.extensionId);
    const ask = (type: string, payload: unknown) =>
      editor.inGloss<{ ok: boolean }>(`return chrome.runtime.sendMessage(${JSON.stringify({ gloss: 1, type, payload })});`);
    expect(await ask('updateAnnotation', { id: note!.id, note: 'rewritten by another site' })).toMatchObject({ ok: false });
    expect(await ask('deleteAnnotation', { id: note!.id })).toMatchObject({ ok: false });
    expect(await ask('listAnnotations', { articleId: seedId })).toMatchObject({ ok: false });
    expect((await stored()).map((r) => [r.id, r.note])).toEqual([[note!.id, note!.note]]);
    await evil.close();
    await seedPage.close();
  });

  it('adds at most a few article records for a tab whose page rotates its canonical link with pushState', async () => {
    const page = await gloss.openPage('/identity/rotate.html', 'news.test');
    const rotated = async () => (await gloss.records<ArticleRecord>('articles')).filter((record) => record.id.includes('/identity/rotate')).length;
    // Ten rotations, 1.2 s apart, each read again after the article watch's debounce.
    await page.waitForFunction(() => location.pathname === '/identity/rotate-10.html', undefined, { timeout: 20_000 });
    await page.waitForTimeout(2500);
    const count = await rotated();
    expect(count).toBeGreaterThan(1); // the rotation was read: the limit, not a deaf page, holds it back
    expect(count).toBeLessThanOrEqual(NEW_ARTICLES_PER_TAB);
    await page.close();
  });
});
