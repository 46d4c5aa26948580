import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeText } from '@/utils/anchoring/selectors';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { textHash } from '@/utils/text/hash';
import { startGloss, waitForGloss, type GlossBrowser } from './support/gloss-browser';

/**
 * The reader's stored annotations come back on the page, on the same text, even after the outlet
 * changed the article; what can no longer be found is an orphan. (Annotations are put straight
 * into the extension's database here: the toolbar that makes them is not built yet.)
 */
describe('e2e/notes', () => {
  let gloss: GlossBrowser;
  beforeAll(async () => {
    gloss = await startGloss();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  const noteTexts = (page: import('playwright-core').Page) =>
    page.evaluate(() =>
      [...(CSS.highlights.get('gloss-note-yellow') ?? [])].map((range) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        return live.toString();
      }),
    );

  it('anchors stored annotations on a later visit, after the headline changed, and orphans a lost one', async () => {
    const first = await gloss.openPage('/fixtures/article-v1.html');
    const article = (await gloss.articleText(first))!;
    const make = (quote: string, id: string): AnnotationRecord => {
      const start = article.text.indexOf(quote);
      const { quote: q, position } = describeText(article.text, start, start + quote.length);
      return { id, articleId: article.articleId, quote: q, position, color: 'yellow', note: 'n', tags: [], createdAt: 1, updatedAt: 1, textHash: textHash(article.text), rev: 1 };
    };
    const kept = make('after an unusually dry winter left seedbeds short of water', 'kept');
    // A passage the outlet has since deleted: its quote is nowhere in the article any more.
    const lost = make('survival rates of young trees had fallen', 'lost');
    lost.quote.exact = 'a passage the outlet later deleted entirely';
    await gloss.putRecords('annotations', [kept, lost]);

    // Same article (same canonical link), new headline: offsets moved, the passage did not.
    const later = await gloss.openPage('/fixtures/article-v2.html');
    await waitForGloss(later);
    await expect.poll(() => noteTexts(later), { timeout: 10_000 }).toEqual(['after an unusually dry winter left seedbeds short of water']);
    const placed = (await gloss.articleText(later))!;
    expect(placed.notes.map((n) => [n.id, n.changed])).toEqual([['kept', true]]);
    expect(placed.orphans).toEqual(['lost']);

    // The orphan is listed, with its quote and note, in the page panel and in the popup.
    await later.locator('gloss-panel').locator('.badge').click();
    await expect.poll(() => later.locator('gloss-panel').getByTestId('orphans').textContent()).toContain('1 of your highlights no longer found');
    const popup = await gloss.openPopup(await gloss.tabIdOf(later));
    const orphans = popup.page.getByTestId('popup-orphans');
    await expect.poll(() => orphans.textContent()).toContain('a passage the outlet later deleted entirely');
    expect(await popup.page.getByTestId('popup-notes').textContent()).toContain('article changed');
    await popup.page.close();
    expect(gloss.errors).toEqual([]);
  });
});
