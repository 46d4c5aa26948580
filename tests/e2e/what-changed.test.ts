import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { formatDay } from '@/utils/versions/changes';
import type { VersionRecord } from '@/utils/versions/version';
import { FIXTURE_PAGES, REPO } from '../../scripts/lib/paths.mjs';
import { contrastOf } from './support/contrast';
import { EditorPage, paintedTexts } from './support/editor-page';
import { startGloss, waitForStep, type GlossBrowser } from './support/gloss-browser';

/**
 * What changed (issue 14): the reader highlights a passage with a note; the outlet then edits one
 * paragraph and removes another (the one highlighted) at the same address. On the next visit the
 * page panel and the popup say what changed since the reader annotated, the panel's link opens
 * the reader page's comparison, which shows exactly those edits, and the highlight in the
 * removed paragraph is flagged there.
 */
describe('e2e/what-changed', () => {
  let gloss: GlossBrowser;
  const live = mkdtempSync(join(tmpdir(), 'gloss-changed-'));
  const SHOTS = join(REPO, 'test-results/versions');
  const PHRASE = 'repeats language first used in a 2021 directive';
  const NOTE = 'Same words as the 2021 directive';
  const EDITED_FROM = 'by the end of the month';
  const EDITED_TO = 'within ten days';
  const REMOVED =
    'Analysts who follow the campaign noted that the revised schedule repeats language first used in a 2021 directive, including the phrase about turning every mountain into a treasure. The directive had set targets for each province that were later described as fulfilled ahead of time.';
  // The article as an outlet serves it (no canonical link: its address is the article).
  const first = readFileSync(join(FIXTURE_PAGES, 'article-v1.html'), 'utf8').replace(/<link rel="canonical"[^>]*>/, '');
  const edited = first.replace(EDITED_FROM, EDITED_TO).replace(`<p>${REMOVED}</p>`, '');

  beforeAll(async () => {
    expect(first).toContain(EDITED_FROM);
    expect(edited).not.toContain(REMOVED);
    writeFileSync(join(live, 'story.html'), first);
    mkdirSync(SHOTS, { recursive: true });
    gloss = await startGloss({ mounts: { '/live/': live } });
  });
  afterAll(async () => {
    await gloss?.close();
    rmSync(live, { recursive: true, force: true });
  });

  const versions = () => gloss.records<VersionRecord>('versions');
  /** The words of each `<del>` or `<ins>` under `selector`, without the label read to screen readers. */
  const marked = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.lastChild?.textContent ?? ''));

  it('says what changed in the panel and the popup, and the reader page shows exactly those edits with the removed highlight flagged', async () => {
    const page = await gloss.openPage('/live/story.html');
    await waitForStep(page, 'gloss:paint');
    const editor = await EditorPage.attach(page, gloss.extensionId);
    await page.bringToFront();
    await editor.select(PHRASE);
    await editor.click('[data-testid="toolbar-note"]');
    await editor.click('[data-testid="note-input"]');
    await page.keyboard.type(NOTE);
    await editor.click('[data-testid="save"]');
    await expect.poll(() => paintedTexts(page, 'gloss-note-yellow')).toEqual([PHRASE]);
    await expect.poll(async () => (await versions()).length).toBe(1);
    const [annotation] = await gloss.records<AnnotationRecord>('annotations');

    // Unchanged: the panel says nothing of changes.
    const panel = page.locator('gloss-panel');
    await panel.locator('.badge').click();
    await expect.poll(() => panel.locator('.panel').count()).toBe(1);
    expect(await panel.getByTestId('article-changed').count()).toBe(0);

    // The outlet edits a paragraph and removes the one highlighted; the reader comes back.
    writeFileSync(join(live, 'story.html'), edited);
    await page.reload();
    await waitForStep(page, 'gloss:paint');
    await expect.poll(async () => (await versions()).length).toBe(2);
    const [older, newer] = (await versions()).sort((a, b) => a.firstSeenAt - b.firstSeenAt);
    const said = `Changed since you annotated on ${formatDay(annotation!.createdAt)}: 1 paragraph edited, 1 removed.`;
    await panel.locator('.badge').click();
    await expect.poll(() => panel.getByTestId('article-changed').textContent()).toBe(`${said} See what changed`);
    expect(await panel.locator('.badge').getAttribute('aria-label')).toContain('The article changed since you annotated.');
    await page.screenshot({ path: join(SHOTS, 'changed-panel.png') });
    // Readable in dark mode too: the notice, its link and the panel's close button.
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const part of [panel.getByTestId('article-changed'), panel.getByTestId('see-changes'), panel.getByRole('button', { name: 'Close the Gloss panel' })]) {
      expect(await part.evaluate(contrastOf)).toBeGreaterThan(4.5);
    }
    await page.screenshot({ path: join(SHOTS, 'changed-panel-dark.png') });
    await page.emulateMedia({ colorScheme: null });

    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    await expect.poll(() => popup.page.getByTestId('article-changed').textContent()).toBe(`${said} See what changed`);
    const href = new URL((await popup.page.getByTestId('see-changes').getAttribute('href'))!);
    expect(Object.fromEntries(href.searchParams)).toEqual({ article: annotation!.articleId, compare: older!.id, version: newer!.id });
    await popup.page.screenshot({ path: join(SHOTS, 'changed-popup.png') });
    await popup.page.close();

    // The panel's link opens the comparison.
    await page.bringToFront();
    const [reader] = await Promise.all([gloss.context.waitForEvent('page'), panel.getByTestId('see-changes').click()]);
    expect(Object.fromEntries(new URL(reader.url()).searchParams)).toEqual({ article: annotation!.articleId, compare: older!.id, version: newer!.id });
    await expect.poll(() => reader.getByTestId('comparison-summary').textContent()).toBe('1 paragraph edited, 1 removed');
    // Exactly those edits: one paragraph edited (those words out, these in), one removed, none added.
    expect(await reader.getByTestId('diff-edited').count()).toBe(1);
    expect(await marked(reader, '[data-testid="diff-edited"] del')).toEqual([EDITED_FROM]);
    expect(await marked(reader, '[data-testid="diff-edited"] ins')).toEqual([EDITED_TO]);
    expect(await marked(reader, '[data-testid="diff-removed"] del')).toEqual([REMOVED]);
    expect(await reader.getByTestId('diff-added').count()).toBe(0);
    expect(await reader.locator('[data-testid="diff-body"] del .diff-sr').allTextContents()).toEqual(['deleted: ', 'deleted: ']);
    // The highlight in the removed paragraph is flagged there, and listed.
    const flags = await reader.getByTestId('diff-flag').evaluateAll((els) =>
      els.map((el) => ({ id: el.getAttribute('data-annotation'), kind: el.getAttribute('data-flag'), on: el.closest('[data-change]')?.getAttribute('data-change') })),
    );
    expect(flags).toEqual([{ id: annotation!.id, kind: 'removed', on: 'removed' }]);
    expect(await reader.getByTestId('diff-flag-list').textContent()).toContain(PHRASE);
    // Unchanged paragraphs away from the changes are folded, and open.
    const fold = reader.getByTestId('diff-fold').first();
    if (await fold.count()) {
      await fold.locator('summary').click();
      expect(await fold.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    }
    await reader.setViewportSize({ width: 1200, height: 900 });
    await reader.screenshot({ path: join(SHOTS, 'compare.png'), fullPage: true });

    // Annotating the text shown now ends the notice: the reader has seen this version.
    await page.bringToFront();
    const again = await EditorPage.attach(page, gloss.extensionId); // the page was reloaded
    await page.locator('article h1').click(); // focus leaves the panel for the page
    await again.select(EDITED_TO);
    await again.click('[data-testid="toolbar-note"]');
    await again.click('[data-testid="note-input"]');
    await page.keyboard.type('Shorter deadline');
    await again.click('[data-testid="save"]');
    await expect.poll(() => panel.getByTestId('article-changed').count()).toBe(0);
    await reader.close();
    await page.close();
    expect(gloss.errors).toEqual([]);
  });

  it('exports the version shown as one HTML file and as Markdown, with the notes, and cites it', async () => {
    const [older] = (await versions()).sort((a, b) => a.firstSeenAt - b.firstSeenAt);
    const articleId = older!.articleId;
    const reader = await gloss.context.newPage();
    await reader.goto(`chrome-extension://${gloss.extensionId}/reader.html?${new URLSearchParams({ article: articleId, version: older!.id }).toString()}`);
    await expect.poll(() => reader.getByTestId('stored-body').textContent()).toContain(REMOVED);
    const saved = async (button: string) => {
      const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByTestId(button).click()]);
      const path = join(live, download.suggestedFilename());
      await download.saveAs(path);
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
    };
    const html = await saved('export-html');
    expect(html.name).toMatch(/^reforestation-campaign-moves-spring-planting-forward-\d{4}-\d{2}-\d{2}\.html$/);
    expect(html.text).toContain(`SHA-256 of its text: <code>${older!.hash}</code>`);
    expect(html.text).toContain('<blockquote>repeats language first used in a 2021 directive</blockquote>');
    expect(html.text).not.toMatch(/<script|<iframe|<img|\son\w+=/i);
    // Opened on its own, the file shows the article and loads nothing.
    const file = await gloss.context.newPage();
    const requests: string[] = [];
    file.on('request', (request) => requests.push(request.url()));
    await file.goto(`file://${join(live, html.name)}`);
    expect(await file.locator('main').textContent()).toContain(REMOVED);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    await file.close();
    const markdown = await saved('export-markdown');
    expect(markdown.name.endsWith('.md')).toBe(true);
    expect(markdown.text).toContain(`> ${PHRASE}\n\n${NOTE}`);
    // Cite: the reference and the CSL-JSON carry the day it was read and the fingerprint.
    await reader.getByTestId('cite').locator('summary').click();
    expect(await reader.getByTestId('cite-chicago').textContent()).toContain(`Stored copy, SHA-256 ${older!.hash}.`);
    const [item] = JSON.parse((await reader.getByTestId('cite-csl').textContent())!);
    expect(item).toMatchObject({ title: 'Reforestation campaign moves spring planting forward', 'container-title': 'Policy Monitor', URL: articleId });
    expect(item.accessed['date-parts'][0]).toHaveLength(3);
    // The reference wraps its 64-character fingerprint: the page does not scroll sideways, even phone-wide.
    for (const width of [1280, 360]) {
      await reader.setViewportSize({ width, height: 800 });
      expect(await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px`).toBe(0);
    }
    await reader.close();
    expect(gloss.errors).toEqual([]);
  });

  it('records what each version names, and the library shows where a later version stopped naming a place', async () => {
    const PLACE = 'North Hamgyong';
    const KEY = 'PLACE:North Hamgyong Province';
    const [, second] = (await versions()).sort((a, b) => a.firstSeenAt - b.firstSeenAt);
    expect(second!.keys).toContain(KEY);
    // The outlet takes the province out of the article; the reader comes back.
    writeFileSync(join(live, 'story.html'), edited.replace(`${PLACE} and `, ''));
    const page = await gloss.openPage('/live/story.html');
    await waitForStep(page, 'gloss:paint');
    await expect.poll(async () => (await versions()).length).toBe(3);
    const third = (await versions()).sort((a, b) => a.firstSeenAt - b.firstSeenAt)[2]!;
    expect(third.droppedKeys).toEqual([KEY]);
    await page.close();

    // No article's latest reading names it now: its page in the library says where it went.
    const library = await gloss.context.newPage();
    await library.goto(`chrome-extension://${gloss.extensionId}/library.html#${new URLSearchParams({ entity: KEY }).toString()}`);
    const dropped = library.getByTestId('dropped');
    await expect.poll(() => dropped.locator('li').count()).toBe(1);
    const href = new URL((await dropped.locator('li a').getAttribute('href'))!, library.url());
    expect(Object.fromEntries(href.searchParams)).toEqual({ article: third.articleId, compare: second!.id, version: third.id });
    await dropped.locator('li a').click();
    await expect.poll(() => library.getByTestId('diff-edited').count()).toBe(1);
    expect(await marked(library, '[data-testid="diff-edited"] del')).toEqual([expect.stringContaining(PLACE)]);
    await library.close();
    expect(gloss.errors).toEqual([]);
  });
});
