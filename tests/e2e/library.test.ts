import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../scripts/lib/paths.mjs';
import { EditorPage } from './support/editor-page';
import { startGloss, waitForStep, type GlossBrowser, type PopupPage } from './support/gloss-browser';

/**
 * The popup as the reader's desk: the article's highlights in page order, the library searched by
 * a word of a note, an item opened back in its tab, Markdown exported, and a backup carried into a
 * fresh browser profile.
 */
const SEED = '/shared/seed/kcna-songchon-speech.html';
const SHOTS = join(REPO, 'test-results/library');
const FIRST = 'beloved people in Songchon County';
const SECOND = 'a typical intermediate, mountainous area in our country';

describe('e2e/library', () => {
  let gloss: GlossBrowser;
  let page: Page;
  let popup: PopupPage;
  let backup: string;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    gloss = await startGloss();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  const highlight = async (editor: EditorPage, phrase: string, note: string) => {
    await editor.select(phrase);
    await editor.click('[data-testid="toolbar-note"]');
    await editor.click('[data-testid="note-input"]');
    await editor.page.keyboard.type(note);
    await editor.click('[data-testid="save"]');
    await expect.poll(() => editor.formOpen()).toBe(false);
  };

  it('lists the two highlights of the article in page order, whatever order they were made in', async () => {
    page = await gloss.openPage(SEED);
    await waitForStep(page, 'gloss:paint');
    const editor = await EditorPage.attach(page, gloss.extensionId);
    await highlight(editor, SECOND, 'Terrain argument: mountains as the reason for lagging industry');
    await highlight(editor, FIRST, 'Direct address to the locals, a rally register');
    popup = await gloss.openPopup(await gloss.tabIdOf(page));
    const items = popup.page.getByTestId('popup-notes').locator('.note-quote');
    await expect.poll(() => items.allTextContents()).toEqual([FIRST, SECOND]);
    await popup.page.screenshot({ path: join(SHOTS, 'article.png'), fullPage: true });
  });

  it('finds one highlight by a word of its note, marks the word, and opens it in its tab', async () => {
    await popup.page.getByTestId('section-library').click();
    await expect.poll(() => popup.page.getByTestId('library-count').textContent()).toContain('2 highlights');
    await popup.page.getByTestId('library-search').fill('terrain');
    await expect.poll(() => popup.page.getByTestId('library-count').textContent()).toContain('1 highlight');
    const item = popup.page.getByTestId('library-item');
    expect(await item.count()).toBe(1);
    expect(await item.locator('.library-quote').textContent()).toContain(SECOND);
    expect(await item.locator('mark').allTextContents()).toEqual(['Terrain']);
    await popup.page.screenshot({ path: join(SHOTS, 'library.png'), fullPage: true });
    // The filters, open, stay inside the popup however long a term list's name.
    await popup.page.locator('.library-filters summary').click();
    await popup.page.locator('[data-filter="termList"] option').nth(1).waitFor({ state: 'attached' });
    const overflow = await popup.page.evaluate(() => {
      const grid = document.querySelector('.filter-grid')!.getBoundingClientRect();
      return [...document.querySelectorAll('.filter-grid select, .filter-grid input')].filter((el) => el.getBoundingClientRect().right > grid.right + 0.5).map((el) => el.getAttribute('data-filter'));
    });
    expect(overflow).toEqual([]);
    await popup.page.locator('.library-filters summary').click();

    await item.click();
    await page.waitForFunction(() => (CSS.highlights.get('gloss-flash')?.size ?? 0) > 0, null, { timeout: 10_000 });
    expect(gloss.errors).toEqual([]);
  });

  it('exports Markdown with the quote and the note, and a backup', async () => {
    await popup.page.getByTestId('section-settings').click();
    // The number of versions to keep shows beside its long label, not squeezed to nothing, in the narrowest popup.
    const size = popup.page.viewportSize()!;
    await popup.page.setViewportSize({ width: 360, height: size.height });
    await popup.page.getByTestId('settings-versions').locator('summary').click();
    expect((await popup.page.getByTestId('prune-keep').boundingBox())!.width).toBeGreaterThan(40);
    await popup.page.setViewportSize(size);
    const [markdown] = await Promise.all([popup.page.waitForEvent('download'), popup.page.locator('[data-export="markdown"]').click()]);
    const text = readFileSync((await markdown.path())!, 'utf8');
    expect(text).toContain(`> ${FIRST}`);
    expect(text).toContain('Direct address to the locals, a rally register');
    expect(text).toContain('Respected Comrade Kim Jong Un Makes Speech');
    const [file] = await Promise.all([popup.page.waitForEvent('download'), popup.page.locator('[data-export="backup"]').click()]);
    backup = (await file.path())!;
    expect(JSON.parse(readFileSync(backup, 'utf8')).annotations).toHaveLength(2);
  });

  it('restores both highlights from the backup in a fresh browser profile, and refuses a broken file', async () => {
    const fresh = await startGloss();
    try {
      const other = await fresh.openPopup(0);
      await other.page.getByTestId('section-settings').click();
      const broken = JSON.parse(readFileSync(backup, 'utf8'));
      broken.annotations[1].color = 'octarine';
      await other.page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
      await expect.poll(() => other.page.getByTestId('exchange-status').textContent()).toMatch(/broken\.json was not imported.*annotations\[1\]\.color/);
      await other.page.getByTestId('section-library').click();
      await expect.poll(() => other.page.getByTestId('library-count').textContent()).toContain('0 highlights');
      await other.page.getByTestId('section-settings').click();

      await other.page.getByTestId('import-file').setInputFiles(backup);
      await other.page.getByTestId('import-confirm').click();
      await expect.poll(() => other.page.getByTestId('exchange-status').textContent()).toContain('2 added');
      await other.page.getByTestId('section-library').click();
      await expect.poll(() => other.page.getByTestId('library-item').count()).toBe(2);
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
