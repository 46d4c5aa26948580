import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditorPage } from './support/editor-page';
import { startGloss, waitForStep, type GlossBrowser } from './support/gloss-browser';

/**
 * Pages that would wear Gloss down: one of a million text nodes, and one whose article never
 * stops changing. Neither may stop Gloss from answering the reader's other tabs, or make it read
 * and record the same page without end.
 */
const SEED = '/shared/seed/kcna-songchon-speech.html';

/**
 * An article of `nodes` text nodes (a word, then a bold letter, over and over: about 8 MB of
 * HTML for a million), built by a script in the page (the HTML parser takes far longer); the
 * paragraphs are laid out only when on screen, as long pages do, or Chromium alone takes minutes.
 */
function manyNodes(nodes: number): string {
  const build = `
    const article = document.querySelector('article');
    const all = document.createDocumentFragment();
    for (let p = 0; p < ${nodes / 100}; p++) {
      const paragraph = document.createElement('p');
      for (let i = 0; i < 50; i++) {
        const bold = document.createElement('b');
        bold.textContent = 'x';
        paragraph.append('w' + (p * 100 + i).toString(36) + ' ', bold);
      }
      all.append(paragraph);
    }
    article.append(all);`;
  return `<!doctype html><html lang="en"><head><title>Many nodes</title><style>p { content-visibility: auto; contain-intrinsic-size: auto 60px; }</style></head><body><article><h1>Many nodes</h1></article><script>${build}</script></body></html>`;
}

const PROSE =
  'The committee met again on Tuesday to review the regional water plan, and its members spoke at length about the reservoirs, the canals and the farms that depend on them.';

/**
 * An article that a script changes every 1.5 s, forever (just longer than Gloss waits for a page
 * to settle): `grow` appends a new paragraph each time (the text really changes); otherwise the
 * article is rendered again with the same text (new nodes, same words).
 */
function restless(grow: boolean): string {
  const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>${PROSE} Paragraph ${i}.</p>`).join('');
  const script = grow
    ? `let n = 0; setInterval(() => { const p = document.createElement('p'); p.textContent = 'Update ' + (++n) + ': ' + ${JSON.stringify(PROSE)}; document.querySelector('article').append(p); }, 1500);`
    : `setInterval(() => { const a = document.querySelector('article'); a.replaceChildren(...[...a.children].map((c) => c.cloneNode(true))); }, 1500);`;
  return `<!doctype html><html lang="en"><head><title>Restless</title></head><body><article><h1>Restless</h1>${paragraphs}</article><script>${script}</script></body></html>`;
}

/** Counts, in the background, the pages handed over for extraction (each is one full reading). */
async function countExtractions(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { extractions?: string[] };
    if (scope.extractions) return;
    scope.extractions = [];
    chrome.runtime.onMessage.addListener((message: { type?: string; payload?: { url?: string } }) => {
      if (message?.type === 'extractArticle') scope.extractions!.push(message.payload?.url ?? '');
    });
  });
}

const extractionsOf = (worker: Worker, path: string) =>
  worker.evaluate((p) => ((globalThis as unknown as { extractions: string[] }).extractions ?? []).filter((u) => u.includes(p)).length, path);

/** The stored article record whose url contains `path`, read from the extension's database. */
const articleRecord = (worker: Worker, path: string) =>
  worker.evaluate(
    (p) =>
      new Promise<{ lastSeenAt: number; length: number } | null>((resolve, reject) => {
        const open = indexedDB.open('gloss');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('articles').objectStore('articles').getAll();
          all.onsuccess = () => {
            const found = (all.result as { url: string; lastSeenAt: number; length: number }[]).find((a) => a.url.includes(p));
            open.result.close();
            resolve(found ? { lastSeenAt: found.lastSeenAt, length: found.length } : null);
          };
        };
      }),
    path,
  );

describe('e2e/scale', () => {
  let gloss: GlossBrowser;
  beforeAll(async () => {
    gloss = await startGloss();
    const pages: Record<string, string> = {
      '/generated/million.html': manyNodes(1_000_000),
      '/generated/growing.html': restless(true),
      '/generated/rerendered.html': restless(false),
    };
    await gloss.context.route(/\/generated\//, (route) =>
      route.fulfill({ contentType: 'text/html', body: pages[new URL(route.request().url()).pathname] ?? 'missing' }),
    );
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it('says a page of a million text nodes is too large, while another tab’s saves are answered at once', async () => {
    const seed = await gloss.openPage(SEED);
    await waitForStep(seed, 'gloss:paint');
    const { articleId, text } = (await gloss.articleText(seed))!;
    const editor = await EditorPage.attach(seed, gloss.extensionId);

    // The seed's tab saves a highlight as the editor does: a few times first, for how long a save takes on this machine now …
    const quote = text.slice(100, 140);
    const save = `
      const started = performance.now();
      const answer = await chrome.runtime.sendMessage({ gloss: 1, type: 'saveAnnotation', payload: {
        id: crypto.randomUUID(), articleId: ${JSON.stringify(articleId)}, color: 'yellow', note: '', tags: [], textHash: '',
        quote: { type: 'TextQuoteSelector', exact: ${JSON.stringify(quote)}, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 100, end: 140 } } });
      return { ms: performance.now() - started, ok: answer?.ok === true, error: answer?.error?.message };`;
    const timeSave = () => editor.inGloss<{ ms: number; ok: boolean; error?: string }>(save);
    const before: number[] = [];
    for (let i = 0; i < 8; i++) {
      before.push((await timeSave()).ms);
      await seed.waitForTimeout(300);
    }

    // On another site than the seed, so in a renderer of its own: the seed's tab then times the
    // background's answers, not the browser parsing and laying out 9 MB in a shared process.
    const big = await gloss.context.newPage();
    await big.goto(gloss.originOn('big.test') + '/generated/million.html', { waitUntil: 'commit' });
    // The browser may not have given the tab its new address yet when the page commits.
    let bigTab = 0;
    await expect.poll(async () => (bigTab = await gloss.tabIdOf(big).catch(() => 0))).toBeGreaterThan(0);
    const popup = await gloss.openPopup(bigTab);

    // … then every 300 ms until the big page is settled.
    const saves: { ms: number; ok: boolean; error?: string }[] = [];
    const settled = (async () => {
      // Opened again each time: a popup opened before Gloss reached the page would wait for nothing.
      const message = async () => {
        await popup.page.reload();
        return popup.message().textContent({ timeout: 5000 }).catch(() => '');
      };
      await expect.poll(message, { timeout: 90_000, interval: 1000 }).toContain('too large');
    })();
    let done = false;
    void settled.then(
      () => (done = true),
      () => (done = true),
    );
    while (!done) {
      saves.push(await timeSave());
      await seed.waitForTimeout(300);
    }
    await settled;
    expect(saves.length).toBeGreaterThan(3);
    expect(saves.filter((s) => !s.ok).map((s) => s.error)).toEqual([]);
    // Within 200 ms; on a machine so busy that saves took longer before the page was opened, no
    // longer than the slowest of those. A background held up by the page (as it was: ~10 s)
    // delays every save made meanwhile, a save every 300 ms: all saves but the slowest must
    // keep the limit, and that one must be under a second. (With the CPU deliberately loaded,
    // one save made while the browser starts the big page's process took 244 ms, the rest ≤ 96.)
    const limit = Math.max(200, ...before);
    const times = saves.map((s) => s.ms).sort((a, b) => a - b);
    const said = `saves took ${saves.map((s) => Math.round(s.ms)).join(', ')} ms; before: ${before.map(Math.round).join(', ')}`;
    expect(times.at(-2), said).toBeLessThanOrEqual(limit);
    expect(times.at(-1), said).toBeLessThan(1000);
    await big.waitForTimeout(1000);
    expect(gloss.errors).toEqual([]);
    await Promise.all([big.close(), popup.page.close(), seed.close()]);
  }, 240_000);

  /** Opens a restless page, watches it for 20 s, and counts its readings; `onRead` runs after the first. */
  async function watch(path: string, onRead: () => Promise<void> = async () => {}): Promise<{ page: Page; extractions: number }> {
    const worker = await gloss.worker();
    await countExtractions(worker);
    const page = await gloss.openPage(path);
    await onRead();
    await page.waitForTimeout(20_000);
    return { page, extractions: await extractionsOf(worker, path) };
  }

  it('reads an article that grows forever a bounded number of times', async () => {
    const { page, extractions } = await watch('/generated/growing.html');
    // The first reading, three quick re-reads, then waits that double: at most two more in 20 s.
    expect(extractions).toBeGreaterThanOrEqual(2);
    expect(extractions).toBeLessThanOrEqual(6);
    // Gloss still shows the article, as last read.
    expect((await gloss.articleText(page))!.text).toContain('Update 1:');
    await page.close();
  }, 40_000);

  it('records an article rendered again and again with the same text only once', async () => {
    const worker = await gloss.worker();
    const path = '/generated/rerendered.html';
    let first: Awaited<ReturnType<typeof articleRecord>> = null;
    const { page, extractions } = await watch(path, async () => {
      first = await articleRecord(worker, path);
    });
    expect(first).not.toBeNull();
    // It was read again (its nodes were replaced), but nothing new was recorded.
    expect(extractions).toBeGreaterThanOrEqual(2);
    expect(await articleRecord(worker, path)).toEqual(first);
    expect((await gloss.articleText(page))!.text).toContain('Paragraph 7.');
    await page.close();
  }, 40_000);

  it('throws no error from Gloss’s code', () => {
    expect(gloss.errors).toEqual([]);
  });
});
