// @ts-check
/**
 * What Gloss costs pages in Firefox ESR: each bench page is loaded `runs` times with the bench's
 * Firefox build (`GLOSS_MEASURES=1 wxt build -b firefox`, into `.output-bench/firefox-mv2`), and
 * the content script's own `gloss:*` measures are read from the page's timeline — its main-thread
 * steps (readerable check, outerHTML, message, mapping to the live DOM, painting) and the
 * extraction in the background page. Firefox has no counterpart of Chromium's
 * `Performance.getMetrics` over WebDriver BiDi, so there is no "script added" figure here: the
 * sum of Gloss's main-thread steps stands for it. Firefox rounds `performance.now()` in pages
 * (to 1 ms or coarser, with jitter), so steps under a millisecond read as 0 or 1.
 *
 *   node scripts/bench-firefox.mjs [--runs N]   (also run by `npm run bench` when Firefox is installed)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIREFOX, launchFirefox } from './lib/firefox.mjs';
import { glossDone, glossMeasures } from './lib/gloss-done.mjs';
import { median } from './lib/median.mjs';
import { benchPages } from './lib/pages.mjs';
import { REPO } from './lib/paths.mjs';
import { serve } from './lib/serve.mjs';

const BENCH_FIREFOX_DIR = resolve(REPO, '.output-bench/firefox-mv2');
const MAIN_THREAD = ['readerable', 'serialize', 'send', 'map', 'paint'];
/** How long a page may take to be read, and then to be painted (pages without entities never paint). */
const DONE_WITHIN_MS = 15_000;
const PAINT_WAIT_MS = 5_000;

/** @param {{ runs?: number }} [options] */
export async function benchFirefox({ runs = 3 } = {}) {
  if (!existsSync(FIREFOX)) return null;
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: REPO, env: { ...process.env, GLOSS_MEASURES: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const { mounts, pages } = benchPages(null);
  const server = await serve(mounts);
  const fx = await launchFirefox({ extensionDir: BENCH_FIREFOX_DIR });
  /** @type {{ page: string, article: boolean, steps: Record<string, number>, mainThread: number, failed: number }[]} */
  const rows = [];
  try {
    for (const { name, path } of pages) {
      /** @type {Record<string, number>[]} */
      const visits = [];
      let failed = 0;
      for (let run = 0; run < runs; run++) {
        const tab = await fx.browser.newPage();
        try {
          // Some pages' own frames and links to other hosts are refused by the test proxy, and
          // BiDi then calls the navigation failed although the page itself loaded.
          await tab.goto(server.origin + path, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
          // Done as the Chromium bench has it: read (or not an article), then painted, if it paints.
          await tab.waitForFunction(glossDone, { timeout: DONE_WITHIN_MS });
          if (await tab.evaluate(() => performance.getEntriesByName('gloss:article-detected').length > 0)) {
            await tab.waitForFunction(() => performance.getEntriesByName('gloss:paint').length > 0, { timeout: PAINT_WAIT_MS }).catch(() => undefined);
          }
          visits.push(await tab.evaluate(glossMeasures));
        } catch {
          failed++; // a page Firefox would not load here (e.g. one that navigates away), or Gloss not done in time
        } finally {
          await tab.close();
        }
      }
      const steps = Object.fromEntries(
        [...MAIN_THREAD, 'offthread', 'extract', 'total'].map((key) => [key, median(visits.map((v) => v[key] ?? NaN))]),
      );
      const mainThread = median(visits.map((v) => MAIN_THREAD.reduce((sum, key) => sum + (v[key] ?? 0), 0)));
      rows.push({ page: name, article: visits.some((v) => 'serialize' in v), steps, mainThread, failed });
    }
  } finally {
    await fx.close();
    await server.close();
  }
  const articles = rows.filter((r) => r.article);
  return {
    runs,
    rows,
    medianMainThreadMs: median(articles.map((r) => r.mainThread)),
    nonArticleMainThreadMs: median(rows.filter((r) => !r.article && !r.failed).map((r) => r.mainThread)),
  };
}

/** @param {NonNullable<Awaited<ReturnType<typeof benchFirefox>>>} result */
export function printFirefox(result) {
  const f = (/** @type {number} */ v) => (Number.isFinite(v) ? v.toFixed(0) : '–');
  console.log(`\nFirefox ESR: Gloss's own main-thread steps per page, median of ${result.runs} (ms; Firefox rounds page timers to ~1 ms)`);
  console.log('page          article  main thread  readerable  serialize  send  map  paint  off-thread  not measured');
  for (const r of result.rows) {
    const s = r.steps;
    console.log(
      `${r.page.padEnd(13)} ${(r.article ? 'yes' : 'no').padEnd(8)} ${f(r.mainThread).padEnd(12)} ${f(s.readerable ?? NaN).padEnd(11)} ${f(s.serialize ?? NaN).padEnd(10)} ${f(s.send ?? NaN).padEnd(5)} ${f(s.map ?? NaN).padEnd(4)} ${f(s.paint ?? NaN).padEnd(6)} ${f(s.offthread ?? NaN).padEnd(11)} ${r.failed ? `${r.failed} of ${result.runs}` : ''}`,
    );
  }
  console.log(`main thread: median ${f(result.medianMainThreadMs)} ms per article; ${f(result.nonArticleMainThreadMs)} ms on the page that is no article`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
  const result = await benchFirefox({ runs });
  if (result) printFirefox(result);
  else console.log(`No Firefox at ${FIREFOX}: nothing measured`);
}
