import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { extractArticle, parsePage } from '@/utils/article/extract';
import { liveChunks } from '@/utils/article/live-chunks';
import { locateArticle } from '@/utils/article/locate-article';
import { CORPUS_DIR, FIXTURE_PAGES, SHARED } from '../../scripts/lib/paths.mjs';
import { offlineParser } from '../../scripts/lib/offline-parser.mjs';
import { overlap } from '../support/word-overlap';

const URL_OF = 'http://fakehost/test/page.html';

/** The page as the content script sees it (live), and what comes back from the extension for it. */
function locate(html: string) {
  const live = offlineParser().parseFromString(html, 'text/html');
  const copy = parsePage(live.documentElement.outerHTML, URL_OF, offlineParser());
  const extract = extractArticle(copy);
  const readability = new Readability(parsePage(html, URL_OF, offlineParser())).parse();
  const located = extract && locateArticle(live, extract.texts, extract.meta.title);
  return { live, extract, located, reference: readability?.textContent ?? '' };
}

const corpus = readdirSync(CORPUS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('article/locate-article', () => {
  it.each(corpus)('finds Readability’s article text in the live DOM of corpus page %s', (name) => {
    const { located, reference } = locate(readFileSync(join(CORPUS_DIR, name, 'source.html'), 'utf8'));
    expect(located).not.toBeNull();
    const { covered, extra } = overlap(reference, located!.model.text);
    expect(covered).toBeGreaterThanOrEqual(0.95);
    expect(extra).toBeLessThanOrEqual(0.05);
    // Its region's text, taken from the body's chunks, is what a walk of the region reads.
    expect(located!.regionText).toBe(liveChunks(located!.root).map((chunk) => chunk.text).join(''));
  });

  describe('on the seed page', () => {
    const html = readFileSync(join(SHARED, 'seed/kcna-songchon-speech.html'), 'utf8');
    const { live, located } = locate(html);
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    const paragraphs = [...live.querySelectorAll('.article__body p')].map((p) => squash(p.textContent ?? ''));

    it('reads the headline first, though Readability leaves it out of its content', () => {
      expect(located!.model.paragraphs()[0]).toBe(squash(live.querySelector('h1')!.textContent ?? ''));
    });

    it('reads the date and source line between the headline and the text, which Readability leaves out too', () => {
      expect(located!.model.paragraphs()[1]).toBe('Date: 29/02/2024 | Source: Chongnyon Chonwi (EN) | Read original version at source');
    });

    it('holds all 75 body paragraphs, in order, each as a paragraph of its own', () => {
      expect(paragraphs).toHaveLength(75);
      const model = located!.model.paragraphs();
      let cursor = 0;
      for (const paragraph of paragraphs) {
        const at = model.indexOf(paragraph, cursor);
        expect(at, paragraph.slice(0, 60)).toBeGreaterThanOrEqual(cursor);
        cursor = at + 1;
      }
    });

    it('holds none of the header, breadcrumb, sidebar, share bar, footer or cookie text', () => {
      const text = located!.model.text;
      for (const selector of ['.site-header', '.breadcrumb', '.sidebar', '.share-bar', '.site-footer', '.cookie']) {
        for (const element of live.querySelectorAll(selector)) {
          for (const line of (element.textContent ?? '').split('\n').map((l) => l.trim()).filter((l) => l.length > 3)) {
            expect(text, `${selector}: ${line}`).not.toContain(line);
          }
        }
      }
    });

    it('found every text Readability kept', () => {
      expect(located!.missed).toBe(0);
    });
  });

  it('locates text the page split into adjacent nodes', () => {
    const live = document.implementation.createHTMLDocument('t');
    live.body.innerHTML = '<nav>Home</nav><article><p>placeholder</p></article>';
    const p = live.querySelector('p')!;
    p.textContent = '';
    p.append('The respected Comrade ', 'Kim Jong Un made a speech ', 'in Songchon County on Feb. 28.');
    const located = locateArticle(live, ['The respected Comrade Kim Jong Un made a speech in Songchon County on Feb. 28.']);
    expect(located!.model.text).toBe('The respected Comrade Kim Jong Un made a speech in Songchon County on Feb. 28.');
    expect(located!.model.nodes).toHaveLength(3);
  });

  it('prefers the article’s copy of a text over an earlier duplicate in the page chrome', () => {
    const live = document.implementation.createHTMLDocument('t');
    live.body.innerHTML =
      '<aside><p>Short.</p><p>A teaser line repeated from the story below.</p></aside>' +
      '<article><p>First unique paragraph of the article body.</p><p>Short.</p>' +
      '<p>A teaser line repeated from the story below.</p><p>Last unique paragraph of the body.</p></article>';
    const texts = [
      'First unique paragraph of the article body.',
      'Short.',
      'A teaser line repeated from the story below.',
      'Last unique paragraph of the body.',
    ];
    const located = locateArticle(live, texts)!;
    expect(located.model.paragraphs()).toEqual(texts);
    expect(live.querySelector('aside')!.contains(located.model.nodes[1]!)).toBe(false);
  });

  it('returns null when none of the texts is in the page', () => {
    const live = document.implementation.createHTMLDocument('t');
    live.body.innerHTML = '<p>Something else entirely.</p>';
    expect(locateArticle(live, ['Not on this page.'])).toBeNull();
  });
});

describe('article/locate-article on non-Latin pages', () => {
  it.each([
    ['korean-article.html', '지방발전 20×10 정책', '지난주 주요 기사'],
    ['arabic-article.html', 'أعلنت وزارة الاقتصاد يوم الثلاثاء', 'الأكثر قراءة اليوم'],
  ])('reads %s whole and without its sidebar', (file, inArticle, inSidebar) => {
    const html = readFileSync(join(FIXTURE_PAGES, file), 'utf8');
    const { located, reference } = locate(html);
    expect(located!.model.text).toContain(inArticle);
    expect(located!.model.text).not.toContain(inSidebar);
    expect(located!.model.paragraphs()).toHaveLength(7); // the headline and six paragraphs
    expect(overlap(reference, located!.model.text).covered).toBe(1);
  });
});
