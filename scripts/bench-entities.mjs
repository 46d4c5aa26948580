// @ts-check
/**
 * The recognizer's speed, in Node and in a Chromium page: cold start (load the bundle, build the
 * indexes, first call on the seed), the seed as a reader meets it (its first call, the median of
 * its first 10 calls) and after warm-up, and throughput on corpus article text concatenated to
 * 100 KB, 1 MB and 5 MB (cost must grow linearly).
 *
 * Warm-up is a fixed, generous count, not a time: 400 calls on the seed and 10 on 1 MB of corpus
 * text. V8 tiers code up over hundreds of calls, and in Chromium the last tiers are compiled beside
 * the main thread: after 5 calls on 200 KB the seed's median was ~10 ms in Chromium and ~1 ms
 * after 250 calls; 1 MB calls settled after ~7 (docs/FINDINGS.md). The first calls are reported
 * apart so that neither figure hides the other.
 *
 *   node scripts/bench-entities.mjs [--out FILE]   (also run by `npm run bench`)
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { launch } from './lib/browser.mjs';
import { bundle } from './lib/bundle.mjs';
import { offlineParser } from './lib/offline-parser.mjs';
import { CORPUS_DIR, SHARED } from './lib/paths.mjs';
import { serve } from './lib/serve.mjs';

/** Runs in Node and, serialized, in the page: every figure from one loaded bundle. */
async function measure(/** @type {string} */ bundleUrl, /** @type {string} */ seed, /** @type {string} */ corpusText) {
  const now = () => performance.now();
  const t0 = now();
  const { createRecognizer } = await import(bundleUrl);
  const t1 = now();
  const recognizer = createRecognizer();
  const t2 = now();
  recognizer.recognize(seed);
  const t3 = now();
  /** Median of `runs` (sorted in place); runs in the page, so it cannot import lib/median.mjs. */
  const median = (/** @type {number[]} */ runs) => {
    runs.sort((a, b) => a - b);
    const mid = runs.length >> 1;
    return runs.length % 2 ? /** @type {number} */ (runs[mid]) : (/** @type {number} */ (runs[mid - 1]) + /** @type {number} */ (runs[mid])) / 2;
  };
  const timed = (/** @type {string} */ text) => {
    const s = now();
    recognizer.recognize(text);
    return now() - s;
  };
  // As a reader meets it: the seed's first 10 calls (the cold start's first call among them), then
  // a first long article.
  const firstSeedRuns = [t3 - t2];
  for (let i = 1; i < 10; i++) firstSeedRuns.push(timed(seed));
  let mb = corpusText;
  while (mb.length < 1024 * 1024) mb += '\n' + corpusText;
  mb = mb.slice(0, 1024 * 1024);
  const firstMbMs = timed(mb);
  // Warm up until the code is stable (see the doc comment above).
  for (let i = 0; i < 400; i++) recognizer.recognize(seed);
  for (let i = 0; i < 10; i++) recognizer.recognize(mb);
  const seedRuns = [];
  for (let i = 0; i < 30; i++) seedRuns.push(timed(seed));
  const sizes = [100 * 1024, 1024 * 1024, 5 * 1024 * 1024];
  const throughput = [];
  for (const size of sizes) {
    let text = corpusText;
    while (text.length < size) text += '\n' + corpusText;
    text = text.slice(0, size);
    const runs = [];
    for (let i = 0; i < (size > 2e6 ? 5 : size > 5e5 ? 9 : 21); i++) runs.push(timed(text));
    const ms = median(runs);
    throughput.push({ bytes: size, ms, mbPerSecond: size / 1024 / 1024 / (ms / 1000) });
  }
  return {
    loadMs: t1 - t0,
    buildMs: t2 - t1,
    firstCallMs: t3 - t2,
    coldStartMs: t3 - t0,
    seedFirst10MedianMs: median(firstSeedRuns),
    firstMbMs,
    seedWarmMs: median(seedRuns),
    seedSpans: recognizer.recognize(seed).length,
    throughput,
  };
}

/** The text of each corpus article (Readability's), white space tidied. */
export function corpusTexts() {
  const texts = [];
  for (const name of readdirSync(CORPUS_DIR)) {
    const file = join(CORPUS_DIR, name, 'source.html');
    if (!statSync(join(CORPUS_DIR, name)).isDirectory()) continue;
    const article = new Readability(offlineParser().parseFromString(readFileSync(file, 'utf8'), 'text/html')).parse();
    if (article?.textContent) texts.push({ name, text: article.textContent.replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n') });
  }
  return texts;
}

export async function benchEntities() {
  // The recognizer runs in the background, whose bundle carries V8's compile hint.
  const file = await bundle('utils/entities/recognizer.ts', 'recognizer', { compileHint: true });
  const size = readFileSync(file);
  const seed = readFileSync(join(SHARED, 'seed/kcna-songchon-speech.txt'), 'utf8');
  const corpusText = corpusTexts().map((article) => article.text).join('\n') + '\n' + seed;

  const node = await measure(pathToFileURL(file).href, seed, corpusText);

  const server = await serve({ '/bench/': join(file, '..') });
  const session = await launch();
  const page = await session.context.newPage();
  await page.goto(server.origin + '/bench/');
  const chromium = await page.evaluate(
    ([source, url, s, c]) => new Function(`return (${source})`)()(url, s, c),
    [measure.toString(), `${server.origin}/bench/recognizer.js`, seed, corpusText],
  );
  await session.close();
  await server.close();
  return { bundle: { bytes: size.length, gzip: gzipSync(size, { level: 9 }).length }, node, chromium };
}

/** @param {Awaited<ReturnType<typeof benchEntities>>} result */
export function printEntities(result) {
  const f = (/** @type {number} */ v, digits = 1) => v.toFixed(digits);
  console.log(`\nentity recognizer — bundle ${f(result.bundle.bytes / 1024)} KB, ${f(result.bundle.gzip / 1024)} KB gzip (background only)`);
  console.log('where     cold start (load + build + first call)   seed: first 10 median / warm   1 MB first call');
  for (const [where, r] of /** @type {const} */ ([['node', result.node], ['chromium', result.chromium]])) {
    console.log(
      `${where.padEnd(9)} ${`${f(r.coldStartMs)} ms (${f(r.loadMs)} + ${f(r.buildMs)} + ${f(r.firstCallMs)})`.padEnd(40)} ${`${f(r.seedFirst10MedianMs, 2)} / ${f(r.seedWarmMs, 2)} ms`.padEnd(30)} ${f(r.firstMbMs)} ms`,
    );
  }
  console.log('where     after warm-up: 100 KB       1 MB                5 MB');
  for (const [where, r] of /** @type {const} */ ([['node', result.node], ['chromium', result.chromium]])) {
    const t = r.throughput.map((/** @type {{ ms: number, mbPerSecond: number }} */ x) => `${f(x.ms)} ms ${f(x.mbPerSecond)} MB/s`.padEnd(20));
    console.log(`${where.padEnd(9)} ${t.join('')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchEntities();
  printEntities(result);
  const out = process.argv.indexOf('--out');
  if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1] ?? '', JSON.stringify(result, null, 2));
}
