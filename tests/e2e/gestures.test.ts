import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { EditorPage } from './support/editor-page';
import { startGloss, waitForStep, type GlossBrowser } from './support/gloss-browser';

/**
 * Only the reader's own gestures act (issue 11, item 4). A page can make up events and style
 * what surrounds Gloss's shadow hosts; it must not thereby open the toolbar or cards, save a
 * highlight of text it chose, or steer a real click onto a "Delete" the reader cannot see.
 */
const SEED = '/shared/seed/kcna-songchon-speech.html';
const PHRASE = 'a typical intermediate, mountainous area in our country';
const OTHER = 'beloved people';

describe('e2e/gestures', () => {
  let gloss: GlossBrowser;
  beforeAll(async () => {
    gloss = await startGloss();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  const stored = () => gloss.records<AnnotationRecord>('annotations');
  const storedOn = async (phrase: string) => (await stored()).filter((record) => record.quote.exact === phrase);

  const openSeed = async () => {
    const page = await gloss.openPage(SEED);
    await waitForStep(page, 'gloss:paint');
    return { page, editor: await EditorPage.attach(page, gloss.extensionId) };
  };
  const toolbarShown = (editor: EditorPage) => editor.inGloss<boolean>('return !!root?.querySelector(".toolbar")');
  const cardsShown = (editor: EditorPage) => editor.inGloss<boolean>('return !!root?.querySelector("[data-testid=note-card]")');

  /** A highlight made the reader's way: the real mouse drags over `phrase`, then picks a color. Answers how many `phrase` has. */
  const highlight = async (editor: EditorPage, phrase: string) => {
    const before = (await storedOn(phrase)).length;
    await editor.drag(phrase);
    await editor.click('.pick[data-color="green"]');
    await expect.poll(async () => (await storedOn(phrase)).length).toBe(before + 1);
    return before + 1;
  };

  /** Opens the cards of the highlights on `phrase` with a real click on its text (once the page has placed them). */
  const openCards = async (editor: EditorPage, phrase: string) => {
    await expect
      .poll(async () => {
        const { x, y } = await editor.whereText(phrase);
        await editor.page.mouse.click(x, y);
        return cardsShown(editor);
      })
      .toBe(true);
  };

  /** Where the editor's element matching `selector` is, even while the page hides it. */
  const centerOf = (editor: EditorPage, selector: string) => editor.where(selector);

  const hostLook = (page: Page, name: string) =>
    page.evaluate((tag) => {
      const style = getComputedStyle(document.querySelector(tag)!);
      return { opacity: style.opacity, visibility: style.visibility, pointerEvents: style.pointerEvents, display: style.display };
    }, name);

  it("ignores the page's made-up mouseup, keyup and clicks: no toolbar, no cards, no switch, nothing saved", async () => {
    const { page, editor } = await openSeed();
    await highlight(editor, OTHER);
    await page.keyboard.press('Escape');
    const before = (await stored()).length;

    // The page selects text and fakes the end of a gesture.
    await page.evaluate((text) => {
      const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        getSelection()!.setBaseAndExtent(node, at, node, at + text.length);
        const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
        for (const type of ['mouseup', 'click']) document.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: r.right, clientY: r.bottom }));
        document.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'Shift' }));
        return;
      }
    }, PHRASE);
    await page.waitForTimeout(500);
    expect(await toolbarShown(editor)).toBe(false);

    // … and over the reader's highlight, where a real click opens its cards.
    const at = await editor.whereText(OTHER);
    await page.evaluate(({ x, y }) => {
      getSelection()!.removeAllRanges();
      const target = document.elementFromPoint(x, y)!;
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
        target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
    }, at);
    await page.waitForTimeout(500);
    expect(await cardsShown(editor)).toBe(false);

    // The panel's shadow root is open: the page clicks its switches itself.
    await page.locator('gloss-panel').locator('.badge').click(); // the reader opens the panel
    await page.evaluate(() => {
      const root = document.querySelector('gloss-panel')!.shadowRoot!;
      (root.querySelector('input[data-type="PERSON"]') as HTMLInputElement).click();
      root.querySelector('input[data-type="PLACE"]')!.dispatchEvent(new Event('change', { bubbles: true }));
      (root.querySelector('input[data-role="hide-all"]') as HTMLInputElement).click();
      (root.querySelector('button.site') as HTMLButtonElement).click();
    });
    await page.waitForTimeout(500);
    const settings = await (await gloss.worker()).evaluate(async () => (await chrome.storage.local.get('settings')).settings ?? null);
    // Never written, or written as it was: no switch moved.
    expect((settings ?? { hiddenTypes: [], hideAll: false, disabledSites: [] }) as Record<string, unknown>).toMatchObject({ hiddenTypes: [], hideAll: false, disabledSites: [] });

    expect((await stored()).length).toBe(before);
    expect(await storedOn(PHRASE)).toEqual([]);
    // The same gestures made by the reader do act.
    await editor.drag(PHRASE);
    await expect.poll(() => toolbarShown(editor)).toBe(true);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it.each([
    ['a stylesheet', `gloss-editor, gloss-panel { opacity: 0 !important; pointer-events: none !important; visibility: hidden !important; }`],
    ['a stylesheet on an ancestor', `body { visibility: hidden !important; } gloss-editor { display: none !important; }`],
    ['inline styles', ''],
  ])("keeps Gloss's hosts visible and clickable against %s, so a click acts only on what shows", async (_, css) => {
    const { page, editor } = await openSeed();
    await highlight(editor, OTHER);
    await openCards(editor, OTHER);
    await page.evaluate((rules) => {
      if (rules) document.head.append(Object.assign(document.createElement('style'), { textContent: rules }));
      for (const host of document.querySelectorAll<HTMLElement>('gloss-editor, gloss-panel')) {
        host.style.setProperty('opacity', '0', 'important');
        host.style.setProperty('pointer-events', 'none', 'important');
        host.setAttribute('hidden', '');
      }
    }, css);
    for (const name of ['gloss-editor', 'gloss-panel']) {
      await expect.poll(() => hostLook(page, name)).toEqual({ opacity: '1', visibility: 'visible', pointerEvents: 'auto', display: 'block' });
    }
    await page.close();
  });

  it.each([
    ['opacity: 0'],
    ['filter: opacity(0)'],
    ['opacity: 0.3'],
  ])('refuses a real click on a Delete or a color hidden by the page (body { %s })', async (hiding) => {
    const { page, editor } = await openSeed();
    const count = await highlight(editor, OTHER);
    await openCards(editor, OTHER);
    const remove = await centerOf(editor, '[data-testid="delete"]');
    // The page hides its body (and with it Gloss's host) and shows a decoy outside it.
    await page.evaluate((rule) => {
      document.head.append(Object.assign(document.createElement('style'), { textContent: `body { ${rule} !important; }` }));
      const decoy = Object.assign(document.createElement('div'), { textContent: 'Click here to claim your prize' });
      decoy.style.cssText = 'position: fixed; inset: 0; background: transparent; font-size: 40px; pointer-events: none; z-index: 1;';
      document.documentElement.append(decoy);
    }, hiding);
    await page.mouse.click(remove.x, remove.y);
    await page.waitForTimeout(700);
    expect(await storedOn(OTHER)).toHaveLength(count);

    // A selection made under the hidden body opens the toolbar out of sight: its colors save nothing.
    await page.keyboard.press('Escape');
    await page.evaluate((text) => {
      const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text);
        if (at >= 0) return getSelection()!.setBaseAndExtent(node, at, node, at + text.length);
      }
    }, PHRASE);
    await editor.release();
    const pick = await centerOf(editor, '.pick[data-color="blue"]');
    await page.mouse.click(pick.x, pick.y);
    await page.waitForTimeout(700);
    expect(await storedOn(PHRASE)).toEqual([]);
    await page.close();
  });

  it('shows the undo of a real delete where the page cannot hide it', async () => {
    const { page, editor } = await openSeed();
    const count = await highlight(editor, OTHER);
    await openCards(editor, OTHER);
    await editor.click('[data-testid="delete"]');
    await expect.poll(async () => (await storedOn(OTHER)).length).toBe(count - 1);
    const undo = await centerOf(editor, '[data-testid="undo"]');
    // The page hides everything of its own it can reach.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body { opacity: 0 !important; }' })));
    const notice = await editor.inGloss<{ x: number; y: number; width: number; height: number }>(
      'const r = root.querySelector("[data-testid=notice]").getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height };',
    );
    // What shows there differs from what shows beside it (the blank page): the notice is drawn.
    const shot = (dy: number) => page.screenshot({ clip: { ...notice, y: notice.y + dy } });
    expect(Buffer.compare(await shot(0), await shot(-notice.height - 40))).not.toBe(0);
    await page.mouse.click(undo.x, undo.y);
    await expect.poll(async () => (await storedOn(OTHER)).length).toBe(count);
    await page.close();
  });

  it("saves from the note form only while the reader can see it", async () => {
    const { page, editor } = await openSeed();
    await editor.drag(PHRASE);
    await editor.click('[data-testid="toolbar-note"]');
    await editor.click('[data-testid="note-input"]');
    await page.keyboard.type('written where the page hid it');
    const save = await editor.where('[data-testid="save"]');
    const hiding = await page.evaluateHandle(() =>
      document.head.appendChild(Object.assign(document.createElement('style'), { textContent: 'body { opacity: 0 !important; }' })),
    );
    await page.mouse.click(save.x, save.y);
    await page.waitForTimeout(700);
    expect(await storedOn(PHRASE)).toEqual([]);
    // Shown again, the same click saves.
    await hiding.evaluate((style) => style.remove());
    await page.mouse.click(save.x, save.y);
    await expect.poll(async () => (await storedOn(PHRASE)).map((record) => record.note)).toEqual(['written where the page hid it']);
    await page.close();
  });
});
