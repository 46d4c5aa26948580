import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditorPage, paintedTexts } from './support/editor-page';
import { startGloss, waitForStep, type GlossBrowser } from './support/gloss-browser';

/**
 * A write the background refuses, in the real browser, tells the reader and keeps every word of
 * the unsaved note in the form. (Quota and a closed database cannot be forced here: the
 * extension's `unlimitedStorage` ignores CDP's quota override, and Dexie 4 reopens a database
 * another connection upgraded. The form takes every failed answer the same way; unit tests
 * feed it a quota error.) In a browser of its own.
 */
const SEED = '/shared/seed/kcna-songchon-speech.html';
const PHRASE = 'a typical intermediate, mountainous area in our country';

describe('e2e/refused-write', () => {
  let gloss: GlossBrowser;
  beforeAll(async () => {
    gloss = await startGloss();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it('keeps the unsaved note and says why when the write is refused', async () => {
    const page = await gloss.openPage(SEED);
    await waitForStep(page, 'gloss:paint');
    const editor = await EditorPage.attach(page, gloss.extensionId);
    await editor.select(PHRASE);
    await editor.click('[data-testid="toolbar-note"]');
    await editor.click('[data-testid="note-input"]');
    await page.keyboard.type('A note that must not be lost');

    // The background refuses the write: it no longer knows which article this tab shows.
    await (await gloss.worker()).evaluate(() => chrome.storage.session.clear());
    await editor.click('[data-testid="save"]');
    await expect.poll(async () => (await editor.texts('[data-testid="form-error"]'))[0] ?? '', { timeout: 10_000 }).toMatch(/^Not saved: .+Your note is still here/);
    expect(await editor.value('[data-testid="note-input"]')).toBe('A note that must not be lost');
    expect(await paintedTexts(page, 'gloss-note-yellow')).toEqual([]);
  });
});
