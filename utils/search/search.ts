/**
 * Library search over the annotations table, run where the database lives (the background):
 * one read transaction, indexes first, records only for the page asked for or for a short list
 * of candidates, so the popup never needs the whole library.
 *
 * How a search runs (terms.ts turns the filter into terms):
 * 1. Nothing to narrow by: the `createdAt` index counts the library and reads the page, newest
 *    first. That is the popup opening, and a date range alone.
 * 2. Each term that has a lookup (an index, or a label's list of ids: db/labels.ts) is probed:
 *    its first LOAD_AT_MOST primary keys (getAllKeys with a count, no records; a list is read
 *    whole, in one request). Terms whose keys are all in hand are intersected; when one of them
 *    has fewer, the other terms are checked on those few records. When every term is larger, the
 *    rest are read whole and intersected; a term alone, or the one index range left when every
 *    list is large, is read whole at once. Nothing is counted: an IndexedDB count walks the
 *    entries as reading their keys does.
 * 3. Terms left over are checked on the loaded candidates (articles read only for phrases and
 *    hooks). When none are left, the candidate keys are exact: the total is their number, and the
 *    page comes from whichever is cheapest: loading the candidates, reading the `createdAt` index
 *    newest first until the page is full, or walking its keys.
 * The costs weighed are per key and per record, measured in Chromium (see COST_US); they only
 * choose the plan, never the answer. Results are newest first; equal times by id, descending,
 * as the index orders them. A phrase or hook with nothing indexed to narrow it (a phrase of one
 * stop word) reads every annotation: correct, slower.
 */
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';
import { withoutWords } from '../db/annotations-repo';
import { shortPairsStored } from '../db/labels';
import type { GlossDb, StoredAnnotation } from '../db/database';
import { parseQuery, type LibraryFilter, type QueryIssue } from './query';
import { searchWordsOf, termsOf, type Term } from './terms';
import { isPrefixWord } from './words';

export const DEFAULT_LIMIT = 50;
/** The rarest term's records are read directly when it has at most this many. */
export const LOAD_AT_MOST = 300;

/**
 * Microseconds per item in Chromium 10,000 annotations deep: a primary key from getAllKeys, a
 * record by key (bulkGet), a record read in index order.
 */
const COST_US = { key: 2.5, keyRecord: 30, scanRecord: 14 };

export interface SearchOptions {
  /** Results to return (default DEFAULT_LIMIT). */
  limit?: number;
  /** Results to skip, for the next page. */
  offset?: number;
  /**
   * Every annotation's id, oldest first (`orderBy('createdAt').primaryKeys()`), when the caller
   * keeps it (the popup reads it once per change of the library): a page of matches is then
   * picked from it without reading the matches themselves, only the page.
   */
  order?: readonly string[];
  /**
   * False: when nothing filters the library, leave `total` out (NaN). Counting ten thousand
   * entries costs more than the page itself, and a caller may know the size already.
   */
  withTotal?: boolean;
}

export interface SearchResult {
  /** The page of matching annotations, newest first. */
  annotations: AnnotationRecord[];
  /** The articles of those annotations, each once (an annotation whose article is gone has none). */
  articles: ArticleRecord[];
  /** How many annotations match in all (NaN when left out, see `withTotal`). */
  total: number;
  /** The search words (phrases' words included): give them to `markMatches` to highlight results. */
  words: string[];
  /** Filters of the search text that were left out, and why (see query.ts). */
  issues: QueryIssue[];
}

/** Searches the library: the search box's text, or a filter from UI controls. */
export async function searchLibrary(db: GlossDb, query: string | LibraryFilter, options: SearchOptions = {}): Promise<SearchResult> {
  const { filter, issues } = typeof query === 'string' ? parseQuery(query) : { filter: query, issues: [] };
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const words = searchWordsOf(filter);
  const hasDates = filter.from !== undefined || filter.before !== undefined;
  const from = filter.from ?? -Infinity;
  const before = filter.before ?? Infinity;

  return db.transaction('r', db.annotations, db.articles, db.labels, async () => {
    const inRange = () => (hasDates ? db.annotations.where('createdAt').between(from, before, true, false) : db.annotations.orderBy('createdAt'));
    const terms = termsOf(db, filter, narrowest(words), !!filter.phrases?.length && (await shortPairsStored(db.labels)));
    const indexed = terms.filter((term) => term.lookup);
    let page: StoredAnnotation[];
    let total: number;

    if (terms.length === 0 || (hasDates && terms.length === 1)) {
      // Nothing but (maybe) a date range: the createdAt index answers directly.
      const counted = options.withTotal === false && !hasDates ? NaN : inRange().count();
      [total, page] = await Promise.all([counted, inRange().reverse().offset(offset).limit(limit).toArray()]);
    } else if (indexed.length === 0) {
      ({ total, page } = await checked(db, await inRange().toArray(), terms, offset, limit));
    } else {
      // Each term with a lookup is probed: a list (a label's, a listed word's) comes whole in one
      // request, so its probe is its keys; an index's range gives its first LOAD_AT_MOST entries.
      // Every term whose keys are all in hand narrows the candidates at once. When one of them is
      // small, the others are checked on those few records; when none is, the rest are read
      // whole (counting a term would walk its entries as reading its keys does). A term alone,
      // or the one range left when every list is large, is read whole at once: its probe could
      // only be read again ("to the up": the pair's 622 keys after a probe of 300).
      // (Each list is read as soon as its term knows it has one, not after every term knows.)
      const lists = await Promise.all(indexed.map(async (term) => ((await term.lookup!.readsWhole()) ? term.lookup!.keys() : undefined)));
      const listSmall = lists.some((keys) => keys !== undefined && keys.length < LOAD_AT_MOST);
      const rangeWhole = indexed.length === 1 || (!listSmall && lists.filter((keys) => !keys).length === 1);
      const probes = await Promise.all(
        indexed.map(async (term, k) => {
          const list = lists[k];
          if (list) return { keys: list, known: true };
          if (rangeWhole) return { keys: await term.lookup!.keys(), known: true };
          const probe = await term.lookup!.probe(LOAD_AT_MOST);
          return { keys: probe.keys, known: probe.complete };
        }),
      );
      let found: Set<string> | null = null;
      let rangeCount: number | undefined;
      const applied = new Set<Term>();
      for (const [k, probe] of probes.entries()) {
        if (!probe.known) continue;
        found = narrowed(found, probe.keys);
        applied.add(indexed[k]!);
        if (indexed[k]!.dates) rangeCount = probe.keys.length;
      }
      const small = probes.some((probe) => probe.known && probe.keys.length < LOAD_AT_MOST);
      const large = indexed.filter((term) => !applied.has(term));
      if (!small && large.length > 0) {
        // Every term is large: the rest are read whole, side by side (one after another, each
        // waited for the one before: "government tag:policy" read 1,729 keys, then 2,971).
        for (const [k, keys] of (await Promise.all(large.map((term) => term.lookup!.keys()))).entries()) {
          found = narrowed(found, keys);
          applied.add(large[k]!);
        }
      }
      found ??= new Set<string>();
      const left = terms.filter((term) => !applied.has(term));
      if (left.length > 0) {
        ({ total, page } = await checked(db, await loadAll(db, found), left, offset, limit));
      } else {
        total = found.size;
        // The library's order, when the caller keeps it, spares counting the range (a count
        // walks every entry of it: ~50 ms for 10,000 in a freshly opened popup).
        if (options.order) page = await pageInOrder(db, found, options.order, offset, limit);
        else {
          rangeCount ??= hasDates ? await inRange().count() : await db.annotations.count();
          page = await pageOf(db, found, inRange, [from, before], rangeCount, offset, limit);
        }
      }
    }
    const articles = await articlesOf(db, page);
    return { annotations: page.map(withoutWords), articles: [...articles.values()], total, words, issues };
  });
}

/** The keys of `found` (all of them when null) that are among `keys`. */
function narrowed(found: Set<string> | null, keys: readonly string[]): Set<string> {
  return found ? new Set(keys.filter((key) => found.has(key))) : new Set(keys);
}

/** The candidates that pass `terms`, newest first: the total and the page. */
async function checked(db: GlossDb, candidates: StoredAnnotation[], terms: Term[], offset: number, limit: number) {
  const plain = terms.filter((term) => !term.needsArticle);
  const withArticle = terms.filter((term) => term.needsArticle);
  let kept = candidates.filter((annotation) => plain.every((term) => term.test(annotation, undefined)));
  if (withArticle.length > 0) {
    // The articles are read while the annotations' own texts are checked ("to the up": 175
    // articles, and a phrase test on 1 MB of quotes and notes).
    const reading = articlesOf(db, kept);
    const alone = kept.map((annotation) => withArticle.map((term) => term.passesAlone?.(annotation) ?? false));
    const articles = await reading;
    kept = kept.filter((annotation, i) => withArticle.every((term, k) => alone[i]![k] || term.test(annotation, articles.get(annotation.articleId))));
  }
  kept.sort(newestFirst);
  return { total: kept.length, page: kept.slice(offset, offset + limit) };
}

/**
 * The page of `keys` (exact candidates) newest first, by the cheapest way: load them all and
 * sort, read the createdAt range newest first until the page is full, or walk its keys.
 */
async function pageOf(
  db: GlossDb,
  keys: Set<string>,
  inRange: () => ReturnType<GlossDb['annotations']['orderBy']>,
  [from, before]: [number, number],
  rangeCount: number,
  offset: number,
  limit: number,
): Promise<StoredAnnotation[]> {
  if (limit === 0 || keys.size <= offset) return [];
  const want = offset + limit;
  const toScan = Math.min(rangeCount, (want * rangeCount) / keys.size);
  const load = COST_US.keyRecord * keys.size;
  const scan = COST_US.scanRecord * toScan;
  const walk = COST_US.key * rangeCount + COST_US.keyRecord * limit;

  if (load <= scan && load <= walk) return (await loadAll(db, keys)).sort(newestFirst).slice(offset, want);
  if (scan <= walk) {
    // Newest first by key ranges, not offsets (Dexie skips an offset on a range record by record).
    const found: StoredAnnotation[] = [];
    const seen = new Set<string>(); // read at the time the next range starts from
    let upper = before;
    let inclusive = false;
    let chunk = Math.ceil(toScan * 1.25) + 20;
    while (found.length < want) {
      const records = await db.annotations.where('createdAt').between(from, upper, true, inclusive).reverse().limit(chunk).toArray();
      for (const annotation of records) {
        if (annotation.createdAt === upper && seen.has(annotation.id)) continue;
        if (keys.has(annotation.id)) found.push(annotation);
      }
      if (records.length < chunk) break;
      const last = (records[records.length - 1] as StoredAnnotation).createdAt;
      if (last !== upper) seen.clear();
      for (const annotation of records) if (annotation.createdAt === last) seen.add(annotation.id);
      upper = last;
      inclusive = true;
      chunk *= 2;
    }
    return found.slice(offset, want);
  }
  const ordered = (await inRange().primaryKeys()) as string[];
  const pageKeys: string[] = [];
  for (let i = ordered.length - 1; i >= 0 && pageKeys.length < want; i--) if (keys.has(ordered[i] as string)) pageKeys.push(ordered[i] as string);
  return loadAll(db, pageKeys.slice(offset));
}

/** The page of `keys` newest first, picked from the library's order (ids oldest first). */
async function pageInOrder(db: GlossDb, keys: Set<string>, order: readonly string[], offset: number, limit: number): Promise<StoredAnnotation[]> {
  const want = offset + limit;
  const picked: string[] = [];
  for (let i = order.length - 1; i >= 0 && picked.length < want; i--) if (keys.has(order[i] as string)) picked.push(order[i] as string);
  return loadAll(db, picked.slice(offset));
}

async function loadAll(db: GlossDb, keys: Iterable<string>): Promise<StoredAnnotation[]> {
  return (await db.annotations.bulkGet([...keys])).filter((annotation): annotation is StoredAnnotation => annotation !== undefined);
}

/** Words without those another word already implies ("kim" when "kimchi" is asked too). */
function narrowest(words: string[]): string[] {
  return words.filter((word) => !(isPrefixWord(word) && words.some((other) => other !== word && other.startsWith(word))));
}

async function articlesOf(db: GlossDb, annotations: readonly AnnotationRecord[]): Promise<Map<string, ArticleRecord>> {
  const ids = [...new Set(annotations.map((annotation) => annotation.articleId))];
  const articles = new Map<string, ArticleRecord>();
  for (const article of await db.articles.bulkGet(ids)) if (article) articles.set(article.id, article);
  return articles;
}

/** Newest first; equal times by id, descending, the order of the reversed createdAt index. */
function newestFirst(a: AnnotationRecord, b: AnnotationRecord): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
