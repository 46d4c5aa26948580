import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { describeText } from '@/utils/anchoring/selectors';
import { textHash } from '@/utils/text/hash';
import { FIXTURE_PAGES } from '../../scripts/lib/paths.mjs';
import { serve } from '../../scripts/lib/serve.mjs';
import { paintedInCaption } from './support/editor-page';
import { startGloss, waitForGloss, type GlossBrowser } from './support/gloss-browser';

/**
 * A quote the page repeats in a photo caption, highlighted, then the page served edited at the
 * same address and reloaded: the highlight is never painted on the other copy. The body's
 * highlight after a word or the punctuation of the quote changed stays on the body; after its
 * paragraph was removed it is an orphan (listed as one), not moved onto the caption; the caption's
 * own highlight, the caption removed, is an orphan, not moved onto the body. Each orphan's other
 * copy is offered in the popup, and "Attach here" (the reader's choice) paints it there. The pages are files
 * in a folder served by a server of this test, rewritten between loads (the server reads them on
 * every request).
 */
const QUOTE = 'after an unusually dry winter left seedbeds short of water';
const CAPTION = `<figure><figcaption>Nurseries in the north ${QUOTE} (Photo: Test Desk)</figcaption></figure>`;
const base = readFileSync(join(FIXTURE_PAGES, 'article-v1.html'), 'utf8')
  // The page is its own article (its own address), so each case is a separate article.
  .replace(/<link rel="canonical"[^>]*>\n/, '');
const firstParagraph = /<p>The Ministry of Land[^]*?<\/p>/;
const original = base.replace(firstParagraph, (p) => `${p}\n      ${CAPTION}`);

const CASES: { name: string; on: 'body' | 'caption'; edit: (html: string) => string; expected: string | null }[] = [
  {
    name: 'a word of the quote changed',
    on: 'body',
    edit: (html) => html.replace(firstParagraph, (p) => p.replace('unusually dry winter', 'unusually harsh winter')),
    expected: 'after an unusually harsh winter left seedbeds short of water',
  },
  {
    name: 'the punctuation of the quote changed',
    on: 'body',
    edit: (html) => html.replace(firstParagraph, (p) => p.replace('dry winter left seedbeds', 'dry winter, left seedbeds')),
    expected: 'after an unusually dry winter, left seedbeds short of water',
  },
  { name: 'its paragraph removed', on: 'body', edit: (html) => html.replace(firstParagraph, ''), expected: null },
  { name: 'the caption removed', on: 'caption', edit: (html) => html.replace(CAPTION, ''), expected: null },
];

describe('e2e/anchoring-repeats', () => {
  let gloss: GlossBrowser;
  let server: Awaited<ReturnType<typeof serve>>;
  const folder = mkdtempSync(join(tmpdir(), 'gloss-repeats-'));
  beforeAll(async () => {
    gloss = await startGloss();
    server = await serve({ '/news/': folder });
  });
  afterAll(async () => {
    await gloss?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });


  const store = (records: AnnotationRecord[]) => gloss.putRecords('annotations', records);

  for (const [i, { name, on, edit, expected }] of CASES.entries()) {
    it(`${on === 'body' ? 'the body’s highlight' : 'the caption’s highlight'}, ${name}: ${expected ? 'stays on the body' : 'an orphan, offered the other copy in the popup'}, never moved there unasked`, async () => {
      const file = `story-${i}.html`;
      writeFileSync(join(folder, file), original);
      const page = await gloss.context.newPage();
      await page.goto(`${server.origin}/news/${file}`);
      await waitForGloss(page);
      const article = (await gloss.articleText(page))!;
      const copies = [...article.text.matchAll(new RegExp(QUOTE, 'g'))].map((m) => m.index!);
      expect(copies.length, 'the quote is in the body and in the caption').toBe(2);
      const bodyFirst = article.text.indexOf('The Ministry of Land') < article.text.indexOf('Nurseries in the north');
      const start = on === 'body' ? copies[bodyFirst ? 0 : 1]! : copies[bodyFirst ? 1 : 0]!;
      const { quote, position } = describeText(article.text, start, start + QUOTE.length);
      const id = `repeat-${i}`;
      await store([{ id, articleId: article.articleId, quote, position, color: 'yellow', note: '', tags: [], createdAt: 1, updatedAt: 1, rev: 1, textHash: textHash(article.text) }]);
      await page.reload();
      await waitForGloss(page);
      await expect.poll(() => paintedInCaption(page), { timeout: 10_000 }).toEqual([{ text: QUOTE, inCaption: on === 'caption' }]);

      writeFileSync(join(folder, file), edit(original));
      await page.reload();
      await waitForGloss(page);
      if (expected) {
        await expect.poll(() => paintedInCaption(page), { timeout: 10_000 }).toEqual([{ text: expected, inCaption: false }]);
        expect((await gloss.articleText(page))!.orphans).toEqual([]);
      } else {
        await expect.poll(async () => (await gloss.articleText(page))?.orphans, { timeout: 10_000 }).toEqual([id]);
        expect(await paintedInCaption(page)).toEqual([]);
        await page.locator('gloss-panel').locator('.badge').click();
        await expect.poll(() => page.locator('gloss-panel').getByTestId('orphans').textContent()).toContain('1 of your highlights no longer found');

        // The popup offers the other copy; only the reader's "Attach here" puts the highlight there.
        const popup = await gloss.openPopup(await gloss.tabIdOf(page));
        const offer = popup.page.locator(`[data-testid="popup-orphans"] [data-id="${id}"] [data-testid="popup-offer"]`);
        await expect.poll(() => offer.textContent(), { timeout: 10_000 }).toContain(`Still on the page: “${QUOTE}”`);
        expect(await paintedInCaption(page)).toEqual([]);
        await popup.page.bringToFront();
        await offer.getByRole('button', { name: 'Attach here' }).click();
        await expect.poll(() => paintedInCaption(page), { timeout: 10_000 }).toEqual([{ text: QUOTE, inCaption: on === 'body' }]);
        expect((await gloss.articleText(page))!.orphans).toEqual([]);
        await expect.poll(() => popup.page.getByTestId('popup-orphans').count()).toBe(0);
        await expect.poll(() => popup.page.locator(`[data-testid="popup-notes"] [data-id="${id}"]`).count()).toBe(1);
        // Stored there: the reload places it on that copy by itself.
        await page.reload();
        await waitForGloss(page);
        await expect.poll(() => paintedInCaption(page), { timeout: 10_000 }).toEqual([{ text: QUOTE, inCaption: on === 'body' }]);
        await popup.page.close();
      }
      await page.close();
    });
  }

  it('raised no error in Gloss', () => {
    expect(gloss.errors).toEqual([]);
  });
});
