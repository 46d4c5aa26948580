import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGloss, waitForGloss, waitForStep, type GlossBrowser } from './support/gloss-browser';

/** A long article page of about `megabytes` MB, made of distinct paragraphs. */
function bigArticle(megabytes: number): string {
  const paragraph = (i: number) =>
    `<p>Paragraph ${i} of a very long report on regional development, with enough words in it to read as prose and to keep the page well above the readerable threshold.</p>`;
  const count = Math.ceil((megabytes * 1024 * 1024) / paragraph(0).length);
  const body = Array.from({ length: count }, (_, i) => paragraph(i)).join('\n');
  return `<!doctype html><html lang="en"><head><title>Long report</title></head><body><article><h1>Long report</h1>${body}</article></body></html>`;
}

describe('e2e/bad-input', () => {
  let gloss: GlossBrowser;
  beforeAll(async () => {
    gloss = await startGloss();
    const pages: Record<string, string> = {
      '/generated/5mb.html': bigArticle(5),
      '/generated/20mb.html': bigArticle(20),
      '/generated/frame.html':
        '<!doctype html><html><body><p>Host page.</p><iframe src="/fixtures/article-v1.html" width="800" height="600"></iframe></body></html>',
    };
    await gloss.context.route(/\/generated\//, (route) =>
      route.fulfill({ contentType: 'text/html', body: pages[new URL(route.request().url()).pathname] ?? 'missing' }),
    );
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it('reads a 5 MB article', async () => {
    const page = await gloss.openPage('/generated/5mb.html');
    const article = await gloss.articleText(page);
    expect(article!.text).toContain('Paragraph 0 of a very long report');
    expect(article!.missed).toBe(0);
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    await expect.poll(() => popup.title().textContent(), { timeout: 15_000 }).toBe('Long report');
  });

  it('says a page too large to read is too large, and reads nothing', async () => {
    const page = await gloss.openPage('/generated/20mb.html');
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    await expect.poll(() => popup.message().textContent()).toContain('too large');
    expect(await gloss.articleText(page)).toBeNull();
  });

  it('survives a page that navigates away while its article is being extracted', async () => {
    const page = await gloss.context.newPage();
    await page.goto(gloss.origin + '/generated/5mb.html', { waitUntil: 'domcontentloaded' });
    await waitForStep(page, 'gloss:article-detected');
    await page.goto(gloss.origin + '/fixtures/article-v2.html');
    await waitForGloss(page);
    expect((await gloss.articleText(page))!.text).toContain('unusually dry winter');
  });

  it('leaves frames alone: only the top page is read', async () => {
    const page = await gloss.openPage('/generated/frame.html');
    const frame = page.frames().find((f) => f.url().includes('article-v1'))!;
    await frame.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await gloss.steps(page, frame.url())).toBeNull();
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    await expect.poll(() => popup.message().textContent()).toContain('No article found on this page');
  });

  it('throws no error from Gloss’s code', () => {
    expect(gloss.errors).toEqual([]);
  });
});
