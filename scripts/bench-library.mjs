// @ts-check
/**
 * The popup with a large library, in Chromium with the built extension: a library that looks like
 * a reader's (10,000 annotations over 1,000 articles with their stored versions, see
 * syntheticLibrary) is imported as a Gloss backup through the popup's own import, and exported in
 * each format. The library's first paint in a freshly opened popup is measured twice: right after
 * the import, while the background fills in the library across articles from the 1,000 stored
 * copies (about half a minute of recognizing and writing beside the popup), and at rest: once the
 * filling is done, in the browser started again on the same profile, as a reader's library is on
 * an ordinary day (bench-mentions.mjs measures the library page so too). The searches, from typing
 * to results on screen for several kinds of query, are timed at rest.
 *
 *   node scripts/bench-library.mjs [--out FILE]   (also run by `npm run bench`)
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusTexts } from './bench-entities.mjs';
import { launch } from './lib/browser.mjs';
import { median } from './lib/median.mjs';
import { firstPaints, importBackup, waitForLibraryAtRest } from './lib/extension-pages.mjs';
import { EXTENSION_DIR } from './lib/paths.mjs';
import { seededRandom } from './lib/random.mjs';

const ANNOTATIONS = 10_000;
const ARTICLES = 1_000;
const RUNS = 5;
/** How long the browser started again runs before the popup is measured at rest. */
const AFTER_START_MS = 25_000;

/**
 * A Gloss backup of a library that looks like a reader's: 10,000 annotations over 1,000 articles,
 * seeded (the same library on every run), written from the corpus's words.
 * - Notes: 40 % none, and of the rest plain sentences, Markdown (headings, lists, emphasis, links,
 *   quotes), text in other scripts (Korean, Chinese, Arabic, accented Latin, emoji), and 4 % long
 *   notes of 1–10 KB (pasted passages).
 * - One common word, "government", in about 16 % of annotations (quote or note; the corpus's own
 *   uses of it, most in the long notes, and 3 % planted), as a frequent word is in a real library.
 * - Up to three tags each, by a Zipf law over 40 tags: the first on 30 % of the annotations, six
 *   used 500+ times, a long tail used a few dozen times.
 * - Colors skewed (yellow most), outlets skewed (KCNA most), dates over three years.
 * - Articles as Gloss records them: ~40 entity keys each (Zipf over 3,000 names), term lists, and
 *   a stored version of each (1,000 copies of ~8 KB of text): the library must paint as fast with
 *   them (issue 14).
 */
export function syntheticLibrary() {
  const next = seededRandom(11);
  const pick = (/** @type {readonly any[]} */ list) => list[Math.floor(next() * list.length)];
  /** An index in [0, n) by a Zipf law of exponent 1. */
  const zipf = (/** @type {number} */ n) => {
    const harmonic = Array.from({ length: n }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b, 0);
    let r = next() * harmonic;
    for (let k = 0; k < n; k++) if ((r -= 1 / (k + 1)) <= 0) return k;
    return n - 1;
  };
  const words = corpusTexts()
    .map((a) => a.text)
    .join(' ')
    .split(/\s+/)
    .filter((w) => w.length > 1);
  const phrase = (/** @type {number} */ n) => Array.from({ length: n }, () => pick(words)).join(' ');
  const outlets = ['KCNA', 'Rodong Sinmun', 'Yonhap', 'NK News', 'Reuters', 'BBC News', 'The New York Times', 'The Washington Post', 'Le Monde', 'Xinhua'];
  const tags = [
    'policy', 'economy', 'military', 'diplomacy', 'claim', 'check', 'quote', 'leadership', 'agriculture', 'sanctions',
    'energy', 'health', '20x10', 'Juche', 'follow-up', 'personnel', 'purge', 'missile', 'nuclear', 'trade',
    'China', 'Russia', 'ROK', 'US', 'Japan', 'UN', 'propaganda', 'slogan', 'construction', 'flood',
    'harvest', 'KPA', 'WPK', 'plenum', 'SPA', 'cabinet', 'provincial', 'youth', 'women', 'to-read',
  ];
  const colors = ['yellow', 'yellow', 'yellow', 'green', 'green', 'blue', 'pink', 'purple'];
  const foreign = [
    '김정은 위원장이 성천군 지방공업공장 건설장을 현지지도하였다.', '지방발전 20×10 정책', '조선로동당 중앙위원회',
    '习近平会见朝鲜代表团', '中朝友好合作关系', 'الحكومة الكورية الشمالية أعلنت', 'Pyŏngyang, Sŏngch\'ŏn, Hamgyŏng-bukto',
    'Kim Chŏng-ŭn à la réunion plénière', 'Zusammenfassung der Rede', '🚀 missile test again', 'note ✓ — vérifié ✔', 'Ñuñoa, São Paulo, Łódź',
  ];
  const markdown = () =>
    pick([
      () => `## ${phrase(3)}\n\n- ${phrase(6)}\n- ${phrase(8)}\n- **${phrase(2)}** ${phrase(5)}`,
      () => `> ${phrase(12)}\n\n${phrase(10)} [source](https://example.org/${Math.floor(next() * 1e6)})`,
      () => `1. ${phrase(7)}\n2. ${phrase(9)}\n\n*${phrase(4)}* and \`${pick(words)}\``,
    ])();
  const note = () => {
    const r = next();
    if (r < 0.4) return '';
    if (r < 0.72) return phrase(5 + Math.floor(next() * 40));
    if (r < 0.84) return markdown();
    if (r < 0.96) return `${pick(foreign)} ${phrase(3 + Math.floor(next() * 10))}`;
    return phrase(170 + Math.floor(next() * 1500)); // 1–10 KB
  };
  const start = Date.UTC(2023, 0, 1);
  const span = 3 * 365 * 86_400_000;
  // Entity keys as the recognizer writes them (TYPE:name), ~40 an article by a Zipf law over a
  // few thousand names made from the corpus's capitalized words.
  const capitalized = [...new Set(words.filter((w) => /^[A-Z][a-z]{2,}$/.test(w)))];
  const entityNames = Array.from({ length: 3000 }, (_, k) => `${['PERSON', 'ORG', 'PLACE'][k % 3]}:${capitalized[k % capitalized.length]} ${capitalized[(k * 7 + 3) % capitalized.length]}`);
  const termLists = ['builtin:dprk-policy', 'builtin:sanctions', 'builtin:military'];
  const articles = Array.from({ length: ARTICLES }, (_, i) => {
    const seen = start + Math.floor(next() * span);
    return {
      id: `https://news${i % 40}.example/article/${i}`,
      url: `https://news${i % 40}.example/article/${i}`,
      canonicalUrl: null,
      title: phrase(6 + Math.floor(next() * 8)),
      byline: null,
      siteName: /** @type {string} */ (outlets[zipf(outlets.length)]),
      publishedTime: new Date(seen).toISOString(),
      lang: 'en',
      dir: null,
      excerpt: null,
      length: 8000,
      firstSeenAt: seen,
      lastSeenAt: seen,
      entityKeys: [...new Set(Array.from({ length: 40 }, () => /** @type {string} */ (entityNames[zipf(entityNames.length)])))],
      termLists: termLists.filter(() => next() < 0.3),
    };
  });
  const annotations = Array.from({ length: ANNOTATIONS }, (_, i) => {
    const article = /** @type {(typeof articles)[number]} */ (articles[Math.floor(next() * ARTICLES)]);
    let exact = phrase(3 + Math.floor(next() * 30));
    let text = note();
    if (next() < 0.03) {
      if (text && next() < 0.5) text = `${text} ${COMMON_WORD}`;
      else exact = `${COMMON_WORD} ${exact}`;
    }
    const at = Math.floor(next() * 7000);
    const created = article.firstSeenAt + Math.floor(next() * 30 * 86_400_000);
    return {
      id: `bench-${i}`,
      articleId: article.id,
      quote: { type: 'TextQuoteSelector', exact, prefix: phrase(5).slice(-32), suffix: phrase(5).slice(0, 32) },
      position: { type: 'TextPositionSelector', start: at, end: at + exact.length },
      color: pick(colors),
      note: text,
      tags: Array.from(new Set(Array.from({ length: Math.floor(next() * 4) }, () => /** @type {string} */ (tags[zipf(tags.length)])))),
      createdAt: created,
      updatedAt: created,
      textHash: '',
    };
  });
  const settings = { hiddenTypes: [], hideAll: false, disabledSites: [] };
  // A stored version of every article (issue 14): 1,000 copies of ~8 KB of text each.
  const versions = articles.map((article, i) => {
    const paragraphs = Array.from({ length: 12 }, () => phrase(100));
    const text = paragraphs.join('\n\n');
    const html = paragraphs.map((p) => `<p>${p.replace(/[<&]/g, ' ')}</p>`).join('');
    const { url, canonicalUrl, title, byline, siteName, publishedTime, lang, dir, firstSeenAt, lastSeenAt } = article;
    return {
      url, canonicalUrl, title, byline, siteName, publishedTime, lang, dir, firstSeenAt, lastSeenAt,
      id: `bench-version-${i}`,
      articleId: article.id,
      hash: createHash('sha256').update(text).digest('hex'),
      modifiedTime: null,
      rawBytes: text.length + html.length,
      storedBytes: Math.round((text.length + html.length) / 3),
      encoding: 'gzip',
      content: { html, text },
    };
  });
  return { format: 'gloss-backup', version: 2, exportedAt: new Date(start + span).toISOString(), annotations, articles, watchlists: [], settings, versions };
}

/** The common word (in about 16 % of the annotations, see syntheticLibrary). */
const COMMON_WORD = 'government';

/** What the library holds, for the report: how often the common word and the top tags occur. */
export function libraryShape(/** @type {ReturnType<typeof syntheticLibrary>} */ backup) {
  const has = backup.annotations.filter((a) => `${a.quote.exact} ${a.note}`.toLowerCase().includes(COMMON_WORD)).length;
  /** @type {Map<string, number>} */
  const tagUses = new Map();
  for (const a of backup.annotations) for (const tag of a.tags) tagUses.set(tag, (tagUses.get(tag) ?? 0) + 1);
  const noteBytes = backup.annotations.map((a) => new TextEncoder().encode(a.note).length);
  return {
    commonWordShare: has / backup.annotations.length,
    tagsUsed500: [...tagUses.values()].filter((n) => n >= 500).length,
    topTag: [...tagUses.entries()].sort((a, b) => b[1] - a[1])[0],
    longNotes: noteBytes.filter((n) => n >= 1024).length,
  };
}

export async function benchLibrary() {
  const backup = syntheticLibrary();
  const dir = mkdtempSync(join(tmpdir(), 'gloss-library-'));
  const file = join(dir, 'library.json');
  writeFileSync(file, JSON.stringify(backup));
  const profile = join(dir, 'profile');
  let session = await launch({ extensionDir: EXTENSION_DIR, userDataDir: profile });
  const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
  try {
    // Import through the popup, as a reader would.
    const setup = await session.context.newPage();
    const importMs = await importBackup(setup, /** @type {string} */ (session.extensionId), file);

    // Exports, each format, timed from the click to the file.
    /** @type {Record<string, number>} */
    const exportMs = {};
    for (const format of ['markdown', 'csv', 'w3c', 'backup']) {
      const clicked = Date.now();
      const [download] = await Promise.all([setup.waitForEvent('download', { timeout: 120_000 }), setup.locator(`[data-export="${format}"]`).click()]);
      await download.path();
      exportMs[format] = Date.now() - clicked;
    }

    // First paint of the library in a fresh popup: navigation start to the first list on screen.
    // Right after the import, the background's filling beside it; then at rest, in a browser started again.
    const paintsDuringFill = await firstPaints(session.context, `${popupUrl}?section=library`, 'gloss:library-painted', RUNS);
    await setup.goto(popupUrl.replace('popup.html', 'note-form.html'));
    const rest = await waitForLibraryAtRest(setup);
    await session.close();
    session = await launch({ extensionDir: EXTENSION_DIR, userDataDir: profile });
    // The browser at rest too: the background's start (its bundle compiled whole, the offscreen
    // document) and its jobs a while after it (stored-words.ts at 10 s, backfill.ts at 20 s, with
    // nothing left to do) are over before the first popup opens.
    await new Promise((resolve) => setTimeout(resolve, AFTER_START_MS));
    const paints = await firstPaints(session.context, `${popupUrl}?section=library`, 'gloss:library-painted', RUNS);
    // For scale, in the same browser: the first paint of Gloss's smallest extension page (the
    // note form, a few elements): what any extension page costs on this machine today.
    const blankPaints = await firstPaints(session.context, popupUrl.replace('popup.html', 'note-form.html'), null, RUNS);

    // Searches: from the input event to the new count on screen.
    const page = await session.context.newPage();
    await page.goto(`${popupUrl}?section=library`);
    await page.waitForFunction(() => performance.getEntriesByName('gloss:library-painted').length > 0);
    const note = (/** @type {number} */ i) => /** @type {(typeof backup.annotations)[number]} */ (backup.annotations[i]);
    /** @type {[string, string][]} */
    const queries = [
      ['rare word', pick(note(4321).note || note(4321).quote.exact) ?? 'welfare'],
      ['common word', COMMON_WORD],
      ['common word + tag', `${COMMON_WORD} tag:policy`],
      ['two words', `${firstWord(note(77).quote.exact)} ${firstWord(note(78).quote.exact)}`],
      ['prefix', 'gov'],
      ['tag', 'tag:policy'],
      ['rare tag', 'tag:to-read'],
      ['color', 'color:green'],
      ['outlet', 'outlet:"Rodong Sinmun"'],
      ['word + outlet + dates', 'party outlet:KCNA from:2024-01-01 to:2024-12-31'],
      ['phrase', `"${contentPhrase(backup.annotations)}"`],
      ['phrase of small words', '"to the up"'],
      ['phrase of stop words', '"of the"'],
    ];
    const searches = [];
    for (const [kind, query] of queries) {
      const runs = [];
      const searchRuns = [];
      let total = '';
      for (let i = 0; i < RUNS; i++) {
        const result = await page.evaluate(timeSearch, query);
        runs.push(result.ms);
        searchRuns.push(result.searchMs);
        total = result.count;
        await page.evaluate(timeSearch, 'zz'); // a query with no results between runs
      }
      searches.push({ kind, query, toResultsMs: median(runs), searchMs: median(searchRuns), count: total });
    }
    await page.close();
    return {
      annotations: ANNOTATIONS,
      articles: ARTICLES,
      shape: libraryShape(backup),
      importMs,
      exportMs,
      firstPaintMs: median(paints),
      firstPaintRuns: paints,
      firstPaintDuringFillMs: median(paintsDuringFill),
      firstPaintDuringFillRuns: paintsDuringFill,
      restAfterMs: rest.waitedMs,
      atRest: rest.atRest,
      blankPagePaintMs: median(blankPaints),
      searches,
    };
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function pick(/** @type {string} */ text) {
  const words = text.split(/\s+/).filter((w) => /^[a-z]{6,}$/i.test(w));
  return words[words.length >> 1] ?? text.split(/\s+/)[0];
}

/** Three words of four letters or more, side by side in some quote. */
function contentPhrase(/** @type {{ quote: { exact: string } }[]} */ annotations) {
  for (const annotation of annotations.slice(1234)) {
    const words = annotation.quote.exact.split(' ');
    for (let i = 0; i + 3 <= words.length; i++) {
      const three = words.slice(i, i + 3);
      if (three.every((w) => /^[a-z]{4,}$/i.test(w))) return three.join(' ');
    }
  }
  return 'regional development policy';
}

function firstWord(/** @type {string} */ text) {
  return text.split(/\s+/).find((w) => /^[a-z]{4,}$/i.test(w)) ?? 'party';
}

/**
 * In the popup: types `query` into the search box and answers the time until its search has
 * answered (the `gloss:library-search` measure) and the next frame has been painted.
 */
async function timeSearch(/** @type {string} */ query) {
  const input = /** @type {HTMLInputElement} */ (document.querySelector('[data-testid="library-search"]'));
  const count = /** @type {HTMLElement} */ (document.querySelector('[data-testid="library-count"]'));
  const start = performance.now();
  /** @type {Promise<number>} */
  const answered = new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const mine = list.getEntriesByName('gloss:library-search').find((entry) => entry.startTime >= start);
      if (!mine) return;
      observer.disconnect();
      resolve(mine.duration);
    });
    observer.observe({ type: 'measure' });
  });
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const searchMs = await answered;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return { ms: performance.now() - start, searchMs, count: count.textContent ?? '' };
}

/** @param {Awaited<ReturnType<typeof benchLibrary>>} result */
export function printLibrary(result) {
  const f = (/** @type {number} */ v) => v.toFixed(1);
  console.log(`\nlibrary: ${result.annotations.toLocaleString('en')} annotations over ${result.articles.toLocaleString('en')} articles (targets: first paint ≤ 150 ms, search ≤ 50 ms)`);
  const shape = result.shape;
  console.log(
    `  the library: "${COMMON_WORD}" in ${(shape.commonWordShare * 100).toFixed(1)} % of annotations, ${shape.tagsUsed500} tags used 500+ times (top: ${shape.topTag?.[0]} ${shape.topTag?.[1]}), ${shape.longNotes} notes of 1–10 KB`,
  );
  const rest = result.atRest ? `at rest (the filling done ${f(result.restAfterMs / 1000)} s after the exports; browser started again)` : `NOT at rest: the filling had not ended ${f(result.restAfterMs / 1000)} s after the exports`;
  console.log(`  first paint of the library (popup opened), ${rest}: median ${f(result.firstPaintMs)} ms (${result.firstPaintRuns.map(f).join(', ')})`);
  console.log(`  first paint right after the import, while the background fills in the library: median ${f(result.firstPaintDuringFillMs)} ms (${result.firstPaintDuringFillRuns.map(f).join(', ')})`);
  console.log(`  for scale, the first paint of an almost empty extension page (the note form) here: median ${f(result.blankPagePaintMs)} ms`);
  console.log(`  search at rest (kind, query)              to results on screen   of which the search   results`);
  for (const s of result.searches) {
    console.log(`  ${s.kind.padEnd(22)} ${s.query.slice(0, 18).padEnd(18)} ${`${f(s.toResultsMs)} ms`.padEnd(22)} ${`${f(s.searchMs)} ms`.padEnd(21)} ${s.count.trim()}`);
  }
  console.log(`  import of the backup (${result.annotations.toLocaleString('en')} annotations): ${result.importMs} ms`);
  console.log(`  export: ${Object.entries(result.exportMs).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchLibrary();
  printLibrary(result);
  const out = process.argv.indexOf('--out');
  if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1] ?? '', JSON.stringify(result, null, 2));
}
