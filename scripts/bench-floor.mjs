// @ts-check
/**
 * `node scripts/bench-floor.mjs [--runs N] [--half tuning|held-out|all] [--no-build]`: the least
 * that reading the live page off its thread can cost it (issue 16), beside what Gloss costs, in
 * the same traced runs (bench-trace.mjs).
 *
 * The floor is a copy of the bench's build whose article script does only what the architecture
 * cannot leave out: the page's HTML serialized (the body whole and the head's metadata, as
 * utils/article/page-html.ts does), handed to the extension, which runs Readability and answers
 * with the article's texts, and the body's text nodes walked once (where those texts are found
 * again). No text model, no entities, no painting, no panel. Its loader is the readerable check
 * alone (Readability's `isProbablyReaderable`, which Gloss's loader runs): on a page that is no
 * article, that is all any Gloss can do there.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchTrace, printTrace } from './bench-trace.mjs';
import { BENCH_EXTENSION_DIR, REPO } from './lib/paths.mjs';

/** Where the floor's build is written (beside the bench's, ignored by git). */
export const FLOOR_EXTENSION_DIR = resolve(REPO, '.output-floor/chrome-mv3');

/**
 * The floor's article script, run in the page's isolated world as Gloss's is (the background
 * injects `gloss-article.js`). Each step is a task of its own, as in Gloss.
 */
export function floorArticleScript() {
  const slot = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window));
  if (slot.__glossFloor) return;
  slot.__glossFloor = true;
  const next = () => new Promise((done) => setTimeout(done, 0));
  void (async () => {
    const start = performance.now();
    await next();
    const { head, body } = document;
    let kept = '';
    for (let child = head.firstElementChild; child; child = child.nextElementSibling) {
      if (['TITLE', 'META', 'LINK', 'BASE'].includes(child.nodeName)) kept += child.outerHTML;
    }
    const html = `<html><head>${kept}</head>${body.outerHTML}</html>`;
    await next();
    const { runtime } = /** @type {{ chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }} */ (/** @type {unknown} */ (globalThis)).chrome;
    const answer = runtime.sendMessage({ gloss: 1, type: 'extractArticle', payload: { html, url: location.href, canonicalUrl: null } });
    await answer.catch(() => undefined);
    await next();
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes++;
    slot.__glossFloorNodes = nodes;
    // What the bench takes for "Gloss read an article here" (bench-trace.mjs).
    performance.measure('gloss:total', { start, end: performance.now() });
  })();
}

/**
 * The floor's loader: Readability's readerable check (its own file, wrapped as the CommonJS module
 * it is) and, on an article, the background asked to start the article script, as Gloss's loader does.
 */
export function floorLoader() {
  const readerable = readFileSync(join(REPO, 'node_modules/@mozilla/readability/Readability-readerable.js'), 'utf8');
  return `(function () {
  var module = { exports: {} };
  ${readerable}
  if (module.exports(document)) chrome.runtime.sendMessage({ gloss: 1, type: 'startArticle', payload: {} });
})();
`;
}

/** Writes the floor's build from the bench's. */
export function writeFloorBuild() {
  if (!existsSync(BENCH_EXTENSION_DIR)) throw new Error(`No bench build at ${BENCH_EXTENSION_DIR}: run without --no-build`);
  rmSync(FLOOR_EXTENSION_DIR, { recursive: true, force: true });
  cpSync(BENCH_EXTENSION_DIR, FLOOR_EXTENSION_DIR, { recursive: true });
  writeFileSync(join(FLOOR_EXTENSION_DIR, 'gloss-loader.js'), floorLoader());
  writeFileSync(join(FLOOR_EXTENSION_DIR, 'gloss-article.js'), `(${floorArticleScript.toString()})();\n`);
  return FLOOR_EXTENSION_DIR;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: args } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      half: { type: 'string', default: 'all' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const runs = Math.max(1, Number(args.runs));
  if (!args['no-build']) execFileSync('npx', ['wxt', 'build'], { cwd: REPO, env: { ...process.env, GLOSS_MEASURES: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const floor = writeFloorBuild();
  const [floorRows, glossRows] = await benchTrace({ runs, half: args.half, build: false, extensionDirs: [floor, BENCH_EXTENSION_DIR] });
  console.log('\n== the floor: the readerable check; on an article, serialize, hand over, walk the body once (nothing else)');
  printTrace(/** @type {import('./bench-trace.mjs').Row[]} */ (floorRows), runs, 5_000);
  console.log('\n== Gloss');
  printTrace(/** @type {import('./bench-trace.mjs').Row[]} */ (glossRows), runs, 5_000);
}
