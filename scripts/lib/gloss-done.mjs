// @ts-check
/**
 * "Is Gloss done with this page?", for the browser tests, `npm start` and the bench. Gloss counts
 * its steps on a page (the loader's `gloss:readerable`, `gloss:article-detected`, `gloss:site-off`,
 * the article script's `gloss:total`, `gloss:paint`…) in the extension's isolated world, which the
 * page cannot see (utils/page/timeline.ts); they are read from there through the extension's
 * worker. Only the bench's build also leaves them as `performance` entries on the page's
 * timeline, which the bench reads in the page (`glossDone`).
 */

/** The key of the step counts on the isolated world's `window` (TIMELINE_KEY in utils/page/timeline.ts). */
export const TIMELINE_KEY = '__glossTimeline';

/**
 * Done: the loader's readerable check on any page, and on an article the article script's first
 * reading (`gloss:total`), unless Gloss is off on the site (`gloss:site-off`).
 * @param {Record<string, number> | null | undefined} steps
 */
export function doneWith(steps) {
  if (!steps?.['gloss:readerable']) return false;
  return !steps['gloss:article-detected'] || !!steps['gloss:total'] || !!steps['gloss:site-off'];
}

/**
 * Gloss's step counts in the frame showing `frameUrl` (the top frame by default) of the one tab
 * showing `url`; null when Gloss has not run there (or the tab is between pages).
 * @param {import('playwright-core').Worker} worker the extension's service worker
 * @param {string} url
 * @param {string} [frameUrl]
 * @returns {Promise<Record<string, number> | null>}
 */
export function glossSteps(worker, url, frameUrl = url) {
  return worker.evaluate(
    async ({ url, frameUrl, key }) => {
      const chrome = /** @type {any} */ (globalThis).chrome;
      const tabs = (await chrome.tabs.query({})).filter((/** @type {{ url?: string }} */ tab) => tab.url === url);
      if (tabs.length !== 1) throw new Error(`${tabs.length} tabs show ${url}`);
      try {
        // The top frame alone unless another is asked for (a frame still loading would hold the answer up).
        const target = frameUrl === url ? { tabId: tabs[0].id, frameIds: [0] } : { tabId: tabs[0].id, allFrames: true };
        // Asked one at a time: a page busy for long answers once it can (asking again would pile up).
        const results = await chrome.scripting.executeScript({
          target,
          injectImmediately: true,
          func: (/** @type {string} */ name) => ({ url: location.href, steps: /** @type {any} */ (window)[name] ?? null }),
          args: [key],
        });
        const frame =
          frameUrl === url ? results[0] : results.find((/** @type {{ result?: { url: string } }} */ r) => r.result?.url === frameUrl);
        return frame?.result?.steps ?? null;
      } catch {
        return null; // the tab is between two pages
      }
    },
    { url, frameUrl, key: TIMELINE_KEY },
  );
}

/**
 * Waits until `until` holds for the steps of the top frame of the tab showing `page` (by default,
 * until Gloss is done with the page), as long as Playwright's own waits (30 s).
 * @param {import('playwright-core').Page} page
 * @param {(steps: Record<string, number> | null) => boolean} [until]
 * @param {number} [timeout]
 */
export async function waitForSteps(page, until = doneWith, timeout = 30_000) {
  const context = page.context();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const deadline = Date.now() + timeout;
  for (;;) {
    const steps = await glossSteps(worker, page.url()).catch(() => null);
    if (until(steps)) return steps;
    if (Date.now() > deadline) throw new Error(`Gloss's steps on ${page.url()} never got there: ${JSON.stringify(steps)}`);
    await page.waitForTimeout(100);
  }
}

/**
 * Runs in a page of the bench's build (pass it to `page.waitForFunction`): `doneWith` over the
 * `performance` entries that build leaves. Self-contained: it is serialized into the page.
 */
export function glossDone() {
  /** @type {Record<string, number>} */
  const steps = {};
  for (const { name } of performance.getEntries()) steps[name] = (steps[name] ?? 0) + 1;
  if (!steps['gloss:readerable']) return false;
  return !steps['gloss:article-detected'] || !!steps['gloss:total'] || !!steps['gloss:site-off'];
}

/**
 * Runs in a page of the bench's build (pass it to `page.evaluate`): Gloss's `gloss:*` measures
 * by step name without the prefix (`serialize`, `map`…), and `ranges`, the number of highlight
 * ranges the paint step reports. Self-contained: it is serialized into the page.
 * @returns {Record<string, number>}
 */
export function glossMeasures() {
  return Object.fromEntries(
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('gloss:'))
      .flatMap((m) => {
        const ranges = /** @type {PerformanceMeasure} */ (m).detail?.ranges;
        return typeof ranges === 'number' ? [[m.name.slice(6), m.duration], ['ranges', ranges]] : [[m.name.slice(6), m.duration]];
      }),
  );
}
