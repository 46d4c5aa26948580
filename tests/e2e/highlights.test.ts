import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, REPO } from '../../scripts/lib/paths.mjs';
import { startGloss, waitForGloss, waitForStep, type GlossBrowser } from './support/gloss-browser';

const SEED = '/shared/seed/kcna-songchon-speech.html';
const VARIANTS = '/fixtures/romanizations.html';
const corpus = readdirSync(CORPUS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const SHOTS = join(REPO, 'test-results/highlights');

/** Texts of the ranges registered under `name`, and whether each lies inside the <article>. */
function highlighted(page: Page, name: string) {
  return page.evaluate((key) => {
    const highlight = CSS.highlights.get(key);
    return [...(highlight ?? [])].map((range) => {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const inside = (node: Node) => !!(node.parentElement ?? (node as Element)).closest('article');
      return { text: live.toString(), inArticle: inside(range.startContainer) && inside(range.endContainer) };
    });
  }, name);
}

async function painted(page: Page) {
  await waitForGloss(page);
  await waitForStep(page, 'gloss:paint');
}

const panel = (page: Page) => page.locator('gloss-panel');

describe('e2e/highlights', () => {
  let gloss: GlossBrowser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    gloss = await startGloss();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it('highlights the seed article’s people, places and terms, only inside the article', async () => {
    const page = await gloss.openPage(SEED);
    await painted(page);
    const people = await highlighted(page, 'gloss-person');
    expect(people.map((r) => r.text)).toEqual(['Kim Jong Un', 'Kim Jong Un', 'Kim Jong Un']);
    expect((await highlighted(page, 'gloss-place')).map((r) => r.text)).toContain('Songchon County');
    expect((await highlighted(page, 'gloss-term')).map((r) => r.text)).toContain('Regional Development 20×10 Policy');
    for (const name of ['gloss-person', 'gloss-org', 'gloss-place', 'gloss-date', 'gloss-term']) {
      const ranges = await highlighted(page, name);
      expect(ranges.length, name).toBeGreaterThan(0);
      expect(ranges.filter((r) => !r.inArticle), name).toEqual([]);
    }
    await page.screenshot({ path: join(SHOTS, 'seed.png') });
  });

  it('switches a type off from the panel and on again, in every open tab', async () => {
    const page = await gloss.openPage(SEED);
    const other = await gloss.openPage(SEED);
    await painted(page);
    await painted(other);
    await panel(page).getByRole('button', { name: /Gloss: \d+ highlights/ }).click();
    const people = panel(page).locator('input[data-type="PERSON"]');
    await people.click();
    await expect.poll(() => highlighted(page, 'gloss-person')).toEqual([]);
    await expect.poll(() => highlighted(other, 'gloss-person')).toEqual([]);
    expect((await highlighted(page, 'gloss-place')).length).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'seed-panel.png') });
    await people.click();
    await expect.poll(async () => (await highlighted(page, 'gloss-person')).length).toBe(3);
    await expect.poll(async () => (await highlighted(other, 'gloss-person')).length).toBe(3);
    // Escape closes the panel and hands focus back to the badge.
    await people.press('Escape');
    await expect.poll(() => panel(page).locator('section.panel').count()).toBe(0);
  });

  it('shows a card for the entity under the pointer and steps through its mentions', async () => {
    const page = await gloss.openPage(SEED);
    await painted(page);
    const box = await page.evaluate(() => {
      const range = [...CSS.highlights.get('gloss-person')!][0] as AbstractRange;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const rect = live.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    const card = panel(page).locator('section.card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByTestId('card-name').textContent()).toBe('Kim Jong Un');
    expect(await card.getByTestId('card-mention').textContent()).toBe('1 of 3 in this article');
    await card.getByRole('button', { name: 'Next mention' }).click();
    await expect.poll(() => card.getByTestId('card-mention').textContent()).toBe('2 of 3 in this article');
    await page.screenshot({ path: join(SHOTS, 'seed-card.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    // Plain text under the pointer: no card.
    const plain = await page.evaluate(() => {
      const rect = document.querySelectorAll('.article__body p')[1]!.getBoundingClientRect();
      return { x: rect.left + 20, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(plain.x, plain.y);
    await page.waitForTimeout(200);
    expect(await card.count()).toBe(0);
  });

  it('keeps the card whole inside a phone-wide window, wherever the name is', async () => {
    const page = await gloss.openPage(SEED);
    await page.setViewportSize({ width: 360, height: 740 });
    await painted(page);
    const card = panel(page).locator('section.card');
    for (const index of [0, 1, 2]) {
      const box = await page.evaluate((i) => {
        const range = [...CSS.highlights.get('gloss-person')!][i] as AbstractRange;
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        live.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const rect = live.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }, index);
      await page.mouse.move(box.x, box.y);
      await expect.poll(() => card.count()).toBe(1);
      const shown = (await card.boundingBox())!;
      expect(shown.x, `mention ${index + 1}`).toBeGreaterThanOrEqual(0);
      expect(shown.x + shown.width, `mention ${index + 1}`).toBeLessThanOrEqual(360);
      await page.keyboard.press('Escape');
      await expect.poll(() => card.count()).toBe(0);
      await page.mouse.move(0, 0);
    }
    await page.close();
  });

  it('opens the entity cards from the keyboard alone, steps through the places, and hands focus back', async () => {
    const page = await gloss.openPage(SEED);
    await painted(page);
    const badge = panel(page).locator('button.badge');
    await badge.focus();
    await page.keyboard.press('Enter');
    const browse = panel(page).locator('button[data-browse="PLACE"]');
    await browse.focus();
    await page.keyboard.press('Enter');
    const card = panel(page).locator('section.card');
    await expect.poll(() => card.count()).toBe(1);
    // The card has focus, so the keys that follow act on it (given in an effect, once it is painted).
    await expect.poll(() => page.evaluate(() => document.querySelector('gloss-panel')!.shadowRoot!.activeElement?.classList.contains('card'))).toBe(true);
    const first = await card.getByTestId('card-name').textContent();
    expect(await card.getByTestId('card-entity').textContent()).toMatch(/^place 1 of \d+$/);
    await card.getByRole('button', { name: 'Next place' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getByTestId('card-entity').textContent()).toMatch(/^place 2 of \d+$/);
    expect(await card.getByTestId('card-name').textContent()).not.toBe(first);
    // Focus stays on the button that stepped, so Enter steps again.
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getByTestId('card-entity').textContent()).toMatch(/^place 3 of \d+$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector('gloss-panel')!.shadowRoot!.activeElement?.getAttribute('data-browse'))).toBe('PLACE');
  });

  it('lists the other spellings of a name on its card', async () => {
    const page = await gloss.openPage(VARIANTS);
    await painted(page);
    await panel(page).locator('button.badge').click();
    await panel(page).locator('button[data-browse="PERSON"]').click();
    const card = panel(page).locator('section.card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByTestId('card-name').textContent()).toBe('Kim Jong Un');
    const variants = await card.getByTestId('card-variants').textContent();
    for (const spelling of ['Kim Chŏng-ŭn', '김정은', 'Kim Jeong-eun']) expect(variants).toContain(spelling);
    expect(await card.getByTestId('card-mention').textContent()).toBe('1 of 4 in this article');
    await page.screenshot({ path: join(SHOTS, 'variants-card.png') });
  });

  it('says on a French page that names are recognized in English only, and marks its dates', async () => {
    const page = await gloss.openPage('/shared/corpus/lemonde-1/source.html');
    await painted(page);
    await panel(page).locator('button.badge').click();
    expect(await panel(page).getByTestId('names-skipped').textContent()).toContain('Names are recognized in English only');
    expect(await highlighted(page, 'gloss-person')).toEqual([]);
    expect((await highlighted(page, 'gloss-date')).length).toBeGreaterThan(0);
    // An English page has no such line.
    const seed = await gloss.openPage(SEED);
    await painted(seed);
    await panel(seed).locator('button.badge').click();
    expect(await panel(seed).getByTestId('names-skipped').count()).toBe(0);
  });

  it('hides everything with one switch', async () => {
    const page = await gloss.openPage(SEED);
    await painted(page);
    await panel(page).locator('button.badge').click();
    await panel(page).locator('input[data-role="hide-all"]').click();
    await expect.poll(() => page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gloss-')))).toEqual([]);
    await panel(page).locator('input[data-role="hide-all"]').click();
    await expect.poll(async () => (await highlighted(page, 'gloss-org')).length).toBeGreaterThan(0);
  });

  it('leaves the page’s layout and DOM alone: same boxes to the pixel, no mutation but its own host', async () => {
    const page = await gloss.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __mutations: string[] }).__mutations = seen;
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __boxes: string[] }).__boxes = [...document.querySelectorAll('article p, article h1')].map((p) =>
          JSON.stringify(p.getBoundingClientRect()),
        );
        new MutationObserver((records) => {
          for (const record of records) {
            const added = [...record.addedNodes].map((n) => n.nodeName).join(',');
            seen.push(`${record.type}:${record.target.nodeName}:${added}`);
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    });
    await page.goto(gloss.origin + SEED);
    await painted(page);
    const { before, after, mutations } = await page.evaluate(() => {
      const w = window as unknown as { __boxes: string[]; __mutations: string[] };
      return {
        before: w.__boxes,
        after: [...document.querySelectorAll('article p, article h1')].map((p) => JSON.stringify(p.getBoundingClientRect())),
        mutations: w.__mutations,
      };
    });
    expect(before.length).toBeGreaterThan(70);
    expect(after).toEqual(before);
    expect(mutations).toEqual(['childList:BODY:GLOSS-PANEL']);
    expect((await highlighted(page, 'gloss-person')).length).toBe(3);
  });

  it("paints through rules on the article's own element, which follow it when the page puts an element before it", async () => {
    const page = await gloss.openPage(SEED);
    await painted(page);
    // Where the rules sit: one element holding the article (rules on :root restyled the whole page).
    const scope = () =>
      page.evaluate(() => {
        const selectors = new Set(
          [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules]).map((rule) => rule.cssText.slice(0, rule.cssText.indexOf('::highlight('))),
        );
        const [selector = ''] = selectors;
        const matched = selector ? [...document.querySelectorAll(selector)] : [];
        return { selectors: selectors.size, selector, matched: matched.length, holdsArticle: matched[0]?.contains(document.querySelector('article p')) ?? false };
      });
    const first = await scope();
    expect(first).toMatchObject({ selectors: 1, matched: 1, holdsArticle: true });
    expect(first.selector).toMatch(/^:root > /);
    // The rules paint: the first person's mention looks different without them.
    const clip = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('gloss-person') ?? [])][0] as AbstractRange;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      live.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const { x, y, width, height } = live.getBoundingClientRect();
      return { x, y, width, height };
    });
    const withRules = await page.screenshot({ clip });
    const sheets = await page.evaluateHandle(() => {
      const kept = document.adoptedStyleSheets;
      document.adoptedStyleSheets = [];
      return kept;
    });
    const without = await page.screenshot({ clip });
    await page.evaluate((kept) => void (document.adoptedStyleSheets = kept), sheets);
    expect(withRules.equals(without)).toBe(false);
    // The page puts an (empty) element before the article: the rules move to where it now sits.
    await page.evaluate(() => document.body.prepend(document.createElement('div')));
    await expect.poll(async () => (await scope()).selector).not.toBe(first.selector);
    expect(await scope()).toMatchObject({ selectors: 1, matched: 1, holdsArticle: true });
    expect((await page.screenshot({ clip })).equals(without)).toBe(false);
    await page.close();
  });

  it("repaints a type in the reader's color, and in Gloss's own once reset", async () => {
    const page = await gloss.openPage(SEED);
    await painted(page);
    const worker = await gloss.worker();
    const setColors = (typeColors: Record<string, string>) =>
      worker.evaluate(async (colors) => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { hiddenTypes: [], hideAll: false, disabledSites: [], ...(settings as object), typeColors: colors } });
      }, typeColors);
    // The rule the page's adopted stylesheets hold for people (the content script adopts them).
    const personRule = () =>
      page.evaluate(
        () =>
          [...document.adoptedStyleSheets]
            .flatMap((sheet) => [...sheet.cssRules])
            .map((rule) => rule.cssText)
            .find((text) => text.includes('::highlight(gloss-person)')) ?? '',
      );
    expect(await personRule()).toContain('rgb(217, 102, 10)');
    await setColors({ PERSON: '#00aa88' });
    await expect.poll(personRule).toContain('rgba(0, 170, 136, 0.2)');
    expect(await personRule()).toContain('rgb(0, 170, 136)');
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    expect((await highlighted(page, 'gloss-person')).length).toBe(3);
    await setColors({});
    await expect.poll(personRule).toContain('rgb(217, 102, 10)');
    await page.close();
  });

  it('goes away from a site the reader turns it off on, and comes back when turned on again', async () => {
    const page = await gloss.openPage(SEED);
    await painted(page);
    await panel(page).locator('button.badge').click();
    await panel(page).getByRole('button', { name: /Never on/ }).click();
    await expect.poll(() => page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gloss-')))).toEqual([]);
    await expect.poll(() => panel(page).count()).toBe(0);
    await page.reload();
    await waitForGloss(page);
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    await expect.poll(() => popup.message().textContent()).toContain('Gloss is off on 127.0.0.1');
    await popup.page.getByTestId('site-on').click();
    const worker = await gloss.worker();
    const disabledSites = () =>
      worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { disabledSites: string[] }).disabledSites);
    await expect.poll(disabledSites).toEqual([]);
    await page.reload();
    await painted(page);
    expect((await highlighted(page, 'gloss-person')).length).toBe(3);
  });

  it.each(corpus)(
    'highlights corpus page %s without errors, only in the article’s text',
    async (name) => {
      const page = await gloss.openPage(`/shared/corpus/${name}/source.html`);
      await painted(page);
      const article = await gloss.articleText(page);
      const all = (
        await Promise.all(['gloss-person', 'gloss-org', 'gloss-place', 'gloss-date', 'gloss-term'].map((n) => highlighted(page, n)))
      ).flat();
      for (const range of all) expect(article!.text.replace(/\n/g, ' ')).toContain(range.text.replace(/\s+/g, ' '));
      if (name === 'bbc-1') {
        await page.evaluate(() => {
          const range = [...(CSS.highlights.get('gloss-person') ?? [])][0] as AbstractRange | undefined;
          range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        });
        await page.screenshot({ path: join(SHOTS, 'bbc-1.png') });
      }
      await page.close();
    },
  );

  it('adds a name to a new watchlist from its card, and marks it as a term here and on every page', async () => {
    const page = await gloss.openPage(VARIANTS);
    await painted(page);
    expect((await highlighted(page, 'gloss-term')).map((r) => r.text)).not.toContain('Kim Jong Un');
    await panel(page).locator('button.badge').click();
    await panel(page).locator('button[data-browse="PERSON"]').click();
    const card = panel(page).locator('section.card');
    await card.getByTestId('card-watchlist').click();
    const picker = card.getByTestId('card-watch');
    // No watchlist yet: a new one, named for the entity's type unless the reader says otherwise.
    await expect.poll(() => picker.locator('select').inputValue()).toBe('');
    // In dark mode its select and text box are dark too, not the browser's light controls on the dark card.
    await page.emulateMedia({ colorScheme: 'dark' });
    const darkness = (element: Element) => {
      const [r = 255, g = 255, b = 255] = (getComputedStyle(element).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
      return (r + g + b) / 3;
    };
    expect(await picker.locator('select').evaluate(darkness)).toBeLessThan(128);
    expect(await picker.getByLabel('Name').evaluate(darkness)).toBeLessThan(128);
    await page.emulateMedia({ colorScheme: null });
    // Each label sits on its control's row, before it.
    for (const [label, control] of [['Watchlist', picker.locator('select')], ['Name', picker.getByLabel('Name')]] as const) {
      const [own, its] = [await picker.getByText(label, { exact: true }).boundingBox(), await control.boundingBox()];
      expect(own!.x + own!.width).toBeLessThanOrEqual(its!.x);
      expect(Math.abs(own!.y + own!.height / 2 - (its!.y + its!.height / 2))).toBeLessThan(its!.height / 2);
    }
    await picker.getByLabel('Name').fill('Leadership');
    await picker.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => picker.getByRole('status').textContent()).toBe('Added “Kim Jong Un” to Leadership.');
    // The article is read again with the list: every spelling of the name is now a term too,
    // and the card stays open on its mention to say so.
    await expect.poll(async () => (await highlighted(page, 'gloss-term')).map((r) => r.text).sort()).toEqual(
      expect.arrayContaining(['Kim Chŏng-ŭn', 'Kim Jeong-eun', 'Kim Jong Un', '김정은']),
    );
    expect(await card.getByTestId('card-name').textContent()).toBe('Kim Jong Un');
    await page.screenshot({ path: join(SHOTS, 'watchlist-card.png') });
    // Adding it again says so and writes nothing.
    await picker.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => picker.getByRole('status').textContent()).toBe('“Kim Jong Un” is already in Leadership.');
    // Another page: the name is a term there too.
    const seed = await gloss.openPage(SEED);
    await painted(seed);
    expect((await highlighted(seed, 'gloss-term')).filter((r) => r.text === 'Kim Jong Un')).toHaveLength(3);
  });

  it('throws no error from Gloss’s code', () => {
    expect(gloss.errors).toEqual([]);
  });
});
