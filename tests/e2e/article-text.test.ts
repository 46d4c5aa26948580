import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePage } from '@/utils/article/extract';
import type { Page } from 'playwright-core';
import { CORPUS_DIR, FIXTURE_PAGES } from '../../scripts/lib/paths.mjs';
import { offlineParser } from '../../scripts/lib/offline-parser.mjs';
import { overlap } from '../support/word-overlap';
import { startGloss, waitForGloss, type GlossBrowser } from './support/gloss-browser';

const SEED = '/shared/seed/kcna-songchon-speech.html';
const corpus = readdirSync(CORPUS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Client-side navigation as a single-page app does it: new body, new address, no load. */
async function navigateInPage(page: Page, fixture: string): Promise<void> {
  const html = readFileSync(join(FIXTURE_PAGES, fixture), 'utf8');
  await page.evaluate(
    ([next, path]) => {
      const doc = new DOMParser().parseFromString(next, 'text/html');
      document.body.replaceWith(document.adoptNode(doc.body));
      history.pushState({}, '', path);
    },
    [html, `/fixtures/${fixture}?spa=1`] as const,
  );
}

describe('e2e/article-text', () => {
  let gloss: GlossBrowser;
  beforeAll(async () => {
    gloss = await startGloss();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it('reads the seed article’s headline, its dateline and 75 body paragraphs in order, and nothing around them', async () => {
    const page = await gloss.openPage(SEED);
    const article = await gloss.articleText(page);
    const { headline, dateline, paragraphs, chrome } = await page.evaluate(() => {
      const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
      const lines = (selector: string) =>
        [...document.querySelectorAll(selector)].flatMap((element) =>
          (element as HTMLElement).innerText.split('\n').map(squash).filter((line) => line.length > 3),
        );
      return {
        headline: squash(document.querySelector('h1')!.textContent ?? ''),
        // The short line between headline and text (date, source) that Readability drops.
        dateline: squash(document.querySelector('.article__meta')!.textContent ?? ''),
        paragraphs: [...document.querySelectorAll('.article__body p')].map((p) => squash(p.textContent ?? '')),
        chrome: lines('.site-header, .breadcrumb, .sidebar, .share-bar, .site-footer, .cookie'),
      };
    });
    expect(paragraphs).toHaveLength(75);
    expect(article!.text.split('\n')).toEqual([headline, dateline, ...paragraphs]);
    expect(chrome.length).toBeGreaterThan(10);
    for (const line of chrome) expect(article!.text).not.toContain(line);
    expect(article!.missed).toBe(0);
  });

  it('finds the seed article’s people, places and policy terms in the background', async () => {
    const page = await gloss.openPage(SEED);
    await expect.poll(async () => (await gloss.articleText(page))?.entities.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(20);
    const { text, entities } = (await gloss.articleText(page))!;
    const surfaces = (type: string) => entities.filter((e) => e.type === type).map((e) => text.slice(e.start, e.end));
    expect(surfaces('PERSON').filter((s) => s === 'Kim Jong Un')).toHaveLength(text.split('Kim Jong Un').length - 1);
    expect(surfaces('PLACE')).toContain('Songchon County');
    expect(surfaces('TERM')).toContain('Regional Development 20×10 Policy');
    expect(surfaces('ORG')).toContain('Party Central Committee');
    expect(Object.keys((await gloss.steps(page)) ?? {})).toEqual(expect.arrayContaining(['gloss:entities', 'gloss:recognize']));
  });

  it.each(corpus)('reads corpus page %s: at least 95 percent of Readability’s words, at most 5 percent from elsewhere', async (name) => {
    const path = `/shared/corpus/${name}/source.html`;
    const page = await gloss.openPage(path);
    const article = await gloss.articleText(page);
    const html = readFileSync(join(CORPUS_DIR, name, 'source.html'), 'utf8');
    const reference = new Readability(parsePage(html, gloss.origin + path, offlineParser())).parse()?.textContent ?? '';
    const { covered, extra } = overlap(reference, article!.text);
    expect(covered).toBeGreaterThanOrEqual(0.95);
    expect(extra).toBeLessThanOrEqual(0.05);
    await page.close();
  });

  it.each([
    ['korean-article.html', '지방발전 20×10 정책', '지난주 주요 기사'],
    ['arabic-article.html', 'أعلنت وزارة الاقتصاد يوم الثلاثاء', 'الأكثر قراءة اليوم'],
  ])('reads the non-Latin page %s', async (file, inArticle, inSidebar) => {
    const page = await gloss.openPage(`/fixtures/${file}`);
    const article = await gloss.articleText(page);
    expect(article!.text).toContain(inArticle);
    expect(article!.text).not.toContain(inSidebar);
    expect(article!.text.split('\n')).toHaveLength(7); // the headline and six paragraphs
  });

  it('reads a late paragraph the page adds to the article', async () => {
    const page = await gloss.openPage('/fixtures/article-v1.html');
    const before = await gloss.articleText(page);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Update: the ministry later said the planting period would also start early in the south.';
      document.querySelector('article')!.append(p);
    });
    await expect
      .poll(async () => (await gloss.articleText(page))?.text, { timeout: 10_000 })
      .toBe(before!.text + '\nUpdate: the ministry later said the planting period would also start early in the south.');
  });

  it('ignores changes outside the article', async () => {
    const page = await gloss.openPage('/fixtures/article-v1.html');
    await page.evaluate(() => document.querySelector('footer')!.append(' Advertisement that changed.'));
    await page.waitForTimeout(1500);
    const rereads = Object.keys((await gloss.steps(page)) ?? {}).filter((name) => name.startsWith('gloss-reread:')).length;
    expect(rereads).toBe(0);
  });

  it('reads the new article after client-side navigation', async () => {
    const page = await gloss.openPage('/fixtures/article-v1.html');
    await navigateInPage(page, 'korean-article.html');
    await expect.poll(async () => (await gloss.articleText(page))?.text ?? '', { timeout: 10_000 }).toContain('지방발전 20×10 정책');
  });

  it('starts on an article a page that was not one navigates to on the client', async () => {
    const page = await gloss.openPage('/fixtures/non-article.html');
    await navigateInPage(page, 'article-v1.html');
    await expect
      .poll(async () => (await gloss.articleText(page))?.text ?? '', { timeout: 10_000 })
      .toContain('after an unusually dry winter left seedbeds short of water');
  });

  it('does nothing more than the readerable check on a page that is not an article', async () => {
    const page = await gloss.openPage('/fixtures/non-article.html');
    await waitForGloss(page);
    expect(await gloss.articleText(page)).toBeNull();
    expect(await gloss.steps(page)).toEqual({ 'gloss:readerable': 1 });
  });

  it('throws no error from Gloss’s code', () => {
    expect(gloss.errors).toEqual([]);
  });
});
