// @ts-check
/**
 * The recognizer's speed, in Node and in a Chromium page: cold start (load the bundle, build the
 * indexes, first call on the seed), the seed after warm-up, and throughput on corpus article
 * text concatenated to 100 KB, 1 MB and 5 MB (cost must grow linearly).
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
  // Warm up on the corpus as a long-running background would be.
  for (let i = 0; i < 5; i++) recognizer.recognize(corpusText.slice(0, 200_000));
  const seedRuns = [];
  for (let i = 0; i < 30; i++) {
    const s = now();
    recognizer.recognize(seed);
    seedRuns.push(now() - s);
  }
  seedRuns.sort((a, b) => a - b);
  const sizes = [100 * 1024, 1024 * 1024, 5 * 1024 * 1024];
  const throughput = [];
  for (const size of sizes) {
    let text = corpusText;
    while (text.length < size) text += '\n' + corpusText;
    text = text.slice(0, size);
    const runs = [];
    for (let i = 0; i < (size > 2e6 ? 5 : size > 5e5 ? 9 : 21); i++) {
      const s = now();
      recognizer.recognize(text);
      runs.push(now() - s);
    }
    runs.sort((a, b) => a - b);
    const ms = runs[runs.length >> 1] ?? NaN;
    throughput.push({ bytes: size, ms, mbPerSecond: size / 1024 / 1024 / (ms / 1000) });
  }
  return {
    loadMs: t1 - t0,
    buildMs: t2 - t1,
    firstCallMs: t3 - t2,
    coldStartMs: t3 - t0,
    seedWarmMs: seedRuns[seedRuns.length >> 1],
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
  const file = await bundle('utils/entities/recognizer.ts', 'recognizer');
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
  console.log('where     cold start (load + build + first call)   seed warm   100 KB          1 MB            5 MB');
  for (const [where, r] of /** @type {const} */ ([['node', result.node], ['chromium', result.chromium]])) {
    const t = r.throughput.map((/** @type {{ ms: number, mbPerSecond: number }} */ x) => `${f(x.ms)} ms ${f(x.mbPerSecond)} MB/s`.padEnd(16));
    console.log(
      `${where.padEnd(9)} ${`${f(r.coldStartMs)} ms (${f(r.loadMs)} + ${f(r.buildMs)} + ${f(r.firstCallMs)})`.padEnd(40)} ${`${f(r.seedWarmMs, 2)} ms`.padEnd(11)} ${t.join('')}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchEntities();
  printEntities(result);
  const out = process.argv.indexOf('--out');
  if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1] ?? '', JSON.stringify(result, null, 2));
}
