// @ts-check
/**
 * `node scripts/bench-firefox-trace.mjs`: what Gloss costs a page in Firefox ESR, as bench-trace.mjs
 * measures it in Chromium (issue 16), reported beside Chromium's figures. Each page, its own
 * scripts stripped, is loaded in a Firefox with the bench's Firefox build of Gloss and in one
 * without, interleaved, `--runs` times, each visit profiled by the Gecko profiler (JS stacks and
 * the thread's CPU time per sample, every 1 ms) from before the navigation until `--window` ms
 * (default 5,000) after `load`. The page's main thread's CPU time is attributed to Gloss, the page
 * or the browser by lib/gecko-attribution.mjs; beside it, the with-minus-without difference of
 * all script and all style/layout/paint time, the check that needs no attribution.
 *
 * The profiler is started and its profile written for each visit from Firefox's own window
 * (`Services.profiler`, reached over WebDriver BiDi's chrome scope, see lib/firefox.mjs), which
 * does what `MOZ_PROFILER_STARTUP=1` and `MOZ_PROFILER_SHUTDOWN=<file>` do for a whole run, one
 * visit at a time. The harness leaves two marks in the page (`performance.mark` with a start time:
 * the navigation's start and its `loadEventStart`), which the profile records as UserTiming
 * markers on its own clock: that places the window.
 *
 * Same pages and same split as bench-trace.mjs (`pageSplit`): the tuning half and the held-out
 * half are reported apart, and the non-article page on its own line. JS sampling makes JS
 * slower in Firefox too, so the script figures are upper bounds.
 *
 *   node scripts/bench-firefox-trace.mjs [--runs N] [--half tuning|held-out|all] [--only a,b] [--chromium FILE] [--out FILE] [--no-build] [--interval MS] [--keep DIR]
 *
 * `--chromium FILE` is a result of `bench-trace.mjs --out FILE`, shown beside; `npm run bench`
 * passes the trace it has just run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pageSplit } from './bench-trace.mjs';
import { FIREFOX, launchFirefox } from './lib/firefox.mjs';
import { LONG_TASK_MS, PROFILER_FEATURES, PROFILER_THREADS, attributeProfile } from './lib/gecko-attribution.mjs';
import { median } from './lib/median.mjs';
import { benchPages } from './lib/pages.mjs';
import { REPO } from './lib/paths.mjs';
import { serve } from './lib/serve.mjs';
import { stripScripts } from './lib/strip-scripts.mjs';

export const BENCH_FIREFOX_DIR = resolve(REPO, '.output-bench/firefox-mv2');
/** The profiler's buffer per process (8 bytes an entry): one visit of 6 s at 1 ms fits many times over. */
const PROFILER_ENTRIES = 1 << 24;
const ORIGIN_MARK = 'gloss-bench:origin';
const LOAD_MARK = 'gloss-bench:load';

/** @param {number} ms */
const sleep = (ms) => new Promise((done) => setTimeout(done, Math.max(0, ms)));

/**
 * One profiled visit.
 * @param {import('./lib/firefox.mjs').FirefoxSession} fx
 * @param {string} url
 * @param {{ windowMs: number, intervalMs: number, dir: string, extensionOrigin: string, keep?: string | null }} options the profile is kept in `dir`, named after `keep`, when given
 */
async function visit(fx, url, { windowMs, intervalMs, dir, extensionOrigin, keep }) {
  const file = join(dir, `${keep ? `${keep}-` : ''}${Date.now()}.json`);
  // Resolves once every process's profiler has started.
  await fx.inChrome(`Services.profiler.StartProfiler(${PROFILER_ENTRIES}, ${intervalMs}, ${JSON.stringify(PROFILER_FEATURES)}, ${JSON.stringify(PROFILER_THREADS)}).then(() => true)`);
  const tab = await fx.browser.newPage();
  try {
    // Some pages' frames and links to other hosts are refused by the test proxy, and BiDi then
    // calls the navigation failed although the page itself loaded (see bench-firefox.mjs).
    await tab.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => tab.waitForFunction(() => (performance.getEntriesByType('navigation')[0]?.toJSON().loadEventStart ?? 0) > 0, { timeout: 30_000 }));
    // Nothing of the harness runs in the page after this until the window is over (no polling).
    const { load, now } = await tab.evaluate(
      (origin, loadMark) => {
        const { loadEventStart } = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
        performance.mark(origin, { startTime: 0 });
        performance.mark(loadMark, { startTime: loadEventStart });
        return { load: loadEventStart, now: performance.now() };
      },
      ORIGIN_MARK,
      LOAD_MARK,
    );
    // A margin so the profile covers the window whole.
    await sleep(load + windowMs + 300 - now);
    await fx.inChrome(`Services.profiler.dumpProfileToFileAsync(${JSON.stringify(file)}).then(() => true)`);
  } finally {
    await fx.inChrome('Promise.resolve(Services.profiler.StopProfiler()).then(() => true)');
    await tab.close();
  }
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  if (!keep) rmSync(file, { force: true });
  return attributeProfile(profile, { originMark: ORIGIN_MARK, loadMark: LOAD_MARK, extensionOrigin, windowMs });
}

/** @typedef {import('./lib/gecko-attribution.mjs').GeckoAttribution} Visit */

/** The figures of one page over its runs. @param {Visit[]} withGloss @param {Visit[]} without */
function summarize(withGloss, without) {
  const paired = (/** @type {(v: Visit) => number} */ pick) => withGloss.map((w, i) => pick(w) - pick(/** @type {Visit} */ (without[i])));
  const glossLong = withGloss.map((v) => v.longTasks.filter((t) => t.owner === 'gloss'));
  const pageLong = [...withGloss, ...without].map((v) => v.longTasks.filter((t) => t.owner === 'page'));
  return {
    article: withGloss.some((v) => 'gloss:total' in v.measures),
    runs: withGloss.length,
    glossScript: withGloss.map((v) => v.glossScriptMs),
    host: withGloss.map((v) => v.hostMs),
    /** What the page pays in script for Gloss: its code, and Firefox's extension code run for it. */
    paidScript: withGloss.map((v) => v.glossScriptMs + v.hostMs),
    glossRender: withGloss.map((v) => v.glossRenderMs),
    glossForced: withGloss.map((v) => v.glossForcedMs),
    glossMeasured: withGloss.map((v) => v.glossMeasuredMainThreadMs),
    profiler: withGloss.map((v) => v.cpuMs.profiler),
    deltaScript: paired((v) => v.cpuMs.script),
    deltaRender: paired((v) => v.cpuMs.render),
    deltaTotal: paired((v) => v.cpuMs.total - v.cpuMs.driver - v.cpuMs.profiler),
    /** Per run: Gloss's long tasks by wall time, and by thread (CPU) time. */
    glossLongWall: glossLong.map((l) => l.filter((t) => t.wallMs > LONG_TASK_MS).length),
    glossLongThread: glossLong.map((l) => l.filter((t) => t.threadMs > LONG_TASK_MS).length),
    glossLongest: glossLong.flat().reduce((m, t) => Math.max(m, t.wallMs), 0),
    pageLongWall: pageLong.map((l) => l.filter((t) => t.wallMs > LONG_TASK_MS).length),
    pageLongThread: pageLong.map((l) => l.filter((t) => t.threadMs > LONG_TASK_MS).length),
    incomplete: [...withGloss, ...without].filter((v) => !v.window.complete).length,
  };
}

/** @typedef {ReturnType<typeof summarize> & { page: string, half: 'tuning' | 'held-out', failed: number }} Row */
/** @typedef {import('./bench-trace.mjs').Row} ChromiumRow */

/** @param {number} v */
const f = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
/** "median (min–max)" @param {number[]} values */
const spread = (values) => (values.length ? `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))})` : '–');
/** @param {number[]} values */
const most = (values) => (values.length ? Math.max(...values) : NaN);

/**
 * Prints Firefox's figures, and Chromium's for the same pages beside them when given.
 * @param {{ rows: Row[], runs: number, windowMs: number, load: { before: number[], after: number[] } }} result
 * @param {ChromiumRow[] | null} [chromium]
 */
export function printFirefoxTrace({ rows, runs, windowMs, load }, chromium = null) {
  const byPage = new Map((chromium ?? []).map((r) => [r.page, r]));
  const header = [
    'page', 'half', 'article', 'Gloss script', '+ host', 'Gloss style/layout', '(forced)', 'measured', 'Δscript', 'Δrender', 'Δall CPU',
    'Gloss long (wall/thread)', "page's own long", '| Chromium script', 'style/layout', 'Gloss long',
  ];
  const table = [
    header,
    ...rows.map((r) => {
      const c = byPage.get(r.page);
      return [
        r.page, r.half, r.article ? 'yes' : 'no', spread(r.glossScript), f(median(r.host)), spread(r.glossRender), f(median(r.glossForced)), f(median(r.glossMeasured)),
        f(median(r.deltaScript)), f(median(r.deltaRender)), f(median(r.deltaTotal)),
        `${most(r.glossLongWall)}/${most(r.glossLongThread)}${r.glossLongest ? ` (${f(r.glossLongest)} ms)` : ''}${r.failed ? ` ${r.failed} failed` : ''}`,
        `${f(median(r.pageLongWall))}/${f(median(r.pageLongThread))}`,
        c ? `| ${f(median(c.glossScript))}` : '| –', c ? f(median(c.glossRender)) : '–',
        c ? `${Math.max(...c.glossLongWall)}/${Math.max(...c.glossLongThread)}` : '–',
      ];
    }),
  ];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]?.length ?? 0)));
  const avg = (/** @type {number[]} */ l) => l.map((x) => x.toFixed(1)).join(' ');
  console.log(
    `\nFirefox ESR: Gloss on the page's main thread, profiled to ${windowMs} ms after load — median (min–max) of ${runs} interleaved runs, ` +
      `thread CPU ms (load average ${avg(load.before)} before, ${avg(load.after)} after)`,
  );
  for (const row of table) console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
  for (const half of ['tuning', 'held-out']) {
    const articles = rows.filter((r) => r.half === half && r.article);
    if (!articles.length) continue;
    const m = (/** @type {(r: Row) => number[]} */ pick) => f(median(articles.map((r) => median(pick(r)))));
    let line =
      `${half} half, ${articles.length} articles, median of the pages' medians: Firefox Gloss script ${m((r) => r.glossScript)} ms ` +
      `(with the host's ${m((r) => r.paidScript)}), ` +
      `style/layout ${m((r) => r.glossRender)} ms (Δscript ${m((r) => r.deltaScript)}, Δrender ${m((r) => r.deltaRender)}); ` +
      `pages with a long task holding Gloss's work: ${articles.filter((r) => most(r.glossLongWall) > 0).length} by wall time, ` +
      `${articles.filter((r) => most(r.glossLongThread) > 0).length} by thread time`;
    const same = articles.map((r) => byPage.get(r.page)).filter((c) => c?.article);
    if (same.length) {
      const cm = (/** @type {(r: ChromiumRow) => number[]} */ pick) => f(median(same.map((c) => median(pick(/** @type {ChromiumRow} */ (c))))));
      line +=
        ` | Chromium (${same.length} articles) script ${cm((c) => c.glossScript)} ms, style/layout ${cm((c) => c.glossRender)} ms, ` +
        `long tasks ${same.filter((c) => Math.max(...(c?.glossLongWall ?? [0])) > 0).length} by wall, ${same.filter((c) => Math.max(...(c?.glossLongThread ?? [0])) > 0).length} by thread`;
    }
    console.log(line);
  }
  for (const r of rows.filter((row) => !row.article)) {
    const c = byPage.get(r.page);
    console.log(
      `not an article: ${r.page} (${r.half}), Firefox Gloss script ${f(median(r.glossScript))} ms (with the host's ${f(median(r.paidScript))}), ` +
        `style/layout ${f(median(r.glossRender))} ms` +
        (c ? ` | Chromium ${f(median(c.glossScript))} ms, ${f(median(c.glossRender))} ms` : ''),
    );
  }
  const incomplete = rows.reduce((n, r) => n + r.incomplete, 0);
  if (incomplete) console.log(`${incomplete} profiles ended before the window did`);
}

/**
 * Runs the profiled visits; null when Firefox is not installed.
 * @param {{ runs?: number, windowMs?: number, half?: string, only?: string[] | null, build?: boolean, intervalMs?: number, keepDir?: string | null }} [options]
 *   `keepDir`: the profiles are kept there (to open in profiler.firefox.com), not deleted
 */
export async function benchFirefoxTrace({ runs = 3, windowMs = 5_000, half = 'all', only = null, build = true, intervalMs = 1, keepDir = null } = {}) {
  if (!existsSync(FIREFOX)) return null;
  if (build) {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: REPO, env: { ...process.env, GLOSS_MEASURES: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const { mounts, pages: all } = benchPages(null);
  const split = pageSplit(all.map((p) => p.name));
  const pages = all.filter((p) => (half === 'all' || split.get(p.name) === half) && (!only || only.includes(p.name)));
  const server = await serve(mounts, { html: stripScripts });
  if (keepDir) mkdirSync(keepDir, { recursive: true });
  const dir = keepDir ?? mkdtempSync(join(tmpdir(), 'gloss-profiles-'));
  const before = loadavg();
  const without = await launchFirefox({ extensionDir: null });
  const withGloss = await launchFirefox({ extensionDir: BENCH_FIREFOX_DIR });
  const sessions = [without, withGloss];
  const options = { windowMs, intervalMs, dir, extensionOrigin: withGloss.extensionOrigin };
  try {
    /** @type {Map<string, { visits: Visit[][], failed: number }>} the visits of each page, by session */
    const samples = new Map(pages.map((p) => [p.name, { visits: sessions.map(() => []), failed: 0 }]));
    // Warm the browsers (the background page, disk caches, the profiler's first start).
    for (const session of sessions) await visit(session, server.origin + (pages[0]?.path ?? '/'), { ...options, windowMs: 1_000 }).catch(() => undefined);
    for (let run = 0; run < runs; run++) {
      for (const page of pages) {
        const entry = /** @type {{ visits: Visit[][], failed: number }} */ (samples.get(page.name));
        const url = server.origin + page.path;
        try {
          // Both visits of a run, or neither: the pairs stay pairs. The order turns each run.
          /** @type {Visit[]} */
          const pair = [];
          for (let k = 0; k < sessions.length; k++) {
            const i = (k + run) % sessions.length;
            const keep = keepDir && `${page.name}-${i ? 'gloss' : 'plain'}-${run + 1}`;
            pair[i] = await visit(/** @type {import('./lib/firefox.mjs').FirefoxSession} */ (sessions[i]), url, { ...options, keep });
          }
          pair.forEach((v, i) => entry.visits[i]?.push(v));
        } catch (error) {
          entry.failed++;
          process.stderr.write(`${page.name}: ${error instanceof Error ? error.message : error}\n`);
        }
      }
      process.stderr.write(`firefox profile run ${run + 1}/${runs} done (load ${loadavg()[0]?.toFixed(1)})\n`);
    }
    const rows = pages.map((p) => {
      const entry = /** @type {{ visits: Visit[][], failed: number }} */ (samples.get(p.name));
      return {
        page: p.name,
        half: /** @type {'tuning' | 'held-out'} */ (split.get(p.name)),
        failed: entry.failed,
        ...summarize(/** @type {Visit[]} */ (entry.visits[1]), /** @type {Visit[]} */ (entry.visits[0])),
      };
    });
    return { runs, windowMs, intervalMs, rows, load: { before, after: loadavg() } };
  } finally {
    for (const session of sessions) await session.close();
    await server.close();
    if (!keepDir) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: args } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      window: { type: 'string', default: '5000' },
      interval: { type: 'string', default: '1' },
      half: { type: 'string', default: 'all' },
      only: { type: 'string' },
      chromium: { type: 'string' },
      out: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      keep: { type: 'string' },
    },
  });
  const result = await benchFirefoxTrace({
    runs: Math.max(1, Number(args.runs)),
    windowMs: Number(args.window),
    intervalMs: Number(args.interval),
    half: args.half,
    only: args.only?.split(',') ?? null,
    build: !args['no-build'],
    keepDir: args.keep ? resolve(args.keep) : null,
  });
  if (!result) {
    console.log(`No Firefox at ${FIREFOX}: nothing measured`);
  } else {
    /** @type {ChromiumRow[] | null} */
    let chromium = null;
    if (args.chromium) {
      // `bench-trace.mjs --out` writes its rows as `rows`, `npm run bench -- --out` as `trace`.
      const saved = JSON.parse(readFileSync(resolve(args.chromium), 'utf8'));
      chromium = [saved.trace, saved.rows].find((rows) => Array.isArray(rows) && rows.length && rows.every((r) => Array.isArray(r.glossScript))) ?? null;
      if (!chromium) console.log(`${args.chromium} holds no traced rows (bench-trace.mjs --out writes them): Chromium not shown`);
    }
    printFirefoxTrace(result, chromium);
    if (args.out) {
      const out = resolve(args.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), ...result, chromium: args.chromium ?? null }, null, 2));
      console.log(`wrote ${out}`);
    }
  }
}
