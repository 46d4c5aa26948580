// @ts-check
/**
 * The reader page's first paint (issue 14), in Chromium with the built extension: the longest
 * corpus article kept as a stored version with 100 of the reader's annotations on it, imported
 * as a Gloss backup through the popup; then the time from navigation to the copy painted with
 * its highlights (`gloss:reader-painted`), in freshly opened pages, median of RUNS. For scale, the
 * first paint of Gloss's smallest extension page in the same browser.
 *
 *   node scripts/bench-reader.mjs [--out FILE]   (also run by `npm run bench`)
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { launch } from './lib/browser.mjs';
import { bundle } from './lib/bundle.mjs';
import { firstPaints, importBackup } from './lib/extension-pages.mjs';
import { median } from './lib/median.mjs';
import { offlineParser } from './lib/offline-parser.mjs';
import { CORPUS_DIR, EXTENSION_DIR } from './lib/paths.mjs';

const ANNOTATIONS = 100;
const RUNS = 7;
const ARTICLE_ID = 'https://news.test/the-longest-article';

/** The corpus article with the longest text, as Readability gives it (HTML and text). */
function longestArticle() {
  let best = { name: '', html: '', text: '', title: '' };
  for (const name of readdirSync(CORPUS_DIR)) {
    if (!statSync(join(CORPUS_DIR, name)).isDirectory()) continue;
    const source = readFileSync(join(CORPUS_DIR, name, 'source.html'), 'utf8');
    const article = new Readability(offlineParser().parseFromString(source, 'text/html')).parse();
    if (article?.textContent && article.content && article.textContent.length > best.text.length) {
      best = { name, html: article.content, text: article.textContent, title: article.title ?? name };
    }
  }
  return best;
}

/**
 * A backup of one article, its stored version and ANNOTATIONS annotations spread over its text,
 * each described as Gloss describes a highlight: quote and context cut from the text model (white
 * space collapsed, a "\n" at each paragraph break) of the article's HTML, positions in it.
 * (Quotes cut from the text with every break made a space, as this bench first did, are quotes
 * Gloss never stores: the third of them that spans a break was found only by the fuzzy search.)
 */
export async function readerLibrary() {
  const article = longestArticle();
  const { buildTextModel, describeText } = await import(pathToFileURL(await bundle('scripts/lib/anchoring-entry.ts', 'anchoring')).href);
  /** @type {string} */
  const text = buildTextModel(offlineParser().parseFromString(`<body>${article.html}</body>`, 'text/html').body).text;
  const seen = Date.UTC(2026, 4, 3);
  const meta = { url: ARTICLE_ID, canonicalUrl: null, title: article.title, byline: null, siteName: 'Corpus', publishedTime: null, lang: 'en', dir: null };
  const annotations = Array.from({ length: ANNOTATIONS }, (_, k) => {
    const start = Math.floor((k * (text.length - 200)) / ANNOTATIONS) + 50;
    return {
      id: `reader-bench-${k}`,
      articleId: ARTICLE_ID,
      ...describeText(text, start, start + 40 + (k % 5) * 20),
      color: ['yellow', 'green', 'blue', 'pink', 'purple'][k % 5],
      note: k % 3 ? `Note ${k}: worth checking against the wire copy.` : '',
      tags: k % 4 ? [] : ['check'],
      createdAt: seen + k * 60_000,
      updatedAt: seen + k * 60_000,
      textHash: '',
    };
  });
  const version = {
    ...meta,
    id: 'reader-bench-version',
    articleId: ARTICLE_ID,
    hash: createHash('sha256').update(text).digest('hex'),
    modifiedTime: null,
    firstSeenAt: seen,
    lastSeenAt: seen,
    rawBytes: text.length + article.html.length,
    storedBytes: Math.round((text.length + article.html.length) / 3),
    encoding: 'gzip',
    content: { html: article.html, text },
  };
  const record = { id: ARTICLE_ID, ...meta, excerpt: null, length: text.length, firstSeenAt: seen, lastSeenAt: seen };
  const backup = {
    format: 'gloss-backup',
    version: 2,
    exportedAt: new Date(seen).toISOString(),
    annotations,
    articles: [record],
    watchlists: [],
    settings: { hiddenTypes: [], hideAll: false, disabledSites: [] },
    versions: [version],
  };
  return { name: article.name, characters: text.length, htmlBytes: article.html.length, backup };
}

export async function benchReader() {
  const { name, characters, htmlBytes, backup } = await readerLibrary();
  const dir = mkdtempSync(join(tmpdir(), 'gloss-reader-'));
  const file = join(dir, 'library.json');
  writeFileSync(file, JSON.stringify(backup));
  const session = await launch({ extensionDir: EXTENSION_DIR });
  const base = `chrome-extension://${session.extensionId}`;
  try {
    const setup = await session.context.newPage();
    await importBackup(setup, /** @type {string} */ (session.extensionId), file);
    await setup.close();

    const paints = await firstPaints(session.context, `${base}/reader.html?${new URLSearchParams({ article: ARTICLE_ID })}`, 'gloss:reader-painted', RUNS);
    // What the last page showed beside the copy: every annotation placed, or orphaned.
    const check = await session.context.newPage();
    await check.goto(`${base}/reader.html?${new URLSearchParams({ article: ARTICLE_ID })}`);
    await check.waitForFunction(() => performance.getEntriesByName('gloss:reader-painted').length > 0, null, { timeout: 60_000 });
    const placed = `${await check.getByTestId('reader-note').count()} notes beside the copy, ${await check.getByTestId('reader-orphans').locator('li').count()} orphaned`;
    await check.close();
    const blankPaints = await firstPaints(session.context, `${base}/note-form.html`, null, RUNS);
    return { article: name, characters, htmlBytes, annotations: ANNOTATIONS, placed, firstPaintMs: median(paints), firstPaintRuns: paints, blankPagePaintMs: median(blankPaints) };
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {Awaited<ReturnType<typeof benchReader>>} result */
export function printReader(result) {
  const f = (/** @type {number} */ v) => v.toFixed(1);
  console.log(`\nreader page: ${result.article} (${result.characters.toLocaleString('en')} characters, ${(result.htmlBytes / 1024).toFixed(1)} KB of HTML) with ${result.annotations} annotations (target: first paint ≤ 150 ms)`);
  console.log(`  first paint with the highlights: median ${f(result.firstPaintMs)} ms (${result.firstPaintRuns.map(f).join(', ')}); ${result.placed}`);
  console.log(`  for scale, the first paint of an almost empty extension page (the note form) here: median ${f(result.blankPagePaintMs)} ms`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchReader();
  printReader(result);
  const out = process.argv.indexOf('--out');
  if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1] ?? '', JSON.stringify(result, null, 2));
}
