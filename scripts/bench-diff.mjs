// @ts-check
/**
 * The cost of comparing two versions of an article (utils/versions/diff.ts), in Node and in a
 * Chromium page: the reader page's comparison (paragraphs, then words in the edited ones) and the
 * background's count for the panel (paragraphs only), medians of 9 runs after 3 warm-ups. Texts:
 * the longest corpus article, a 50 KB and a 1 MB article written from the corpus's words (seeded),
 * each against an edited copy (every 10th paragraph: a word changed and a sentence added; every
 * 25th removed; a new paragraph every 40th); and the 50 KB article against an unrelated one (every
 * paragraph removed and another added: the most paragraph edits).
 *
 *   node scripts/bench-diff.mjs [--out FILE]   (also run by `npm run bench`)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusTexts } from './bench-entities.mjs';
import { syntheticArticle } from './bench-anchoring.mjs';
import { launch } from './lib/browser.mjs';
import { bundle } from './lib/bundle.mjs';
import { serve } from './lib/serve.mjs';

/** The edited copy described above (deterministic). */
function edit(/** @type {string} */ text) {
  /** @type {string[]} */
  const out = [];
  text.split('\n').forEach((paragraph, i) => {
    if (i % 25 === 24) return;
    if (i % 40 === 39) out.push('A paragraph the editors added later, with words of its own about the matter at hand.');
    if (i % 10 === 5) {
      const words = paragraph.split(' ');
      words[words.length >> 1] = 'CHANGED';
      out.push(`${words.join(' ')} A sentence was added here by the editors.`);
    } else out.push(paragraph);
  });
  return out.join('\n');
}

/** Runs in Node and, serialized, in the page. */
async function measure(/** @type {string} */ bundleUrl, /** @type {{ name: string, before: string, after: string }[]} */ pairs) {
  const { diffTexts, countChanges } = await import(bundleUrl);
  const median = (/** @type {number[]} */ runs) => runs.sort((a, b) => a - b)[runs.length >> 1] ?? NaN;
  const time = (/** @type {() => unknown} */ run) => {
    for (let i = 0; i < 3; i++) run();
    const runs = [];
    for (let i = 0; i < 9; i++) {
      const start = performance.now();
      run();
      runs.push(performance.now() - start);
    }
    return median(runs);
  };
  return pairs.map(({ name, before, after }) => ({
    name,
    characters: [before.length, after.length],
    counts: countChanges(diffTexts(before, after)),
    wordsMs: time(() => diffTexts(before, after)),
    paragraphsMs: time(() => diffTexts(before, after, { words: false })),
  }));
}

export async function benchDiff() {
  const file = await bundle('scripts/lib/diff-entry.ts', 'diff');
  const articles = corpusTexts();
  const longest = articles.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const words = articles.map((a) => a.text).join(' ');
  const fifty = syntheticArticle(words, 50 * 1024);
  const mega = syntheticArticle(words, 1024 * 1024);
  const pairs = [
    { name: `longest corpus page (${longest.name})`, before: longest.text, after: edit(longest.text) },
    { name: '50 KB article, edited', before: fifty, after: edit(fifty) },
    { name: '50 KB article vs an unrelated one', before: fifty, after: syntheticArticle(words, 50 * 1024, 11) },
    { name: '1 MB article, edited', before: mega, after: edit(mega) },
  ];
  const node = await measure(pathToFileURL(file).href, pairs);
  const server = await serve({ '/bench/': join(file, '..') });
  const session = await launch();
  const page = await session.context.newPage();
  await page.goto(server.origin + '/bench/');
  const chromium = await page.evaluate(
    ([source, url, p]) => new Function(`return (${source})`)()(url, p),
    /** @type {const} */ ([measure.toString(), `${server.origin}/bench/diff.js`, pairs]),
  );
  await session.close();
  await server.close();
  return { node, chromium };
}

/** @param {Awaited<ReturnType<typeof benchDiff>>} result */
export function printDiff(result) {
  const f = (/** @type {number} */ v) => v.toFixed(1);
  console.log('\ncomparing two versions (target ≤ 50 ms for the longest article): paragraphs then words (reader page), paragraphs only (panel count)');
  console.log('where     pair                                      chars (old/new)    edited/removed/added  words      paragraphs');
  for (const [where, rows] of /** @type {const} */ ([['node', result.node], ['chromium', result.chromium]])) {
    for (const r of rows) {
      console.log(
        `${where.padEnd(9)} ${r.name.padEnd(41)} ${r.characters.join('/').padEnd(18)} ${`${r.counts.edited}/${r.counts.removed}/${r.counts.added}`.padEnd(21)} ${`${f(r.wordsMs)} ms`.padEnd(10)} ${f(r.paragraphsMs)} ms`,
      );
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchDiff();
  printDiff(result);
  const out = process.argv.indexOf('--out');
  if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1] ?? '', JSON.stringify(result, null, 2));
}
