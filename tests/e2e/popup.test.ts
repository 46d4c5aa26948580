import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGloss, type GlossBrowser } from './support/gloss-browser';

const SEED = '/shared/seed/kcna-songchon-speech.html';

describe('e2e/popup', () => {
  let gloss: GlossBrowser;
  beforeAll(async () => {
    gloss = await startGloss();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it("shows the seed article's title, outlet, date and byline", async () => {
    const page = await gloss.openPage(SEED);
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    await expect.poll(() => popup.title().textContent()).toBe(
      'Respected Comrade Kim Jong Un Makes Speech at Ground Breaking Ceremony for Regional-industry Factories in Songchon County',
    );
    expect(await popup.outlet().textContent()).toBe('KCNA Watch');
    expect(await popup.date().getAttribute('datetime')).toBe('2024-05-20T09:14:00+09:00');
    expect(await popup.date().textContent()).toMatch(/2024/);
    expect(await popup.byline().textContent()).toBe('Chongnyon Chonwi (EN)');
  });

  it('says "No article found" on a page that is not an article', async () => {
    const page = await gloss.openPage('/fixtures/non-article.html');
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    await expect.poll(() => popup.message().textContent()).toContain('No article found on this page');
  });

  it("says Gloss can't run on a browser page", async () => {
    const worker = await gloss.worker();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.create({ url: 'chrome://version' })).id!);
    const popup = await gloss.openPopup(tabId);
    await expect.poll(() => popup.message().textContent()).toContain("Gloss can't run on this page");
  });

  it('follows the database live when the article is recorded again', async () => {
    const first = await gloss.openPage('/fixtures/article-v1.html');
    const popup = await gloss.openPopup(await gloss.tabIdOf(first));
    await expect.poll(() => popup.title().textContent()).toBe('Reforestation campaign moves spring planting forward');
    // Same canonical article, new headline, read in another tab: the open popup follows.
    await gloss.openPage('/fixtures/article-v2.html');
    await expect
      .poll(() => popup.title().textContent())
      .toBe('Reforestation campaign brings planting forward by two weeks');
  });

  it('makes no network request of its own and throws no error', () => {
    expect(gloss.errors).toEqual([]);
    expect(gloss.extensionRequests).toEqual([]);
  });
});
