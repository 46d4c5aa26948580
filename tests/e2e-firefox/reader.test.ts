import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../scripts/lib/paths.mjs';
import { Editor, painted, SEED, servePages, startGloss, type GlossFirefox, type Server, type Tab } from './support/gloss-firefox';

/**
 * What a Firefox reader does with Gloss, on the seed article: the entities and terms are painted
 * inside the article; the corner badge opens the panel; a selection becomes a highlight with a
 * color, a note and tags through the toolbar; it is back after a reload and after Firefox is closed
 * and opened again on the same profile; the popup lists it, the library finds it by a word of its
 * note; a backup exported from the popup is imported into a fresh profile.
 */
const PHRASE = 'a typical intermediate, mountainous area';
const NOTE = 'Terrain as the **reason** for lagging industry';
const SHOTS = join(REPO, 'test-results/firefox');
const texts = async (page: Page, name: string) => (await painted(page, name)).map((r) => r.text);

describe('e2e-firefox/reader', () => {
  const profile = mkdtempSync(join(tmpdir(), 'gloss-firefox-reader-'));
  let gloss: GlossFirefox;
  let tab: Tab;
  let backup: string;
  let server: Server;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await servePages();
    gloss = await startGloss({ profile, server });
  });
  afterAll(async () => {
    await gloss?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it("paints the seed's people, organizations, places, dates and terms, only inside the article", async () => {
    tab = await gloss.openArticle(SEED);
    await expect.poll(() => texts(tab.page, 'gloss-person')).toEqual(['Kim Jong Un', 'Kim Jong Un', 'Kim Jong Un']);
    expect(await texts(tab.page, 'gloss-place')).toContain('Songchon County');
    expect(await texts(tab.page, 'gloss-term')).toContain('Regional Development 20×10 Policy');
    for (const name of ['gloss-person', 'gloss-org', 'gloss-place', 'gloss-date', 'gloss-term']) {
      const ranges = await painted(tab.page, name);
      expect(ranges.length, name).toBeGreaterThan(0);
      expect(ranges.filter((r) => !r.inArticle), name).toEqual([]);
    }
    await tab.page.screenshot({ path: join(SHOTS, 'seed.png') });
  });

  it('opens the panel from the corner badge', async () => {
    const { page } = tab;
    const badge = await page.evaluate(() => {
      const button = document.querySelector('gloss-panel')?.shadowRoot?.querySelector('button');
      const r = button?.getBoundingClientRect();
      return r && { x: r.x + r.width / 2, y: r.y + r.height / 2, label: button!.getAttribute('aria-label') };
    });
    expect(badge?.label).toMatch(/^Gloss: \d+ highlights/);
    await page.mouse.click(badge!.x, badge!.y);
    const switches = () =>
      page.evaluate(() =>
        [...(document.querySelector('gloss-panel')?.shadowRoot?.querySelectorAll<HTMLInputElement>('section.panel input[data-type]') ?? [])].map(
          (input) => input.dataset.type,
        ),
      );
    await expect.poll(switches).toEqual(expect.arrayContaining(['PERSON', 'ORG', 'PLACE', 'DATE', 'TERM']));
    await page.screenshot({ path: join(SHOTS, 'panel.png') });
    await page.keyboard.press('Escape');
    await expect.poll(switches).toEqual([]);
  });

  it('makes a highlight with a color, a note and tags from a selection, and finds it again after a reload', async () => {
    const { page } = tab;
    const editor = new Editor(gloss, tab);
    await editor.select(PHRASE);
    await editor.where('[data-testid="toolbar-note"]');
    await page.screenshot({ path: join(SHOTS, 'toolbar.png') });
    await editor.click('[data-testid="toolbar-note"]');
    await editor.click('[data-testid="note-input"]');
    await page.keyboard.type(NOTE);
    await editor.click('input[value="green"]');
    await editor.click('[data-testid="tag-input"]');
    await page.keyboard.type('terrain');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Songchon');
    await page.screenshot({ path: join(SHOTS, 'form.png') });
    await editor.click('[data-testid="save"]');

    await expect.poll(() => texts(page, 'gloss-note-green'), { timeout: 15_000 }).toEqual([PHRASE]);
    const [record] = await gloss.stored();
    expect(record).toMatchObject({ color: 'green', note: NOTE, tags: ['terrain', 'Songchon'], quote: { exact: PHRASE } });
    expect(record!.articleId).toBe((await gloss.articleText(tab))!.articleId);

    await page.reload();
    await gloss.waitForArticle(tab);
    await expect.poll(() => texts(page, 'gloss-note-green'), { timeout: 15_000 }).toEqual([PHRASE]);
    // Its card shows the note's Markdown as text and safe elements.
    await editor.clickText('intermediate, mountainous');
    await editor.where('[data-testid="note-card"]');
    expect(await editor.texts('.note strong')).toEqual(['reason']);
    expect(await editor.texts('.chip')).toEqual(['terrain', 'Songchon']);
    expect(gloss.errors).toEqual([]);
  });

  it('lists the highlight in the popup, and the library finds it by a word of its note', async () => {
    const popup = await gloss.openPopup(tab.id);
    const quotes = () => popup.evaluate(() => [...document.querySelectorAll('[data-testid="popup-notes"] .note-quote')].map((el) => el.textContent));
    await expect.poll(quotes).toEqual([PHRASE]);
    await popup.screenshot({ path: join(SHOTS, 'popup.png') });

    await popup.click('[data-testid="section-library"]');
    const count = () => popup.evaluate(() => document.querySelector('[data-testid="library-count"]')?.textContent ?? '');
    await expect.poll(count).toContain('1 highlight');
    await popup.click('[data-testid="library-search"]');
    await popup.keyboard.type('lagging');
    await expect.poll(() => popup.evaluate(() => [...document.querySelectorAll('[data-testid="library-item"] mark')].map((m) => m.textContent))).toEqual([
      'lagging',
    ]);
    await popup.click('[data-testid="library-search"]', { count: 3 });
    await popup.keyboard.type('nowhere');
    await expect.poll(() => popup.evaluate(() => document.querySelectorAll('[data-testid="library-item"]').length)).toBe(0);
    await popup.screenshot({ path: join(SHOTS, 'library.png') });

    // A backup, downloaded as the reader would.
    await popup.click('[data-testid="section-settings"]');
    await popup.waitForSelector('[data-export="backup"]');
    await popup.click('[data-export="backup"]');
    backup = await downloaded(gloss.session.downloads, /^gloss-backup-.*\.json$/);
    const saved = JSON.parse(readFileSync(backup, 'utf8'));
    expect(saved.annotations).toHaveLength(1);
    expect(saved.annotations[0]).toMatchObject({ note: NOTE, tags: ['terrain', 'Songchon'], color: 'green' });
    await popup.close();
  });

  it('keeps the highlight when Firefox is closed and opened again on the same profile', async () => {
    await gloss.close();
    gloss = await startGloss({ profile, server }); // same server: same URLs, same article
    tab = await gloss.openArticle(SEED);
    await expect.poll(() => texts(tab.page, 'gloss-note-green'), { timeout: 15_000 }).toEqual([PHRASE]);
    expect((await gloss.stored()).map((r) => r.note)).toEqual([NOTE]);
    expect(gloss.errors).toEqual([]);
  });

  it('imports the backup into a fresh profile, and refuses a broken file whole', async () => {
    // The same server, so the same address: the seed's canonical link is on another site and
    // does not name the article (a page cannot pose as another), its own address does.
    const fresh = await startGloss({ server });
    try {
      const desk = fresh.desk; // the popup's settings section
      const broken = JSON.parse(readFileSync(backup, 'utf8'));
      broken.annotations[0].color = 'octarine';
      const brokenPath = join(fresh.session.profile, 'broken.json');
      writeFileSync(brokenPath, JSON.stringify(broken));
      const status = () => desk.evaluate(() => document.querySelector('[data-testid="exchange-status"], .exchange .error, [role="alert"]')?.textContent ?? '');
      const input = (await desk.waitForSelector('input[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
      await input!.uploadFile(brokenPath);
      await expect.poll(status).toMatch(/broken\.json was not imported.*annotations\[0\]\.color/);
      expect(await fresh.stored()).toEqual([]);

      await input!.uploadFile(backup);
      await desk.waitForSelector('[data-testid="import-confirm"]');
      await desk.click('[data-testid="import-confirm"]');
      await expect.poll(status).toContain('1 added');
      expect((await fresh.stored()).map((r) => [r.note, r.tags, r.color])).toEqual([[NOTE, ['terrain', 'Songchon'], 'green']]);
      const other = await fresh.openArticle(SEED);
      await expect.poll(() => texts(other.page, 'gloss-note-green'), { timeout: 15_000 }).toEqual([PHRASE]);
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

/** The path of the file matching `name` once it has landed in `dir` (complete: no `.part` beside it). */
async function downloaded(dir: string, name: RegExp, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const files = existsSync(dir) ? readdirSync(dir) : [];
    const file = files.find((f) => name.test(f));
    if (file && !files.some((f) => f.endsWith('.part')) && statSync(join(dir, file)).size > 0) return join(dir, file);
    if (Date.now() > deadline) throw new Error(`No download like ${name} in ${dir}: ${files.join(', ')}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
