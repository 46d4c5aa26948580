// @ts-check
/**
 * The library across articles (issue 15) at scale, in a Chromium page with real IndexedDB: a
 * generated library of 10,000 articles naming ~40 entities each, drawn with a Zipf law (s = 1)
 * from the names the gold files and term lists hold (so the most named key is in nearly every
 * article, as "Kim Jong Un" is in a KCNA reader's library). Reported: recording one article's
 * mentions (writeMentions, on the full library), the entity table's query (first 100 rows), one
 * entity's page (articles, timeline, co-occurrence) for a key of rank 1, 20 and 500, and a term's
 * trend; the table within an outlet and months (key-slices.ts) against reading every timeline,
 * and a key's weeks kept against counted from the index; then the same questions again with the reader's corrections (corrections/): the two most
 * named keys merged (the worst case: nearly every article names both), 20 more merges, 10 keys
 * hidden, two terms merged. Those are query times; then the library page's first paints on the
 * same library in the built extension (the table's first screen and all its rows, and the pages of rank 1, 20 and 500). The name
 * search (db/name-search.ts) is timed for a common prefix, a rare name, one letter and a Hangul
 * part, over the whole library and within an outlet, against loading the table's 2,000 rows.
 *
 * With `--only slices`, only what the table within a slice costs: the recording and the passes of
 * 50 readings (what keeping the slices costs), then the sliced table, without and with corrections.
 *
 * With `--compare DIR`, the library page's first paints of another build beside this one's, in turns.
 *
 *   node scripts/bench-mentions.mjs [--articles N] [--out FILE] [--no-paints] [--only slices] [--compare DIR]   (also run by `npm run bench`)
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './lib/browser.mjs';
import { bundle } from './lib/bundle.mjs';
import { firstPaints } from './lib/extension-pages.mjs';
import { median } from './lib/median.mjs';
import { EXTENSION_DIR, REPO, SHARED } from './lib/paths.mjs';
import { serve } from './lib/serve.mjs';

const ARTICLES = 10_000;
const PER_ARTICLE = 40;
/** Freshly opened pages per first paint. */
const RUNS = 7;
/** Turns of each build when two are compared (`--compare`). */
const COMPARE_ROUNDS = 3;
/** Gloss's database (utils/db/database.ts). */
const DB_NAME = 'gloss';

/** Distinct names by type, from the hand-labelled gold files and the built-in term lists. */
export function realisticNames() {
  /** @type {[string, string][]} */
  const names = [];
  const seen = new Set();
  const add = (/** @type {string} */ type, /** @type {string} */ name) => {
    const key = `${type}:${name}`;
    if (seen.has(key)) return;
    names.push([type, name]);
    seen.add(key);
  };
  const dir = join(REPO, 'tests/fixtures/gold');
  // The seed's names first (its leader is the most named key); the pages held out of tuning (sh2-*) left out.
  const files = [join(SHARED, 'gold/kcna-songchon-speech.json'), ...readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('sh2-')).map((f) => join(dir, f))];
  for (const file of files) {
    const gold = JSON.parse(readFileSync(file, 'utf8'));
    for (const type of ['PERSON', 'ORG', 'PLACE']) for (const name of Object.keys(gold[type] ?? {})) add(type, name);
  }
  /** @type {[string, string][]} */
  const terms = [];
  for (const list of ['terms-dprk.json', 'terms-policy.json']) {
    for (const section of JSON.parse(readFileSync(join(REPO, 'utils/entities/data', list), 'utf8'))) {
      for (const entry of section.entries) terms.push(['TERM', typeof entry === 'string' ? entry : entry[0]]);
    }
  }
  // Terms among the names, one in ten, so that some are common and some rare.
  return names.flatMap((name, i) => (i % 9 === 8 && terms.length ? [name, /** @type {[string, string]} */ (terms.shift())] : [name])).concat(terms);
}

/**
 * Runs in the page: builds the library into the database `dbName`, then, with `questions`, times
 * the questions (and deletes it); without, answers the keys of rank 1, 20 and 500 and leaves it.
 * With `slicesOnly`, the only questions are the table within slices (and the corrections they fold).
 */
async function measure(/** @type {string} */ url, /** @type {string} */ dbName, /** @type {[string, string][]} */ names, /** @type {number} */ articles, /** @type {number} */ perArticle, questions = true, slicesOnly = false) {
  const { GlossDb, writeMentions, applyPending, keyDate, listEntities, entityPage, trends, correctKeys, recountPeriods, listEntitiesIn, rangeCounts, entityWeeks, weekOf, weekStart, searchEntities, summaryWords } = await import(url);
  let seed = 7;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Zipf (s = 1) by inverting the cumulative weights.
  /** @type {number[]} */
  const cumulative = [];
  let total = 0;
  for (let r = 1; r <= names.length; r++) cumulative.push((total += 1 / r));
  const draw = () => {
    const x = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (/** @type {number} */ (cumulative[mid]) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const outlets = ['KCNA', 'Rodong Sinmun', 'Yonhap', 'NK News', 'Reuters', 'BBC News', 'The New York Times', 'Xinhua', 'Le Monde', 'The Washington Post'];
  const start = Date.UTC(2022, 0, 1);
  const span = 4 * 365 * 86_400_000;
  const words = 'the of and to in a said on for with at by from that was is its as were has have it this which'.split(' ');
  const passage = () => Array.from({ length: 9 }, () => words[Math.floor(next() * words.length)]).join(' ');
  const makeArticle = (/** @type {number} */ i) => {
    const picked = new Set();
    while (picked.size < perArticle) picked.add(draw());
    const ranks = [...picked];
    const date = start + Math.floor(next() * span);
    const record = {
      id: `https://news${i % 97}.example/${i}`, url: `https://news${i % 97}.example/${i}`, canonicalUrl: null, title: `Article ${i}`, byline: null,
      siteName: outlets[i % outlets.length], publishedTime: new Date(date).toISOString(), lang: 'en', dir: null, excerpt: null, length: 6000,
      firstSeenAt: date, lastSeenAt: date, entityKeys: ranks.map((r) => (names[r] ?? []).join(':')).sort(),
    };
    const found = ranks.map((r) => {
      const [type, name] = /** @type {[string, string]} */ (names[r]);
      const count = 1 + Math.floor(next() * 6);
      return { key: `${type}:${name}`, type, name, spellings: [name], count, snippets: Array.from({ length: Math.min(2, count) }, () => [passage(), name, passage()]) };
    });
    return { record, found };
  };

  const db = new GlossDb(dbName);
  await db.open();
  const t0 = performance.now();
  // The library as readings would have left it, written in bulk (reading articles one by one
  // through writeMentions is the next figure): the same records and summaries it keeps.
  const summaries = new Map();
  const timelines = new Map();
  const BATCH = 500;
  for (let from = 0; from < articles; from += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, articles - from) }, (_, k) => makeArticle(from + k));
    const records = [];
    for (const { record, found } of batch) {
      records.push({ articleId: record.id, date: record.firstSeenAt, outlet: record.siteName ?? '', entries: found, keyDates: found.map((m) => keyDate(m.key, record.firstSeenAt)) });
      for (const m of found) {
        const s = summaries.get(m.key) ?? { key: m.key, type: m.type, name: m.name, variants: [m.name], articles: 0, mentions: 0, firstSeen: record.firstSeenAt, lastSeen: record.firstSeenAt };
        const t = timelines.get(m.key) ?? { key: m.key, months: {} };
        timelines.set(m.key, t);
        s.articles++;
        s.mentions += m.count;
        const month = (t.months[new Date(record.firstSeenAt).toISOString().slice(0, 7)] ??= { articles: 0, mentions: 0, outlets: {} });
        month.articles++;
        month.mentions += m.count;
        const outlet = record.siteName ?? '';
        month.outlets[outlet] = (month.outlets[outlet] ?? 0) + 1;
        s.firstSeen = Math.min(s.firstSeen, record.firstSeenAt);
        s.lastSeen = Math.max(s.lastSeen, record.firstSeenAt);
        summaries.set(m.key, s);
      }
    }
    await db.articles.bulkPut(batch.map((b) => b.record));
    await db.mentions.bulkPut(records);
  }
  // With the words each is found by, as applyPending keeps them (schema 13).
  await db.entities.bulkPut([...summaries.values()].map((s) => ({ ...s, words: summaryWords(s) })));
  await db.timelines.bulkPut([...timelines.values()]);
  await db.articleCounts.put({ id: 'articles', total: articles, byKey: new Map([...summaries.values()].map((s) => [s.key, s.articles])) });
  const buildMs = performance.now() - t0;
  // The slices by month, year and outlet and the keys' weeks, counted from the records as schema 14's upgrade does.
  const periodsStart = performance.now();
  await recountPeriods(db);
  const periodsMs = performance.now() - periodsStart;
  const counts = { articles: await db.articles.count(), mentions: await db.mentions.count(), entities: await db.entities.count() };
  if (!questions) {
    const ranked = [...summaries.values()].sort((a, b) => b.articles - a.articles);
    db.close();
    return { buildMs, counts, keys: [1, 20, 500].map((rank) => ranked[Math.min(rank, ranked.length) - 1]?.key) };
  }

  // Recording one more article (its findings on a full library), one by one; then bringing the
  // summaries up to date with those 50 readings in one pass.
  const recordMs = [];
  for (let i = 0; i < 50; i++) {
    const { record, found } = makeArticle(articles + i);
    await db.articles.put(record);
    const s = performance.now();
    await writeMentions(db, record, found);
    recordMs.push(performance.now() - s);
  }
  const applyStart = performance.now();
  await applyPending(db);
  const applyMsPerReading = (performance.now() - applyStart) / 50;
  // What such a pass pays per table: 50 more readings queued, the records their pass reads and
  // writes read and written back as they are (each its own transaction), then the pass itself.
  for (let i = 0; i < 50; i++) {
    const { record, found } = makeArticle(articles + 50 + i);
    await db.articles.put(record);
    await writeMentions(db, record, found);
  }
  const queued = await db.pendingMentions.toArray();
  const touched = [...new Set(queued.flatMap((/** @type {{ added: { key: string }[] }} */ c) => c.added.map((a) => a.key)))];
  const sliceIds = [...new Map(queued.flatMap((/** @type {{ added: { date: number, outlet: string }[] }} */ c) => c.added.slice(0, 1).flatMap((a) => {
    const month = new Date(a.date).toISOString().slice(0, 7);
    return [[`all ${month}`, ['all', month]], [`${a.outlet} ${month}`, [`outlet:${a.outlet}`, month]]];
  }))).values()];
  const roundTrip = async (/** @type {any} */ table, /** @type {unknown[]} */ ids) => {
    const s = performance.now();
    const got = await table.bulkGet(ids);
    await table.bulkPut(got.filter(Boolean));
    return performance.now() - s;
  };
  const passParts = {
    keys: touched.length,
    slices: sliceIds.length,
    entitiesMs: await roundTrip(db.entities, touched),
    timelinesMs: await roundTrip(db.timelines, touched),
    weeksMs: await roundTrip(db.keyWeeks, touched),
    slicesMs: await roundTrip(db.keySlices, sliceIds),
    yearsMs: !db.yearSlices ? NaN : await roundTrip(db.yearSlices, [...new Map(sliceIds.map(([scope, month]) => [`${scope} ${month.slice(0, 4)}`, [scope, month.slice(0, 4)]])).values()]),
    applyMs: 0,
    onePassMs: 0,
    oneReadingMonthsMs: 0,
    oneReadingYearsMs: 0,
  };
  const secondApply = performance.now();
  await applyPending(db);
  passParts.applyMs = performance.now() - secondApply;
  // A pass after a single reading (what a question pays when one article was read since the last): median of 9.
  const onePass = [];
  for (let i = 0; i < 9; i++) {
    const { record, found } = makeArticle(articles + 100 + i);
    await db.articles.put(record);
    await writeMentions(db, record, found);
    const s = performance.now();
    await applyPending(db);
    onePass.push(performance.now() - s);
  }
  passParts.onePassMs = onePass.sort((a, b) => a - b)[onePass.length >> 1] ?? NaN;
  // What such a pass pays for its slices: the 2 monthly and the 2 yearly records of one reading read and written back (median of 9).
  const last = makeArticle(articles + 100);
  const lastMonth = new Date(last.record.firstSeenAt).toISOString().slice(0, 7);
  const oneReading = async (/** @type {any} */ table, /** @type {string} */ period) => {
    const out = [];
    for (let i = 0; i < 9; i++) out.push(await roundTrip(table, [['all', period], [`outlet:${last.record.siteName}`, period]]));
    return out.sort((a, b) => a - b)[4] ?? NaN;
  };
  passParts.oneReadingMonthsMs = await oneReading(db.keySlices, lastMonth);
  passParts.oneReadingYearsMs = db.yearSlices ? await oneReading(db.yearSlices, lastMonth.slice(0, 4)) : NaN;
  const time = async (/** @type {() => Promise<unknown>} */ f, runs = 5) => {
    const out = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await f();
      out.push(performance.now() - s);
    }
    return out.sort((a, b) => a - b)[out.length >> 1];
  };
  const top = await listEntities(db, { limit: 1000 });
  const at = (/** @type {number} */ rank) => top[Math.min(rank, top.length) - 1];
  const page = async (/** @type {number} */ rank) => {
    const key = at(rank).key;
    const result = await entityPage(db, key);
    return { key, articles: at(rank).articles, ms: await time(() => entityPage(db, key)), related: result.related.length };
  };
  const [term, secondTerm] = await listEntities(db, { type: 'TERM', limit: 2 });
  // The table within a slice (key-slices.ts), against what reading every key's timeline would
  // cost (it gives no mentions per outlet); a key's weeks kept (keyWeeks), against counting them
  // from the index (one count of keyDates per week of its span: articles only, no mentions).
  const sliceCount = await db.keySlices.count();
  let sliceEntries = 0;
  await db.keySlices.each((/** @type {{ articles: Map<string, number> }} */ s) => void (sliceEntries += s.articles.size));
  const sliced = async () => ({
    outletMs: await time(() => listEntitiesIn(db, { outlet: 'KCNA' }, { limit: 100 })),
    yearMs: await time(() => listEntitiesIn(db, { from: '2024-01', to: '2024-12' }, { limit: 100 })),
    outletQuarterMs: await time(() => listEntitiesIn(db, { outlet: 'KCNA', from: '2024-04', to: '2024-06' }, { limit: 100 })),
    allMs: await time(() => listEntitiesIn(db, {}, { limit: 100 })),
    raggedMs: await time(() => listEntitiesIn(db, { from: '2022-07', to: '2025-03' }, { limit: 100 })),
  });
  // The reader's corrections, made as the library page makes them (correctKeys, which the writer
  // calls); returns how long the merge of the two most named keys took.
  const correct = async () => {
    const merge = (/** @type {string} */ key, /** @type {string} */ into) => correctKeys(db, { kind: 'merge', key, into });
    const mergeStart = performance.now();
    await merge(at(2).key, at(1).key);
    const mergeTopMs = performance.now() - mergeStart;
    await merge(at(30).key, at(20).key);
    for (let i = 0; i < 20; i++) await merge(at(101 + 2 * i).key, at(100 + 2 * i).key);
    for (let i = 0; i < 10; i++) await correctKeys(db, { kind: 'hide', key: at(200 + i).key, hidden: true });
    if (secondTerm) await merge(secondTerm.key, term.key);
    return mergeTopMs;
  };
  // The range's counts alone (slice-ranges.ts), read by whole years and ragged months against every
  // month one by one, the two ways alternating (7 of each, medians), on the same library.
  const byYearOrMonth = async () => {
    /** @type {Record<string, [number, number]>} */
    const out = {};
    for (const [name, scope, from, to] of /** @type {const} */ ([['one outlet', 'outlet:KCNA', '', '\uffff'], ['one year', 'all', '2024-01', '2024-12'], ['everything', 'all', '', '\uffff'], ['2022-07 to 2025-03', 'all', '2022-07', '2025-03']])) {
      /** @type {[number[], number[]]} */
      const ms = [[], []];
      for (let i = 0; i < 14; i++) {
        const s = performance.now();
        await rangeCounts(db, scope, from, to, { byYear: i % 2 === 0 });
        ms[i % 2]?.push(performance.now() - s);
      }
      out[name] = /** @type {[number, number]} */ (ms.map((m) => m.sort((a, b) => a - b)[m.length >> 1]));
    }
    return out;
  };
  if (slicesOnly) {
    const plain = { periodsMs, sliceCount, sliceEntries, ...(await sliced()), ...(rangeCounts && { byYearOrMonth: await byYearOrMonth() }) };
    const mergeTopMs = await correct();
    const result = { buildMs, counts, recordMs: recordMs.sort((a, b) => a - b)[recordMs.length >> 1], recordMsWorst: recordMs[recordMs.length - 1], applyMsPerReading, passParts, slices: plain, corrected: { mergeTopMs, sliced: await sliced() } };
    await db.delete();
    return result;
  }
  const everyTimelineMs = await time(async () => {
    const tally = new Map();
    for (const t of await db.timelines.toArray()) {
      let n = 0;
      for (const [month, c] of Object.entries(t.months)) if (month >= '2024-01' && month <= '2024-12') n += c.outlets.KCNA ?? 0;
      if (n) tally.set(t.key, n);
    }
    return [...tally].sort((a, b) => b[1] - a[1]).slice(0, 100);
  });
  const weeksOf = async (/** @type {number} */ rank) => {
    const key = at(rank).key;
    const summary = await db.entities.get(key);
    /** @type {number[]} */
    const weeks = [];
    for (let w = weekStart(weekOf(summary.firstSeen)); w <= summary.lastSeen; w += 7 * 86_400_000) weeks.push(w);
    return {
      key,
      articles: summary.articles,
      weeks: weeks.length,
      storedMs: await time(() => entityWeeks(db, key)),
      fromIndexMs: await time(() => Promise.all(weeks.map((w) => db.mentions.where('keyDates').between(keyDate(key, w), keyDate(key, w + 7 * 86_400_000), true, false).count()))),
    };
  };
  const slices = { periodsMs, sliceCount, sliceEntries, ...(await sliced()), everyTimelineMs, weeks: [await weeksOf(1), await weeksOf(20)] };
  // The name search: the rarest key's whole name, and the start of its first word.
  const rarest = [...summaries.values()].sort((a, b) => a.articles - b.articles || (a.key < b.key ? -1 : 1))[0];
  const searchOf = async (/** @type {string} */ query, /** @type {object} */ options = {}) => {
    const found = await searchEntities(db, query, options);
    const where = 'slice' in options ? ` in ${Object.values(/** @type {{ slice: object }} */ (options).slice).join(' ')}` : '';
    return { query, where, rows: found.rows.length, more: found.more, partial: found.partial, top: found.rows[0]?.key ?? null, ms: await time(() => searchEntities(db, query, options)) };
  };
  const searches = async () => [
    await searchOf('kim'),
    await searchOf(rarest.name),
    await searchOf(rarest.name.split(' ')[0].slice(0, 4)),
    await searchOf('k'),
    await searchOf('s'),
    await searchOf('김정'),
    await searchOf('kim', { slice: { outlet: 'KCNA' } }),
    await searchOf('kim', { slice: { outlet: 'KCNA', from: '2024-04', to: '2024-06' } }),
  ];
  const search = { rarest: { key: rarest.key, articles: rarest.articles }, queries: await searches(), table2000Ms: await time(() => listEntities(db, { limit: 2000 })) };
  const result = {
    buildMs,
    counts,
    recordMs: recordMs.sort((a, b) => a - b)[recordMs.length >> 1],
    recordMsWorst: recordMs[recordMs.length - 1],
    applyMsPerReading,
    passParts,
    tableMs: await time(() => listEntities(db, { limit: 100 })),
    tableOfTypeMs: await time(() => listEntities(db, { type: 'PLACE', limit: 100 })),
    pages: [await page(1), await page(20), await page(500)],
    trend: { key: term.key, articles: term.articles, ms: await time(() => trends(db, [term.key])) },
    slices,
    search,
    /** The name search again once a long tail of keys is added (at the end). */
    tail: /** @type {{ keys: number, rare: string, queries: { query: string, where: string, rows: number, more: boolean, partial: boolean, top: string | null, ms?: number }[] } | undefined} */ (undefined),
    /** The same questions with corrections made (a Gloss that keeps them). */
    corrected: /** @type {{ mergeTopMs: number, tableMs?: number, tableOfTypeMs?: number, pages: { key: string, articles: number, merged: number, ms?: number, related: number }[], trend: { key: string, ms?: number }, sliced?: Record<string, number | undefined>, weeksMs?: number, searches?: { query: string, where: string, rows: number, ms?: number }[] } | undefined} */ (undefined),
  };
  if (correctKeys) {
    const mergeTopMs = await correct();
    const corrected = async (/** @type {number} */ rank) => {
      const key = at(rank).key;
      const shown = await entityPage(db, key);
      return { key, articles: shown.summary.articles, merged: shown.summary.merged?.length ?? 0, ms: await time(() => entityPage(db, key)), related: shown.related.length };
    };
    result.corrected = {
      mergeTopMs,
      tableMs: await time(() => listEntities(db, { limit: 100 })),
      tableOfTypeMs: await time(() => listEntities(db, { type: 'PLACE', limit: 100 })),
      pages: [await corrected(1), await corrected(20), await corrected(500)],
      trend: { key: term.key, ms: await time(() => trends(db, [term.key])) },
      sliced: await sliced(),
      weeksMs: await time(() => entityWeeks(db, at(1).key)),
      searches: await searches(),
    };
  }
  // A long tail, as a reader's library has (open-world names read once): 40,000 more keys named in
  // one article each, their names made of the words of the names above (so a prefix is as common
  // as there); summaries and counts only, which is all the name search reads of them.
  const TAIL = 40_000;
  const nameWords = [...new Set(names.flatMap(([, name]) => name.split(/\s+/)))].filter((word) => /^\p{L}/u.test(word));
  const pick = () => nameWords[Math.floor(next() * nameWords.length)];
  const tailCounts = await db.articleCounts.get('articles');
  /** @type {Map<string, object>} */
  const tail = new Map();
  while (tail.size < TAIL) {
    const name = [pick(), pick(), ...(next() < 0.3 ? [pick()] : [])].join(' ');
    const key = `${['PERSON', 'ORG', 'PLACE'][tail.size % 3]}:${name}`;
    if (tail.has(key) || summaries.has(key)) continue;
    const date = start + Math.floor(next() * span);
    const summary = { key, type: key.slice(0, key.indexOf(':')), name, variants: [name], articles: 1, mentions: 1, firstSeen: date, lastSeen: date };
    tail.set(key, { ...summary, words: summaryWords(summary) });
    tailCounts.byKey.set(key, 1);
  }
  for (let i = 0, all = [...tail.values()]; i < all.length; i += 5_000) await db.entities.bulkPut(all.slice(i, i + 5_000));
  await db.articleCounts.put(tailCounts);
  const [rareTail] = tail.values();
  const tailed = /** @type {{ name: string }} */ (rareTail).name;
  result.tail = { keys: await db.entities.count(), rare: tailed, queries: [await searchOf('kim'), await searchOf(tailed), await searchOf(tailed.split(' ').map((w) => w.slice(0, 3)).join(' ')), await searchOf('k'), await searchOf('s'), await searchOf('ch')] };
  await db.delete();
  return result;
}

export async function benchMentions(articles = ARTICLES, { slicesOnly = false, compare = /** @type {string | null} */ (null) } = {}) {
  const file = await bundle('scripts/lib/mentions-entry.ts', 'mentions');
  const server = await serve({ '/bench/': join(file, '..') });
  const session = await launch();
  try {
    const page = await session.context.newPage();
    await page.goto(server.origin + '/bench/');
    const questions = await page.evaluate(
      ([source, url, dbName, names, articles, perArticle, slicesOnly]) => new Function(`return (${source})`)()(url, dbName, names, articles, perArticle, true, slicesOnly),
      /** @type {const} */ ([measure.toString(), `${server.origin}/bench/mentions.js`, `bench-mentions-${Date.now()}`, realisticNames(), articles, PER_ARTICLE, slicesOnly]),
    );
    const builds = [EXTENSION_DIR, ...(compare ? [compare] : [])];
    const [paints = null, ...compared] = slicesOnly || process.argv.includes('--no-paints') ? [] : await libraryPaints(file, articles, builds);
    return { ...questions, paints, compared };
  } finally {
    await session.close();
    await server.close();
  }
}

/**
 * The library page's first paints on the same library, built into Gloss's own database in the
 * extension (a copy of the build holding the bench's module, so that an extension page may import
 * it), then measured in a browser started again on that profile: the table and the pages of the
 * keys of rank 1, 20 and 500, from navigation to the page's mark, in freshly opened pages (the
 * first of each wakes the worker); and an almost empty extension page's for scale.
 * With a second build (`--compare DIR`), the two are measured in turns, COMPARE_ROUNDS each, on
 * the same profile (the extension's folder is filled with one build, then the other: its id, and
 * so its database, stays the same); each figure is then the median over the rounds.
 */
async function libraryPaints(/** @type {string} */ moduleFile, /** @type {number} */ articles, /** @type {string[]} */ builds = [EXTENSION_DIR]) {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-mentions-'));
  const extensionDir = join(dir, 'extension');
  const profile = join(dir, 'profile');
  const install = (/** @type {string} */ build) => {
    rmSync(extensionDir, { recursive: true, force: true });
    cpSync(build, extensionDir, { recursive: true });
    cpSync(moduleFile, join(extensionDir, 'bench-mentions.js'));
    // Chromium keeps an unpacked extension's service worker script in the profile across restarts,
    // whatever its folder now holds: without this, the second build's pages asked the first's background.
    rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  };
  install(/** @type {string} */ (builds[0]));
  try {
    // Written in one browser, then measured in another on the same profile: a reader's library
    // grew over months and is at rest, not compacting 100 MB just written.
    let session = await launch({ extensionDir, userDataDir: profile });
    const setup = await session.context.newPage();
    await setup.goto(`chrome-extension://${session.extensionId}/note-form.html`);
    // A string, not a function: the extension page's policy allows no eval, and this runs as DevTools does.
    const args = [`chrome-extension://${session.extensionId}/bench-mentions.js`, DB_NAME, realisticNames(), articles, PER_ARTICLE, false].map((a) => JSON.stringify(a)).join(', ');
    const built = /** @type {{ keys: string[] }} */ (await setup.evaluate(`(${measure.toString()})(${args})`));
    await session.close();
    const samples = builds.map(() => ({ table: /** @type {number[]} */ ([]), loaded: /** @type {number[]} */ ([]), pages: built.keys.map(() => /** @type {number[]} */ ([])), blank: /** @type {number[]} */ ([]) }));
    for (let round = 0; round < (builds.length > 1 ? COMPARE_ROUNDS : 1); round++) {
      for (const [b, build] of builds.entries()) {
        const into = /** @type {(typeof samples)[number]} */ (samples[b]);
        if (builds.length > 1) install(build);
        session = await launch({ extensionDir, userDataDir: profile });
        try {
          const base = `chrome-extension://${session.extensionId}`;
          const paint = async (/** @type {string} */ hash, /** @type {string} */ mark) => median(await firstPaints(session.context, `${base}/library.html${hash}`, mark, RUNS));
          into.table.push(await paint('', 'gloss:entities-painted'));
          // The table's first screen comes first; every row it loads, after (a build that marks it).
          if (marksLoaded(build)) into.loaded.push(await paint('', 'gloss:entities-loaded'));
          // One key after another: pages opened side by side would share the worker and the disk.
          for (const [k, key] of built.keys.entries()) into.pages[k]?.push(await paint(`#${new URLSearchParams({ entity: key })}`, 'gloss:entity-painted'));
          into.blank.push(median(await firstPaints(session.context, `${base}/note-form.html`, null, RUNS)));
        } finally {
          await session.close();
        }
      }
    }
    return samples.map((s, b) => ({
      build: builds[b],
      tableMs: median(s.table),
      tableLoadedMs: s.loaded.length ? median(s.loaded) : null,
      pages: built.keys.map((key, k) => ({ key, ms: median(s.pages[k] ?? []) })),
      blankPageMs: median(s.blank),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether `build`'s library page marks when every row of its table is painted (builds before session 14 do not). */
function marksLoaded(/** @type {string} */ build) {
  const chunks = join(build, 'chunks');
  return readdirSync(chunks).some((name) => name.startsWith('library-') && readFileSync(join(chunks, name), 'utf8').includes('gloss:entities-loaded'));
}

/** @param {Awaited<ReturnType<typeof benchMentions>>} r */
export function printMentions(r) {
  const f = (/** @type {number} */ v) => v.toFixed(1);
  console.log(`\nlibrary across articles — ${r.counts.articles} articles (${r.counts.mentions} records of their mentions), ${r.counts.entities} keys (built in ${f(r.buildMs / 1000)} s)`);
  console.log(`recording one article's mentions: median ${f(r.recordMs)} ms, worst of 50 ${f(r.recordMsWorst)} ms (target ≤ 5 ms); counting them into the summaries later, in one pass: ${f(r.applyMsPerReading)} ms per reading`);
  const pp = r.passParts;
  const passLine = `  a pass after one reading: ${f(pp.onePassMs)} ms (median of 9); its 2 monthly slices read and written back ${f(pp.oneReadingMonthsMs)} ms, its 2 yearly ones ${f(pp.oneReadingYearsMs)} ms\n  another pass of 50 readings: ${f(pp.applyMs)} ms; the records it touches (${pp.keys} keys, ${pp.slices} slices) read and written back: summaries ${f(pp.entitiesMs)} ms, timelines ${f(pp.timelinesMs)} ms, weeks ${f(pp.weeksMs)} ms, slices ${f(pp.slicesMs)} ms, yearly slices ${f(pp.yearsMs)} ms`;
  const s = r.slices;
  const slicedLine = (/** @type {typeof r.slices} */ x) => `one outlet ${f(x.outletMs)} ms; one year ${f(x.yearMs)} ms; an outlet and three months ${f(x.outletQuarterMs)} ms; every month, every outlet ${f(x.allMs)} ms; 2022-07 to 2025-03 ${f(x.raggedMs)} ms`;
  if (!('tableMs' in r)) {
    console.log(passLine);
    console.log(`every period counted again from the records of mentions (schema 14's recount, without re-dating): ${f(s.periodsMs)} ms`);
    console.log(`entity table within a slice, first 100 rows (${s.sliceCount} slices by month, ${s.sliceEntries} key entries): ${slicedLine(s)}`);
    if (s.byYearOrMonth) console.log(`  the range's counts alone (rangeCounts), by years and ragged months / month by month: ${Object.entries(s.byYearOrMonth).map(([name, [years, months]]) => `${name} ${f(years)} / ${f(months)} ms`).join('; ')}`);
    console.log(`  with corrections (merging the two most named keys took ${f(r.corrected.mergeTopMs)} ms): ${slicedLine(r.corrected.sliced)}`);
    return;
  }
  console.log(`entity table, first 100 rows: ${f(r.tableMs)} ms; of one type: ${f(r.tableOfTypeMs)} ms (target ≤ 200 ms to first paint)`);
  for (const p of r.pages) console.log(`one entity's page, ${p.key} (${p.articles} articles, ${p.related} related): ${f(p.ms)} ms (target ≤ 150 ms)`);
  console.log(`term trend, ${r.trend.key} (${r.trend.articles} articles): ${f(r.trend.ms)} ms (target ≤ 100 ms)`);
  console.log(passLine);
  console.log(`slices by month and outlet: ${s.sliceCount} records, ${s.sliceEntries} key entries; counted from the records of mentions with the keys' weeks, months and years (schema 14's upgrade, less re-dating) in ${f(s.periodsMs)} ms`);
  console.log(`entity table within a slice, first 100 rows: ${slicedLine(s)}`);
  console.log(`  for comparison, reading every key's timeline for an outlet and a year (articles only): ${f(s.everyTimelineMs)} ms`);
  for (const w of s.weeks) console.log(`one entity's weeks, ${w.key} (${w.articles} articles, ${w.weeks} weeks): kept ${f(w.storedMs)} ms; counted from the index per week ${f(w.fromIndexMs)} ms`);
  const q = r.search;
  console.log(`name search (target ≤ 50 ms; the rarest key ${q.rarest.key}, ${q.rarest.articles} article(s)); for comparison, loading the table's 2,000 rows: ${f(q.table2000Ms)} ms`);
  for (const x of q.queries) console.log(`  “${x.query}”${x.where}: ${f(x.ms)} ms (${x.rows} rows${x.more ? ', more' : ''}${x.partial ? ', partial' : ''}; first ${x.top})`);
  for (const p of [r.paints, ...(r.compared ?? [])]) {
    if (!p) continue;
    const of = r.compared?.length ? ` of ${p.build}, median of ${COMPARE_ROUNDS} turns of` : ', median of';
    console.log(`library page, first paint with its data (navigation to the page's mark${of} ${RUNS} fresh pages): the table ${f(p.tableMs)} ms (target ≤ 200 ms)`);
    if (p.tableLoadedMs !== null) console.log(`  the table's 2,000 rows loaded and painted: ${f(p.tableLoadedMs)} ms`);
    for (const page of p.pages) console.log(`  one entity's page, ${page.key}: ${f(page.ms)} ms (target ≤ 150 ms)`);
    console.log(`  for scale, an almost empty extension page (the note form): ${f(p.blankPageMs)} ms`);
  }
  const c = r.corrected;
  if (!c) return;
  console.log(`with corrections (the two most named keys merged, 20 more merges, 10 hidden, two terms merged):`);
  const g = (/** @type {number | undefined} */ v) => f(v ?? NaN);
  console.log(`  merging the two most named keys (measuring what they share): ${g(c.mergeTopMs)} ms`);
  console.log(`  entity table, first 100 rows: ${g(c.tableMs)} ms; of one type: ${g(c.tableOfTypeMs)} ms`);
  for (const p of c.pages) console.log(`  one entity's page, ${p.key} (${p.articles} articles, ${p.merged} merged in, ${p.related} related): ${g(p.ms)} ms`);
  console.log(`  term trend, ${c.trend.key} with a term merged in: ${g(c.trend.ms)} ms`);
  const cs = c.sliced;
  if (cs) console.log(`  entity table within a slice: one outlet ${g(cs.outletMs)} ms; one year ${g(cs.yearMs)} ms; an outlet and three months ${g(cs.outletQuarterMs)} ms; everything ${g(cs.allMs)} ms; 2022-07 to 2025-03 ${g(cs.raggedMs)} ms; the merged top key's weeks ${g(c.weeksMs)} ms`);
  if (c.searches) console.log(`  name search: ${c.searches.map((/** @type {{ query: string, where: string, rows: number, ms?: number }} */ x) => `“${x.query}”${x.where} ${g(x.ms)} ms (${x.rows} rows)`).join('; ')}`);
  if (r.tail) {
    console.log(`name search with a long tail (${r.tail.keys} keys in all, 40,000 of them named once; with the corrections above):`);
    for (const x of r.tail.queries) console.log(`  “${x.query}”: ${f(x.ms ?? NaN)} ms (${x.rows} rows${x.more ? ', more' : ''}${x.partial ? ', partial' : ''}; first ${x.top})`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const given = process.argv.indexOf('--articles');
  const only = process.argv.indexOf('--only');
  const compare = process.argv.indexOf('--compare');
  const result = await benchMentions(given > 0 ? Number(process.argv[given + 1]) : ARTICLES, {
    slicesOnly: only > 0 && process.argv[only + 1] === 'slices',
    compare: compare > 0 ? resolve(process.argv[compare + 1] ?? '') : null,
  });
  printMentions(result);
  const out = process.argv.indexOf('--out');
  if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1] ?? '', JSON.stringify(result, null, 2));
}
