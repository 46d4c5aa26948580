// @ts-check
/**
 * `npm run bench`: what Gloss costs the pages it runs on, measured in Debian's Chromium.
 *
 * Each page is loaded in a browser with the built extension and in one without, interleaved,
 * `--runs` times (default 5). Per page it reports the medians of: the renderer's script and task
 * time (CDP `Performance.getMetrics` ScriptDuration/TaskDuration, with Gloss minus without it —
 * script time is the figure targets are judged on, task time swings by ±100 ms between identical
 * runs); long tasks (> 50 ms, Long Tasks API) with Gloss minus without; the content script's own
 * `gloss:*` measures (from a build of its own, `GLOSS_MEASURES=1` into `.output-bench/`: the shipped
 * build leaves no `performance` entry a page could read) — its main-thread steps (readerable check, outerHTML, message encoding,
 * mapping to the live DOM, painting the highlights) and its longest one, the extension's
 * off-thread extraction time and the round trip, the recognizer's time in the background, and
 * the number of highlight ranges painted; and any exception thrown by Gloss's code. Versions are on
 * (the popup's setting "every article read"): each article is also kept as a stored version, whose
 * bytes, as UTF-8 and as stored (gzip), are reported per version. Then the raw and gzip size of every
 * built file, the entity recognizer's speed in Node and Chromium (bench-entities.mjs), and
 * re-anchoring 500 annotations against a plain fuzzy search (bench-anchoring.mjs), comparing two
 * versions of an article (bench-diff.mjs), the popup with a library of 10,000 annotations
 * (bench-library.mjs), the reader page's first paint of the longest corpus article with 100
 * annotations (bench-reader.mjs), the library across articles at 10,000 articles (bench-mentions.mjs); the same pages traced to 5 s
 * after load, every main-thread task attributed to Gloss or the page (bench-trace.mjs); then, when Firefox ESR is installed, Gloss's own main-thread steps on the same pages in Firefox (bench-firefox.mjs; re-anchoring runs there too) and the same pages profiled to 5 s after load by the Gecko profiler, attributed as the trace is, beside the trace's Chromium figures (bench-firefox-trace.mjs).
 *
 *   npm run bench -- [--pages DIR] [--runs N] [--out FILE]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchAnchoring, printAnchoring } from './bench-anchoring.mjs';
import { benchDiff, printDiff } from './bench-diff.mjs';
import { benchEntities, printEntities } from './bench-entities.mjs';
import { benchFirefox, printFirefox } from './bench-firefox.mjs';
import { benchFirefoxTrace, printFirefoxTrace } from './bench-firefox-trace.mjs';
import { benchLibrary, printLibrary } from './bench-library.mjs';
import { benchMentions, printMentions } from './bench-mentions.mjs';
import { benchReader, printReader } from './bench-reader.mjs';
import { benchTrace, printTrace } from './bench-trace.mjs';
import { launch } from './lib/browser.mjs';
import { glossRecords, keepEveryArticle } from './lib/extension-pages.mjs';
import { glossDone, glossMeasures } from './lib/gloss-done.mjs';
import { median } from './lib/median.mjs';
import { benchPages } from './lib/pages.mjs';
import { BENCH_EXTENSION_DIR, EXTENSION_DIR, REPO } from './lib/paths.mjs';
import { serve } from './lib/serve.mjs';
import { bundleSizes } from './lib/sizes.mjs';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string' },
    settle: { type: 'string', default: '400' },
  },
});
const runs = Math.max(1, Number(args.runs));
const settleMs = Number(args.settle);
const GLOSS_MEASURES = ['readerable', 'serialize', 'send', 'map', 'offthread', 'extract', 'total', 'entities', 'recognize', 'paint', 'ranges'];
/** Waits this long at most for the highlights after the article is read (pages without entities never paint). */
const PAINT_WAIT_MS = 5_000;
/** The steps that run on the page's main thread. */
const MAIN_THREAD = ['readerable', 'serialize', 'send', 'map', 'paint'];

/** Counts the page's long tasks from the start (main world; every world's work is on one thread). */
const LONG_TASK_PROBE = `window.__glossBenchLongTasks = [];
new PerformanceObserver((list) => window.__glossBenchLongTasks.push(...list.getEntries().map((e) => e.duration)))
  .observe({ type: 'longtask', buffered: true });`;

/**
 * One visit: load the page, let Gloss finish (when loaded), settle, read the renderer's metrics.
 * @param {import('./lib/browser.mjs').Session} session
 * @param {string} url
 */
async function visit(session, url) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  /** @type {string[]} */
  const glossErrors = [];
  let pageErrors = 0;
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    const where = [exceptionDetails.url, ...(exceptionDetails.stackTrace?.callFrames ?? []).map((f) => f.url)];
    if (where.some((u) => u?.startsWith('chrome-extension://'))) {
      glossErrors.push(exceptionDetails.exception?.description ?? exceptionDetails.text);
    } else pageErrors++;
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  if (session.extensionId) {
    await page
      .waitForFunction(glossDone, null, { timeout: 15_000 })
      .catch(() => glossErrors.push('Gloss did not finish within 15 s'));
    const article = await page.evaluate(() => performance.getEntriesByName('gloss:article-detected').length > 0);
    if (article) {
      await page
        .waitForFunction(() => performance.getEntriesByName('gloss:paint').length > 0, null, { timeout: PAINT_WAIT_MS })
        .catch(() => undefined);
    }
  }
  await page.waitForTimeout(settleMs);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (/** @type {string} */ name) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  /** @type {Record<string, number>} */
  /** @type {Record<string, number>} */
  const measures = await page.evaluate(glossMeasures);
  /** @type {number[]} */
  const longTasks = await page.evaluate(() => /** @type {any} */ (window).__glossBenchLongTasks ?? []);
  await page.close();
  const mainThread = MAIN_THREAD.reduce((sum, key) => sum + (measures[key] ?? 0), 0);
  const longestStep = Math.max(0, ...MAIN_THREAD.map((key) => measures[key] ?? 0));
  return {
    script: metric('ScriptDuration'),
    task: metric('TaskDuration'),
    longTasks: longTasks.length,
    measures: { ...measures, mainThread, longestStep },
    glossErrors,
    pageErrors,
  };
}

const { mounts, pages } = benchPages(args.pages ?? null);
if (!pages.length) throw new Error(`No pages found in ${args.pages}`);
// The pages' costs are measured with the bench's build: the same code, plus the measures it reads.
execFileSync('npx', ['wxt', 'build'], { cwd: REPO, env: { ...process.env, GLOSS_MEASURES: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
const server = await serve(mounts);
const withGloss = await launch({ extensionDir: BENCH_EXTENSION_DIR });
const without = await launch();
// Versions on: every article read is kept as a version, so its copy is made and stored beside
// each reading measured here (in the extension's contexts, never on the page's thread).
// The settings page is closed before any page is measured: no extension page reads beside them.
const settingsPage = await withGloss.context.newPage();
await keepEveryArticle(settingsPage, /** @type {string} */ (withGloss.extensionId));
await settingsPage.close();
for (const session of [withGloss, without]) await session.context.addInitScript(LONG_TASK_PROBE);

/** @type {Map<string, { with: Awaited<ReturnType<typeof visit>>[], without: Awaited<ReturnType<typeof visit>>[] }>} */
const samples = new Map(pages.map((p) => [p.name, { with: [], without: [] }]));
// Warm both browsers (first start of the worker, the offscreen document, disk caches).
for (const session of [withGloss, without]) await visit(session, server.origin + (pages[0]?.path ?? '/'));
for (let run = 0; run < runs; run++) {
  for (const page of pages) {
    const url = server.origin + page.path;
    const entry = samples.get(page.name);
    if (!entry) continue;
    // Alternate which browser goes first so neither always meets a warmer machine.
    if (run % 2) {
      entry.with.push(await visit(withGloss, url));
      entry.without.push(await visit(without, url));
    } else {
      entry.without.push(await visit(without, url));
      entry.with.push(await visit(withGloss, url));
    }
  }
  process.stderr.write(`run ${run + 1}/${runs} done\n`);
}
// What those readings stored: one version per article (identical readings only mark it seen again).
const extensionPage = await withGloss.context.newPage();
await extensionPage.goto(`chrome-extension://${withGloss.extensionId}/note-form.html`);
const versionSizes = /** @type {{ articleId: string, rawBytes: number, storedBytes: number }[]} */ (await glossRecords(extensionPage, 'versions'));
await withGloss.close();
await without.close();
await server.close();

const rows = pages.map(({ name }) => {
  const entry = samples.get(name) ?? { with: [], without: [] };
  const paired = (/** @type {'script' | 'task' | 'longTasks'} */ key) =>
    median(entry.with.map((w, i) => w[key] - (entry.without[i]?.[key] ?? NaN)));
  return {
    page: name,
    scriptAddedMs: paired('script'),
    taskAddedMs: paired('task'),
    longTasksAdded: paired('longTasks'),
    scriptWithoutMs: median(entry.without.map((v) => v.script)),
    measures: Object.fromEntries(
      [...GLOSS_MEASURES, 'mainThread', 'longestStep'].map((key) => [
        key,
        median(entry.with.map((v) => /** @type {Record<string, number>} */ (v.measures)[key] ?? NaN)),
      ]),
    ),
    article: entry.with.some((v) => 'serialize' in v.measures),
    glossErrors: [...new Set(entry.with.flatMap((v) => v.glossErrors))],
    pageErrors: median(entry.with.map((v) => v.pageErrors)),
  };
});
const storedVersions = {
  versions: versionSizes.length,
  articles: new Set(versionSizes.map((v) => v.articleId)).size,
  rawMedianBytes: median(versionSizes.map((v) => v.rawBytes)),
  rawMaxBytes: Math.max(...versionSizes.map((v) => v.rawBytes)),
  storedMedianBytes: median(versionSizes.map((v) => v.storedBytes)),
  storedMaxBytes: Math.max(...versionSizes.map((v) => v.storedBytes)),
  medianRatio: median(versionSizes.map((v) => v.rawBytes / v.storedBytes)),
};
const sizes = bundleSizes(EXTENSION_DIR);
const articles = rows.filter((r) => r.article);
const others = rows.filter((r) => !r.article);
const summary = {
  runs,
  pages: rows.length,
  medianScriptAddedMs: median(rows.map((r) => r.scriptAddedMs)),
  medianScriptAddedOnArticlesMs: median(articles.map((r) => r.scriptAddedMs)),
  medianScriptAddedOnOtherPagesMs: median(others.map((r) => r.scriptAddedMs)),
  maxScriptAddedMs: Math.max(...rows.map((r) => r.scriptAddedMs)),
  medianMainThreadMs: median(articles.map((r) => r.measures.mainThread ?? NaN)),
  longestMainThreadStepMs: Math.max(0, ...rows.map((r) => r.measures.longestStep ?? 0)),
  medianOffThreadMs: median(articles.map((r) => r.measures.offthread ?? NaN)),
  pagesWithLongTasksAdded: rows.filter((r) => r.longTasksAdded > 0).length,
  glossErrors: rows.reduce((n, r) => n + r.glossErrors.length, 0),
};

const f = (/** @type {number} */ v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const table = [
  [
    'page', 'article', 'script +ms', 'task +ms', 'long tasks +', 'main thread', 'longest step',
    'readerable', 'serialize', 'send', 'map', 'off-thread', 'round trip', 'recognize', 'paint', 'ranges', 'errors',
  ],
  ...rows.map((r) => [
    r.page,
    r.article ? 'yes' : 'no',
    f(r.scriptAddedMs),
    f(r.taskAddedMs),
    f(r.longTasksAdded),
    f(r.measures.mainThread ?? NaN),
    f(r.measures.longestStep ?? NaN),
    f(r.measures.readerable ?? NaN),
    f(r.measures.serialize ?? NaN),
    f(r.measures.send ?? NaN),
    f(r.measures.map ?? NaN),
    f(r.measures.offthread ?? NaN),
    f(r.measures.extract ?? NaN),
    f(r.measures.recognize ?? NaN),
    f(r.measures.paint ?? NaN),
    f(r.measures.ranges ?? NaN),
    String(r.glossErrors.length),
  ]),
];
const widths = table[0]?.map((_, c) => Math.max(...table.map((row) => row[c]?.length ?? 0))) ?? [];
const line = (/** @type {string[]} */ row) => row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ');
console.log(`\nGloss bench — ${rows.length} pages, median of ${runs} interleaved runs (ms)\n`);
console.log(line(table[0] ?? []));
for (const row of table.slice(1)) console.log(line(row));
console.log(
  `\nscript time added by Gloss: median ${f(summary.medianScriptAddedMs)} ms over all pages ` +
    `(articles ${f(summary.medianScriptAddedOnArticlesMs)}, other pages ${f(summary.medianScriptAddedOnOtherPagesMs)}), ` +
    `max ${f(summary.maxScriptAddedMs)}; errors from Gloss: ${summary.glossErrors}`,
);
console.log(
  `content script on the main thread: median ${f(summary.medianMainThreadMs)} ms per article, ` +
    `longest single step ${f(summary.longestMainThreadStepMs)} ms; off-thread extraction median ` +
    `${f(summary.medianOffThreadMs)} ms; pages where Gloss added a long task: ${summary.pagesWithLongTasksAdded}`,
);
for (const r of rows.filter((row) => row.glossErrors.length)) console.log(`  ${r.page}: ${r.glossErrors.join(' | ')}`);
const kb = (/** @type {number} */ bytes) => `${f(bytes / 1024)} KB`;
console.log(
  `versions on (every article read is kept): ${storedVersions.versions} stored versions of ${storedVersions.articles} articles; ` +
    `per version, the copy as UTF-8 median ${kb(storedVersions.rawMedianBytes)} (max ${kb(storedVersions.rawMaxBytes)}), ` +
    `as stored (gzip) median ${kb(storedVersions.storedMedianBytes)} (max ${kb(storedVersions.storedMaxBytes)}), ` +
    `${f(storedVersions.medianRatio)}× smaller (median)`,
);
console.log('\nbuilt files (chrome-mv3)');
for (const s of sizes) console.log(`  ${s.file.padEnd(44)} ${(s.bytes / 1024).toFixed(1).padStart(7)} KB  ${(s.gzip / 1024).toFixed(1).padStart(6)} KB gzip`);

// The same pages traced, their own scripts stripped, to 5 s after load: every task attributed (issue 16).
const traceRuns = Math.min(runs, 3);
const [trace = []] = await benchTrace({ runs: traceRuns, build: false });
printTrace(trace, traceRuns, 5_000);

const entities = await benchEntities();
printEntities(entities);
const anchoring = await benchAnchoring();
printAnchoring(anchoring);
const diff = await benchDiff();
printDiff(diff);
const library = await benchLibrary();
printLibrary(library);
const reader = await benchReader();
printReader(reader);
const mentions = await benchMentions();
printMentions(mentions);
const firefox = await benchFirefox({ runs: Math.min(runs, 3) });
if (firefox) printFirefox(firefox);
// bench-firefox has just built the Firefox bench build; null when Firefox is not installed.
const firefoxTrace = firefox && (await benchFirefoxTrace({ runs: traceRuns, build: false }));
if (firefoxTrace) printFirefoxTrace(firefoxTrace, trace);

if (args.out) {
  const out = resolve(args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), summary, storedVersions, rows, trace, sizes, entities, anchoring, diff, library, reader, mentions, firefox, firefoxTrace }, null, 2));
  console.log(`\nwrote ${out}`);
}
