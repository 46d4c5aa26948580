import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGloss, type GlossBrowser } from './support/gloss-browser';

describe('e2e/privacy', () => {
  let gloss: GlossBrowser;
  beforeAll(async () => {
    gloss = await startGloss();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it("keeps Gloss's database out of the page's reach", async () => {
    const page = await gloss.openPage('/shared/seed/kcna-songchon-speech.html');
    const worker = await gloss.worker();
    const extensionSide = await worker.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(extensionSide).toContain('gloss');
    const pageSide = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(pageSide.filter((name) => name?.includes('gloss'))).toEqual([]);
  });

  it('refuses malformed and misdirected messages and writes nothing', async () => {
    const page = await gloss.openPage('/fixtures/non-article.html');
    const popup = await gloss.openPopup(await gloss.tabIdOf(page));
    const worker = await gloss.worker();
    const count = () =>
      worker.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('gloss');
            open.onsuccess = () => {
              const request = open.result.transaction('articles').objectStore('articles').count();
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            };
          }),
      );
    const before = await count();

    expect(await popup.sendRaw({ hello: 'world' })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await popup.sendRaw({ gloss: 1, type: 'dropTables', payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
    // extractArticle is for content scripts only: from an extension page it is refused.
    const html = '<html><body>' + '<p>text of an article. '.repeat(200) + '</body></html>';
    expect(
      await popup.sendRaw({
        gloss: 1,
        type: 'extractArticle',
        payload: { html, url: 'https://evil.example/a', canonicalUrl: null },
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await count()).toBe(before);
  });
});
