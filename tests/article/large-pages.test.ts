import { describe, expect, it } from 'vitest';
import { alignTexts } from '@/utils/article/align';
import { chunkSteps, type Chunk } from '@/utils/article/live-chunks';
import { locateArticle, locateArticleWithin, locateSteps } from '@/utils/article/locate-article';
import { holdsMoreTextNodes } from '@/utils/article/page-size';
import { buildTextModel } from '@/utils/text/build-text-model';
import { PageTooLargeError, WorkBudget, runNow } from '@/utils/text/work-budget';

/**
 * Locating the article on pages far larger than any article: every pass is a loop (no
 * recursion over the page, no spread of a page-sized list), and a work budget stops it.
 */

/** A page whose article is one paragraph of `count` text nodes (comments keep them apart). */
function pageOfTextNodes(count: number): { doc: Document; texts: string[] } {
  const doc = document.implementation.createHTMLDocument('t');
  const p = doc.createElement('p');
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = `w${i.toString(36)} `;
    texts.push(text);
    p.append(doc.createTextNode(text), doc.createComment(''));
  }
  doc.body.append(doc.createElement('article'));
  doc.querySelector('article')!.append(p);
  return { doc, texts };
}

describe('article/locate-article on very large pages', () => {
  // (A page of 150,000 nodes, past what a spread into Math.min can take, is too slow to build in
  // happy-dom; the browser test reads a million, and this aligns a million texts without a DOM.)
  it('aligns a million texts in order, in linear time', () => {
    const count = 1_000_000;
    // Every other text is the same letter (matched in order between unique neighbours).
    const texts = Array.from({ length: count }, (_, i) => (i % 2 ? 'x' : `w${i}`));
    const chunks: Chunk[] = [{ nodes: [], text: 'header' }, ...texts.map((text) => ({ nodes: [], text }))];
    const { matches, matched, missed } = alignTexts(texts, chunks);
    expect(matched).toBe(count);
    expect(missed).toBe(0);
    expect(matches[0]).toBe(1);
    expect(matches[count - 1]).toBe(count);
  }, 60_000);

  it('reads an article nested deeper than the call stack goes', () => {
    const doc = document.implementation.createHTMLDocument('t');
    let parent: Element = doc.body;
    for (let i = 0; i < 20_000; i++) {
      const div = doc.createElement('div');
      parent.append(div);
      parent = div;
    }
    parent.append('Deep down.');
    expect(buildTextModel(doc.body).text).toBe('Deep down.');
  }, 60_000);

  it('gives up past its budget with "too large", handing the thread back between slices', async () => {
    const { doc, texts } = pageOfTextNodes(20_000);
    let clock = 0;
    let pauses = 0;
    // Each look at the clock finds 10 ms more of work: slices of 30 ms, 200 ms in all.
    const budget = new WorkBudget({ totalMs: 200, sliceMs: 30, checkEvery: 100, now: () => (clock += 10), pause: async () => void pauses++ });
    await expect(locateArticleWithin(budget, doc, texts)).rejects.toBeInstanceOf(PageTooLargeError);
    expect(pauses).toBeGreaterThan(3);
  }, 60_000);

  it('locates within a budget the page fits in, in several tasks', async () => {
    const { doc, texts } = pageOfTextNodes(20_000);
    let pauses = 0;
    let clock = 0;
    const budget = new WorkBudget({ totalMs: 1e9, sliceMs: 30, checkEvery: 100, now: () => (clock += 10), pause: async () => void pauses++ });
    const located = (await locateArticleWithin(budget, doc, texts))!;
    expect(located.matched).toBe(20_000);
    expect(pauses).toBeGreaterThan(100);
  }, 60_000);

  it('counts a page’s text nodes only up to the limit', () => {
    const { doc } = pageOfTextNodes(1000);
    expect(runNow(holdsMoreTextNodes(doc.documentElement, 999))).toBe(true);
    expect(runNow(holdsMoreTextNodes(doc.documentElement, 1001))).toBe(false);
  });

  it('reads the chunks only up to the limit: past it, none', () => {
    const { doc } = pageOfTextNodes(1000);
    expect(runNow(chunkSteps(doc.body, 999))).toBeNull();
    expect(runNow(chunkSteps(doc.body, 1001))?.length).toBe(1000);
  });

  it('locates the same article from chunks read beforehand as from a fresh walk', () => {
    const { doc, texts } = pageOfTextNodes(500);
    const chunks = runNow(chunkSteps(doc.body))!;
    const given = runNow(locateSteps(doc, texts, '', chunks))!;
    const fresh = locateArticle(doc, texts)!;
    expect([given.matched, given.model.text]).toEqual([fresh.matched, fresh.model.text]);
    expect(given.matched).toBe(500);
  });
});
