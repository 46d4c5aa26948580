// @ts-check
/**
 * `node scripts/bench-trace.mjs`: what Gloss costs a page as the reader lives it (issue 16). Each
 * page, its own scripts stripped (lib/strip-scripts.mjs), is loaded in Chromium with the bench's
 * build of Gloss and in one without, interleaved, `--runs` times, each visit traced (CDP
 * `Tracing`) from before the navigation until `--window` ms (default 5,000) after `load`. The
 * trace's main-thread tasks are attributed to Gloss, the page or the browser
 * (lib/trace-attribution.mjs); beside it, the plain black-box figure: CDP `Performance.getMetrics`
 * at the same moment, with Gloss minus without.
 *
 * The pages are split by a fixed rule (PAGE_SPLIT): half may be looked at while making Gloss
 * cheaper, the other half is reported apart and never tuned on.
 *
 * The trace samples JS stacks (V8's profiler) so that every microtask has its owner; that makes JS
 * about a third slower (seed: Gloss's script 55-68 ms sampled, 39-55 ms not, alternating), so the
 * script figures are upper bounds; `--no-samples` gives the plain magnitudes, with the microtasks
 * no rule can place reported as "unknown".
 *
 *   node scripts/bench-trace.mjs [--runs N] [--half tuning|held-out|all] [--only a,b] [--out FILE] [--no-build] [--no-samples] [--extension DIR] [--compare DIR]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from './lib/browser.mjs';
import { median } from './lib/median.mjs';
import { benchPages } from './lib/pages.mjs';
import { BENCH_EXTENSION_DIR, REPO } from './lib/paths.mjs';
import { serve } from './lib/serve.mjs';
import { stripScripts } from './lib/strip-scripts.mjs';
import { LONG_TASK_MS, SAMPLING_CATEGORY, TRACE_CATEGORIES, attributeTrace } from './lib/trace-attribution.mjs';

/**
 * The split, fixed before any figure was seen: the pages in alphabetical order of their names,
 * the 1st, 3rd, 5th… tune, the 2nd, 4th, 6th… are held out. Pages that are no article (the
 * fixture `non-article`) are reported on their own line whatever their half.
 * @param {string[]} names
 * @returns {Map<string, 'tuning' | 'held-out'>}
 */
export function pageSplit(names) {
  const sorted = [...names].sort();
  return new Map(sorted.map((name, i) => [name, i % 2 === 0 ? 'tuning' : 'held-out']));
}

/**
 * One traced visit.
 * @param {import('./lib/browser.mjs').Session} session
 * @param {string} url
 * @param {number} windowMs
 * @param {boolean} sampling with the V8 sampling profiler (exact owners of microtasks; JS ~1/3 slower)
 */
async function visit(session, url, windowMs, sampling) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  /** @type {string[]} */
  const glossErrors = [];
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    const where = [exceptionDetails.url, ...(exceptionDetails.stackTrace?.callFrames ?? []).map((f) => f.url)];
    if (where.some((u) => u?.startsWith('chrome-extension://'))) glossErrors.push(exceptionDetails.exception?.description ?? exceptionDetails.text);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  /** @type {any[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: sampling ? [...TRACE_CATEGORIES, SAMPLING_CATEGORY] : TRACE_CATEGORIES } });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  // Nothing of the bench's runs in the page meanwhile (no polling): the window is the page's and Gloss's alone.
  await page.waitForTimeout(windowMs);
  const { metrics } = await cdp.send('Performance.getMetrics');
  // A margin so the trace covers the window whole.
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const metric = (/** @type {string} */ name) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  const attribution = attributeTrace(events, { pageUrl: url, extensionId: session.extensionId, windowMs });
  return {
    attribution,
    metrics: {
      script: metric('ScriptDuration'),
      styleLayout: metric('RecalcStyleDuration') + metric('LayoutDuration'),
      task: metric('TaskDuration'),
    },
    glossErrors,
  };
}

/** @typedef {Awaited<ReturnType<typeof visit>>} Visit */

/** A trace the attribution cannot read (on a loaded machine its renderer's thread or commit can be missing from it). */
const UNREADABLE_TRACE = /^(No main thread in renderer|The trace has no commit|No (MarkLoad|CommitLoad) for)/;

/**
 * `visit`, made again (twice at most) when its trace cannot be read, so that one lost trace does
 * not end a run of many minutes; any other failure ends it.
 * @param {Parameters<typeof visit>} args
 * @returns {Promise<Visit>}
 */
async function visitReadable(...args) {
  for (let tries = 1; ; tries++) {
    try {
      return await visit(...args);
    } catch (error) {
      if (tries >= 3 || !UNREADABLE_TRACE.test(error instanceof Error ? error.message : '')) throw error;
      process.stderr.write(`unreadable trace of ${args[1]} (${error instanceof Error ? error.message : error}), visited again\n`);
    }
  }
}

/** The median of each key over `records` (a key missing from a record counts 0 there). @param {Record<string, number>[]} records */
function medians(records) {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
  return Object.fromEntries(keys.map((k) => [k, Math.round(median(records.map((r) => r[k] ?? 0)) * 10) / 10]));
}

/** The figures of one page over its runs. @param {Visit[]} withGloss @param {Visit[]} without */
function summarize(withGloss, without) {
  const a = (/** @type {Visit} */ v) => v.attribution;
  const paired = (/** @type {(v: Visit) => number} */ pick) => withGloss.map((w, i) => pick(w) - pick(/** @type {Visit} */ (without[i])));
  const glossLong = withGloss.map((v) => a(v).longTasks.filter((t) => t.owner === 'gloss'));
  const allScript = (/** @type {Visit} */ v) => Object.values(a(v).scriptMs).reduce((s, x) => s + x, 0);
  const allRender = (/** @type {Visit} */ v) => Object.values(a(v).renderMs).reduce((s, x) => s + x, 0);
  return {
    article: withGloss.some((v) => 'gloss:total' in a(v).measures),
    runs: withGloss.length,
    glossScript: withGloss.map((v) => a(v).scriptMs.gloss),
    glossRender: withGloss.map((v) => a(v).renderMs.gloss + a(v).renderMs.shared),
    sharedRender: withGloss.map((v) => a(v).renderMs.shared),
    unknownScript: withGloss.map((v) => a(v).scriptMs.unknown),
    glossMeasured: withGloss.map((v) => a(v).glossMeasuredMainThreadMs),
    traceScriptDelta: paired(allScript),
    traceRenderDelta: paired(allRender),
    metricsScriptDelta: paired((v) => v.metrics.script),
    metricsStyleLayoutDelta: paired((v) => v.metrics.styleLayout),
    metricsTaskDelta: paired((v) => v.metrics.task),
    /** Per run: Gloss's long tasks by wall time, and by thread time. */
    glossLongWall: glossLong.map((l) => l.filter((t) => t.wallMs > LONG_TASK_MS).length),
    glossLongThread: glossLong.map((l) => l.filter((t) => t.threadMs > LONG_TASK_MS).length),
    glossLongest: glossLong.flat().reduce((m, t) => Math.max(m, t.wallMs), 0),
    pageLongWall: [...withGloss, ...without].map((v) => a(v).longTasks.filter((t) => t.owner === 'page' && t.wallMs > LONG_TASK_MS).length),
    pageLongThread: [...withGloss, ...without].map((v) => a(v).longTasks.filter((t) => t.owner === 'page' && t.threadMs > LONG_TASK_MS).length),
    incomplete: [...withGloss, ...without].filter((v) => !a(v).window.complete).length,
    glossErrors: [...new Set(withGloss.flatMap((v) => v.glossErrors))],
    /** Medians over the runs: Gloss's script by its outermost event's kind, and its own measures. */
    glossByEvent: medians(withGloss.map((v) => a(v).glossByEvent)),
    measures: medians(withGloss.map((v) => a(v).measures)),
  };
}

/** @typedef {ReturnType<typeof summarize> & { page: string, half: 'tuning' | 'held-out' }} Row */

/** @param {number} v */
const f = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
/** "median (min–max)" @param {number[]} values */
const spread = (values) => `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))})`;

/** @param {Row[]} rows @param {number} runs @param {number} windowMs */
export function printTrace(rows, runs, windowMs) {
  const header = [
    'page', 'half', 'article', 'Gloss script', 'Gloss style/layout', '(shared)', 'unknown', 'measured',
    'trace Δscript', 'trace Δrender', 'getMetrics Δscript', 'Δstyle+layout', 'Δtask', 'Gloss long (wall/thread)', "page's own long", 'err',
  ];
  const table = [
    header,
    ...rows.map((r) => [
      r.page, r.half, r.article ? 'yes' : 'no', spread(r.glossScript), spread(r.glossRender), f(median(r.sharedRender)), f(median(r.unknownScript)),
      f(median(r.glossMeasured)), f(median(r.traceScriptDelta)), f(median(r.traceRenderDelta)), spread(r.metricsScriptDelta),
      f(median(r.metricsStyleLayoutDelta)), f(median(r.metricsTaskDelta)),
      `${Math.max(...r.glossLongWall)}/${Math.max(...r.glossLongThread)}${r.glossLongest ? ` (${f(r.glossLongest)} ms)` : ''}`,
      `${f(median(r.pageLongWall))}/${f(median(r.pageLongThread))}`, String(r.glossErrors.length),
    ]),
  ];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]?.length ?? 0)));
  console.log(`\nGloss on the page's main thread, traced to ${windowMs} ms after load — median (min–max) of ${runs} interleaved runs, thread ms`);
  for (const row of table) console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
  for (const half of ['tuning', 'held-out']) {
    const articles = rows.filter((r) => r.half === half && r.article);
    if (!articles.length) continue;
    const m = (/** @type {(r: Row) => number[]} */ pick) => f(median(articles.map((r) => median(pick(r)))));
    console.log(
      `${half} half, ${articles.length} articles, median of the pages' medians: Gloss script ${m((r) => r.glossScript)} ms, ` +
        `style/layout ${m((r) => r.glossRender)} ms (getMetrics Δscript ${m((r) => r.metricsScriptDelta)}, Δstyle+layout ` +
        `${m((r) => r.metricsStyleLayoutDelta)}); pages with a long task holding Gloss's work: ` +
        `${articles.filter((r) => Math.max(...r.glossLongWall) > 0).length} by wall time, ${articles.filter((r) => Math.max(...r.glossLongThread) > 0).length} by thread time`,
    );
  }
  for (const r of rows.filter((row) => !row.article)) {
    console.log(`not an article: ${r.page} (${r.half}), Gloss script ${f(median(r.glossScript))} ms, style/layout ${f(median(r.glossRender))} ms`);
  }
  const incomplete = rows.reduce((n, r) => n + r.incomplete, 0);
  if (incomplete) console.log(`${incomplete} traces ended before the window did`);
}

/**
 * Runs the traced visits. `half` picks the pages; `only` names some. With several builds
 * (`extensionDirs`), each page is visited with each build and without Gloss in one run, the order
 * turning from run to run, so that builds are compared on the same machine at the same moment:
 * one list of rows per build.
 * @param {{ runs?: number, windowMs?: number, half?: string, only?: string[] | null, build?: boolean, sampling?: boolean, extensionDirs?: string[] }} [options]
 * @returns {Promise<Row[][]>}
 */
export async function benchTrace({ runs = 3, windowMs = 5_000, half = 'all', only = null, build = true, sampling = true, extensionDirs = [BENCH_EXTENSION_DIR] } = {}) {
  if (build) {
    execFileSync('npx', ['wxt', 'build'], { cwd: REPO, env: { ...process.env, GLOSS_MEASURES: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const { mounts, pages: all } = benchPages(null);
  const split = pageSplit(all.map((p) => p.name));
  const pages = all.filter((p) => (half === 'all' || split.get(p.name) === half) && (!only || only.includes(p.name)));
  const server = await serve(mounts, { html: stripScripts });
  /** @type {import('./lib/browser.mjs').Session[]} */
  const builds = [];
  for (const extensionDir of extensionDirs) builds.push(await launch({ extensionDir }));
  const without = await launch();
  const sessions = [without, ...builds];
  try {
    /** @type {Map<string, Visit[][]>} the visits of each page, by session */
    const samples = new Map(pages.map((p) => [p.name, sessions.map(() => [])]));
    // Warm the browsers (the worker, the offscreen document, disk caches).
    for (const session of sessions) await visit(session, server.origin + (pages[0]?.path ?? '/'), 1_000, sampling).catch(() => undefined);
    for (let run = 0; run < runs; run++) {
      for (const page of pages) {
        const entry = /** @type {Visit[][]} */ (samples.get(page.name));
        const url = server.origin + page.path;
        // Turn which browser goes first so none always meets a warmer machine.
        for (let k = 0; k < sessions.length; k++) {
          const i = (k + run) % sessions.length;
          /** @type {Visit[]} */ (entry[i]).push(await visitReadable(/** @type {import('./lib/browser.mjs').Session} */ (sessions[i]), url, windowMs, sampling));
        }
      }
      process.stderr.write(`trace run ${run + 1}/${runs} done\n`);
    }
    return builds.map((_, b) =>
      pages.map((p) => {
        const entry = /** @type {Visit[][]} */ (samples.get(p.name));
        return { page: p.name, half: /** @type {'tuning' | 'held-out'} */ (split.get(p.name)), ...summarize(/** @type {Visit[]} */ (entry[b + 1]), /** @type {Visit[]} */ (entry[0])) };
      }),
    );
  } finally {
    for (const session of sessions) await session.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: args } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      window: { type: 'string', default: '5000' },
      half: { type: 'string', default: 'all' },
      only: { type: 'string' },
      out: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'no-samples': { type: 'boolean', default: false },
      // Another build of the bench's (for a before/after comparison); implies --no-build.
      extension: { type: 'string' },
      // A second build visited in the same runs, interleaved (e.g. --extension old --compare new).
      compare: { type: 'string' },
    },
  });
  const runs = Math.max(1, Number(args.runs));
  const windowMs = Number(args.window);
  const first = args.extension ? resolve(args.extension) : BENCH_EXTENSION_DIR;
  const extensionDirs = args.compare ? [first, resolve(args.compare)] : [first];
  const results = await benchTrace({ runs, windowMs, half: args.half, only: args.only?.split(',') ?? null, build: !args['no-build'] && !args.extension, sampling: !args['no-samples'], extensionDirs });
  results.forEach((rows, b) => {
    if (results.length > 1) console.log(`\n== build ${b + 1}: ${extensionDirs[b]}`);
    printTrace(rows, runs, windowMs);
  });
  if (args.out) {
    const out = resolve(args.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), runs, windowMs, builds: extensionDirs, rows: results[0], ...(results.length > 1 && { compared: results.slice(1) }) }, null, 2));
    console.log(`wrote ${out}`);
  }
}
