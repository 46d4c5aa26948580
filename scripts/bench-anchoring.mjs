// @ts-check
/**
 * Re-anchoring speed, in Node, in a Chromium page and in a Firefox ESR page (when installed): 500 annotations placed at seeded random
 * stretches (5 to 300 characters) of the longest corpus article and of a 1 MB article written
 * from the corpus's words (seeded random sentences and paragraphs, so that passages do not
 * repeat as they would in the corpus pasted over and over), anchored again by `anchorAll` on the text as it was and after an edit (a paragraph
 * inserted at the top, which moves every position, and one word changed inside every tenth
 * quote). The baseline, in the same run, is a plain `approx-string-match` search of each quote
 * over the whole text with the same error budget (10% of the quote).
 *
 *   node scripts/bench-anchoring.mjs [--out FILE]   (also run by `npm run bench`)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusTexts } from './bench-entities.mjs';
import { launch } from './lib/browser.mjs';
import { FIREFOX, launchFirefox } from './lib/firefox.mjs';
import { bundle } from './lib/bundle.mjs';
import { seededRandom } from './lib/random.mjs';
import { serve } from './lib/serve.mjs';

const COUNT = 500;

/** Runs in Node and, serialized, in the page. */
async function measure(
  /** @type {string} */ bundleUrl,
  /** @type {{ name: string, text: string }[]} */ texts,
  /** @type {number} */ count,
  /** @type {string} */ randomSource,
) {
  const { anchorAll, describeText, search } = await import(bundleUrl);
  // The shared seeded generator, passed as source: this function also runs serialized in a page.
  const random = new Function(`return (${randomSource})`)()(42);
  const median = (/** @type {number[]} */ runs) => runs.sort((a, b) => a - b)[runs.length >> 1] ?? NaN;
  const time = (/** @type {() => unknown} */ run, /** @type {number} */ times) => {
    const runs = [];
    for (let i = 0; i < times; i++) {
      const start = performance.now();
      run();
      runs.push(performance.now() - start);
    }
    return median(runs);
  };
  const results = [];
  for (const { name, text } of texts) {
    /** @type {{ id: string, quote: { exact: string }, position: { start: number }, textHash: string }[]} */
    const annotations = [];
    for (let i = 0; i < count; i++) {
      const length = 5 + Math.floor(random() * random() * 295);
      const start = Math.floor(random() * (text.length - length));
      annotations.push({ id: `a${i}`, ...describeText(text, start, start + length), textHash: '' });
    }
    // The edit: a new paragraph on top, and a word changed inside every tenth quote.
    let edited = 'An editor’s note was added at the top of this article after publication.\n' + text;
    const shift = edited.length - text.length;
    for (const annotation of annotations.filter((_, i) => i % 10 === 0).sort((a, b) => b.position.start - a.position.start)) {
      const at = shift + annotation.position.start + (annotation.quote.exact.length >> 1);
      edited = edited.slice(0, at) + 'X' + edited.slice(at + 1);
    }
    const unchanged = anchorAll(annotations, text);
    const after = anchorAll(annotations, edited);
    const anchorUnchangedMs = time(() => anchorAll(annotations, text), 7);
    const anchorEditedMs = time(() => anchorAll(annotations, edited), 5);
    const baselineStart = performance.now();
    for (const annotation of annotations) search(edited, annotation.quote.exact, Math.floor(annotation.quote.exact.length * 0.1));
    const baselineMs = performance.now() - baselineStart;
    results.push({
      name,
      characters: text.length,
      annotations: count,
      anchorUnchangedMs,
      anchorEditedMs,
      placedUnchanged: unchanged.placed.length,
      placedEdited: after.placed.length,
      baselineMs,
      ratio: baselineMs / anchorEditedMs,
    });
  }
  return results;
}

/** About `size` characters of sentences and paragraphs drawn at (seeded) random from `source`'s words (`seed` picks which). */
export function syntheticArticle(/** @type {string} */ source, /** @type {number} */ size, seed = 7) {
  const words = source.split(/\s+/).filter(Boolean);
  const random = seededRandom(seed);
  const pick = (/** @type {number} */ n) => Math.floor(random() * n);
  const paragraphs = [];
  let length = 0;
  while (length < size) {
    const sentences = [];
    for (let s = 3 + pick(5); s > 0; s--) {
      const sentence = Array.from({ length: 8 + pick(22) }, () => words[pick(words.length)]).join(' ');
      sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.');
    }
    paragraphs.push(sentences.join(' '));
    length += (paragraphs.at(-1) ?? '').length + 1;
  }
  return paragraphs.join('\n').slice(0, size);
}

export async function benchAnchoring() {
  const file = await bundle('scripts/lib/anchoring-entry.ts', 'anchoring');
  const articles = corpusTexts();
  const longest = articles.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const texts = [
    { name: `longest corpus page (${longest.name})`, text: longest.text },
    { name: '1 MB synthetic article', text: syntheticArticle(articles.map((a) => a.text).join(' '), 1024 * 1024) },
  ];
  const node = await measure(pathToFileURL(file).href, texts, COUNT, seededRandom.toString());
  const server = await serve({ '/bench/': join(file, '..') });
  const session = await launch();
  const page = await session.context.newPage();
  await page.goto(server.origin + '/bench/');
  const chromium = await page.evaluate(
    ([source, url, t, n, r]) => new Function(`return (${source})`)()(url, t, n, r),
    /** @type {const} */ ([measure.toString(), `${server.origin}/bench/anchoring.js`, texts, COUNT, seededRandom.toString()]),
  );
  await session.close();
  // The same in Firefox ESR (puppeteer-core over WebDriver BiDi), when it is installed.
  let firefox = null;
  if (existsSync(FIREFOX)) {
    const fx = await launchFirefox({ extensionDir: null });
    try {
      const tab = await fx.browser.newPage();
      await tab.goto(server.origin + '/bench/');
      firefox = await tab.evaluate(
        (source, url, t, n, r) => new Function(`return (${source})`)()(url, t, n, r),
        measure.toString(), `${server.origin}/bench/anchoring.js`, texts, COUNT, seededRandom.toString(),
      );
    } finally {
      await fx.close();
    }
  }
  await server.close();
  return { node, chromium, firefox };
}

/** @param {Awaited<ReturnType<typeof benchAnchoring>>} result */
export function printAnchoring(result) {
  const f = (/** @type {number} */ v) => v.toFixed(1);
  console.log(`\nre-anchoring ${COUNT} annotations (target ≤ 50 ms); baseline: approx-string-match of every quote over the whole text`);
  console.log('where     text                                      chars      unchanged  edited    placed (edited)  baseline     ratio');
  for (const [where, rows] of /** @type {const} */ ([['node', result.node], ['chromium', result.chromium], ['firefox', result.firefox ?? []]])) {
    for (const r of rows) {
      console.log(
        `${where.padEnd(9)} ${r.name.padEnd(41)} ${String(r.characters).padEnd(10)} ${`${f(r.anchorUnchangedMs)} ms`.padEnd(10)} ${`${f(r.anchorEditedMs)} ms`.padEnd(9)} ${`${r.placedUnchanged} (${r.placedEdited})`.padEnd(16)} ${`${f(r.baselineMs)} ms`.padEnd(12)} ${f(r.ratio)}×`,
      );
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchAnchoring();
  printAnchoring(result);
  const out = process.argv.indexOf('--out');
  if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1] ?? '', JSON.stringify(result, null, 2));
}
