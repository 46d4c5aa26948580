import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { FIXTURE_PAGES, REPO } from '../../scripts/lib/paths.mjs';
import { serve } from '../../scripts/lib/serve.mjs';
import { EditorPage, paintedInCaption } from './support/editor-page';
import { startGloss, waitForGloss, waitForStep, type GlossBrowser } from './support/gloss-browser';

/**
 * The page's own orphan card, in Chromium: a highlight made with the editor on a paragraph whose
 * words a photo caption repeats; the outlet then cuts the paragraph (the page is served edited at
 * the same address and reloaded). The highlight is an orphan, painted nowhere; its card says the
 * words were found elsewhere, "Show" scrolls to and flashes the caption's copy (never painted as
 * the reader's), a click Gloss did not get from the reader attaches nothing, and "Attach here"
 * moves it there: painted on the caption, stored there (a reload places it by itself), and the
 * popup lists it with the placed highlights, not the orphans.
 */
const QUOTE = 'after an unusually dry winter left seedbeds short of water';
const CAPTION = `<figure><figcaption>Nurseries in the north ${QUOTE} (Photo: Test Desk)</figcaption></figure>`;
const SHOTS = join(REPO, 'test-results/orphan-card');
const firstParagraph = /<p>The Ministry of Land[^]*?<\/p>/;
const original = readFileSync(join(FIXTURE_PAGES, 'article-v1.html'), 'utf8')
  // Its own article (its own address), not article-v1's.
  .replace(/<link rel="canonical"[^>]*>\n/, '')
  .replace(firstParagraph, (p) => `${p}\n      ${CAPTION}`);

describe('e2e/orphan-card', () => {
  let gloss: GlossBrowser;
  let server: Awaited<ReturnType<typeof serve>>;
  const folder = mkdtempSync(join(tmpdir(), 'gloss-orphan-card-'));
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    gloss = await startGloss();
    server = await serve({ '/news/': folder });
  });
  afterAll(async () => {
    await gloss?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const stored = () => gloss.records<AnnotationRecord>('annotations');

  it('offers the caption’s copy on the orphan card, shows it, and attaches the highlight there only on the reader’s click', async () => {
    writeFileSync(join(folder, 'story.html'), original);
    const page = await gloss.context.newPage();
    await page.goto(`${server.origin}/news/story.html`);
    await waitForStep(page, 'gloss:paint');
    const editor = await EditorPage.attach(page, gloss.extensionId);

    // The reader highlights the paragraph's words (the first copy in the page).
    await editor.select(QUOTE);
    await editor.click('.toolbar [data-color="yellow"]');
    await expect.poll(() => paintedInCaption(page)).toEqual([{ text: QUOTE, inCaption: false }]);
    const [made] = await stored();
    expect(made).toMatchObject({ quote: { exact: QUOTE }, rev: 1 });
    const id = made!.id;

    // The outlet cuts the paragraph; the caption keeps the words.
    writeFileSync(join(folder, 'story.html'), original.replace(firstParagraph, ''));
    await page.reload();
    await waitForGloss(page);
    await expect.poll(async () => (await gloss.articleText(page))?.orphans, { timeout: 10_000 }).toEqual([id]);
    expect(await paintedInCaption(page)).toEqual([]);

    // Its card, from the page panel's list of orphans.
    await page.locator('gloss-panel').locator('.badge').click();
    await page.locator('gloss-panel').getByTestId('orphans').click();
    await editor.where(`[data-id="${id}"] [data-testid="offer"]`);
    expect(await editor.texts(`[data-id="${id}"] .badge-orphan`)).toEqual(['no longer in the article']);
    expect(await editor.texts(`[data-id="${id}"] .offer-head`)).toEqual(['Found elsewhere on this page']);
    expect(await editor.texts(`[data-id="${id}"] [data-testid="offer-words"]`)).toEqual([QUOTE]);
    await page.screenshot({ path: join(SHOTS, 'orphan-card.png') });

    // Show: the caption's copy is scrolled to and flashed, not painted as the reader's. (The
    // article is pushed below the fold first, so the scroll is seen.)
    await page.addStyleTag({ content: 'body { padding-top: 2500px !important }' });
    await page.evaluate(() => window.scrollTo(0, 0));
    const captionTop = () => page.evaluate(() => document.querySelector('figcaption')!.getBoundingClientRect().top);
    const height = await page.evaluate(() => innerHeight);
    expect(await captionTop()).toBeGreaterThan(height);
    await editor.click(`[data-id="${id}"] [data-testid="offer-show"]`);
    await expect.poll(() => paintedInCaption(page, 'gloss-flash')).toEqual([{ text: QUOTE, inCaption: true }]);
    await expect.poll(async () => (await captionTop()) > 0 && (await captionTop()) < height).toBe(true);
    expect(await paintedInCaption(page)).toEqual([]);
    expect((await stored())[0]).toMatchObject({ id, quote: { exact: QUOTE }, position: made!.position, rev: 1 });

    // A click Gloss's own world makes up (not the reader's) moves nothing.
    await editor.inGloss(`root.querySelector('[data-id="${id}"] [data-testid="offer-attach"]').click();`);
    await page.waitForTimeout(500);
    expect((await stored())[0]).toMatchObject({ position: made!.position, rev: 1 });

    // Attach here: painted on the caption's copy, stored there.
    await editor.click(`[data-id="${id}"] [data-testid="offer-attach"]`);
    await expect.poll(() => paintedInCaption(page)).toEqual([{ text: QUOTE, inCaption: true }]);
    await expect.poll(async () => (await stored())[0]?.rev).toBe(2);
    const moved = (await stored())[0]!;
    expect(moved.quote).toMatchObject({ exact: QUOTE, prefix: expect.stringMatching(/Nurseries in the north $/) });
    expect(moved.position).not.toEqual(made!.position);
    expect((await gloss.articleText(page))!.orphans).toEqual([]);
    await expect.poll(() => editor.texts(`[data-id="${id}"] .badge-orphan`)).toEqual([]);

    // After a reload it is placed there by itself, and the popup no longer lists it as an orphan.
    await page.reload();
    await waitForGloss(page);
    await expect.poll(() => paintedInCaption(page), { timeout: 10_000 }).toEqual([{ text: QUOTE, inCaption: true }]);
    expect((await gloss.articleText(page))!.orphans).toEqual([]);
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    await expect.poll(() => popup.page.locator(`[data-testid="popup-notes"] [data-id="${id}"]`).count()).toBe(1);
    expect(await popup.page.getByTestId('popup-orphans').count()).toBe(0);
    await popup.page.close();
    await page.close();
  });

  it('raised no error in Gloss', () => {
    expect(gloss.errors).toEqual([]);
  });
});
