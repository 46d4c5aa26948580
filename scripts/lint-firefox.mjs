// @ts-check
/**
 * `web-ext lint`, Mozilla's own add-on linter, on the Firefox build (`npm run e2e:firefox` runs it
 * after building; alone, run `npm run build:firefox` first): fails on any error and on any
 * warning that is not explained below (and in the README).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO } from './lib/paths.mjs';

/**
 * Warnings read and accepted, each with why. All are library code: Preact's renderer keeps an
 * `innerHTML` branch for `dangerouslySetInnerHTML`, which Gloss never uses (notes render as a typed
 * tree, see utils/notes/); Readability moves `innerHTML` between elements of the parsed copy it
 * reads in the background page, never the live page; DOMPurify, which cleans the article copies
 * Gloss keeps (utils/versions/sanitize.ts, in the background page and the reader page), parses
 * into a `template` document of its own with `innerHTML` where `DOMParser` fails: an inert
 * document, whose result it then cleans.
 */
const EXPLAINED = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(background\.js|chunks\/reader-[\w-]+\.js)$/, why: "DOMPurify's fallback parser (an inert document)" },
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(gloss-(editor|panel)\.js|chunks\/[\w.-]+\.js|popup\.js|note-form\.js)$/, why: "Preact's dangerouslySetInnerHTML branch" },
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^background\.js$/, why: "Readability's work on the parsed copy" },
];

const dir = resolve(REPO, '.output/firefox-mv2');
let out = '';
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], { cwd: REPO, encoding: 'utf8' });
} catch (error) {
  out = /** @type {{ stdout?: string }} */ (error).stdout ?? ''; // exits non-zero on errors; the JSON says which
}
/** @type {{ summary: Record<string, number>, errors: any[], warnings: any[], notices: any[] }} */
const report = JSON.parse(out.slice(out.indexOf('{')));
const unexplained = report.warnings.filter((w) => !EXPLAINED.some((e) => e.code === w.code && e.file.test(w.file ?? '')));
for (const m of [...report.errors, ...unexplained]) console.error(`${m._type} ${m.code} ${m.file ?? ''}: ${m.message}\n  ${m.description ?? ''}`);
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexplained.length} explained), ${report.notices.length} notices`);
if (report.errors.length || unexplained.length) process.exit(1);
