/**
 * Library search over the annotations table, run where the database lives (the background):
 * one read transaction, indexes first, records only for the page asked for or for a short list
 * of candidates, so the popup never needs the whole library.
 *
 * How a search runs:
 * 1. Each narrowing term gives the primary keys it allows, read from an index (getAllKeys, no
 *    records): a word, from `words` by prefix; a tag, from `tags`; colors, from `color`; outlets
 *    and an entity's or term list's articles, from `articleId`. The sets are intersected.
 * 2. With no such term, the `createdAt` index lists the page directly (newest first) and counts
 *    the total: what the popup shows on opening.
 * 3. Few candidates (≤ LOAD_AT_MOST), or a check that needs the record (a phrase, an `accept`
 *    hook): the candidates are loaded, checked (dates, phrases, hooks), sorted and paged.
 *    Many candidates and nothing to check: the `createdAt` index's keys (in the date range) are
 *    walked newest first, keeping the candidates, and only the page is loaded.
 * Results are newest first; equal times fall back to the id, descending, as the index orders them.
 * A phrase or hook with nothing else narrowing the search (a phrase of stop words only) reads
 * every annotation in the date range: correct, slower.
 */
import type { Table } from 'dexie';
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';
import { withoutWords } from '../db/annotations-repo';
import type { GlossDb, StoredAnnotation } from '../db/database';
import { parseQuery, type LibraryFilter, type MatchSet, type QueryIssue } from './query';
import { searchTokens } from './tokens';
import { queryWords } from './words';

export const DEFAULT_LIMIT = 50;
/** Up to this many candidates are loaded and sorted; past it the createdAt index orders them. */
export const LOAD_AT_MOST = 400;

export interface SearchOptions {
  /** Results to return (default DEFAULT_LIMIT). */
  limit?: number;
  /** Results to skip, for the next page. */
  offset?: number;
}

export interface SearchResult {
  /** The page of matching annotations, newest first. */
  annotations: AnnotationRecord[];
  /** The articles of those annotations, each once (an annotation whose article is gone has none). */
  articles: ArticleRecord[];
  /** How many annotations match in all. */
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
  const phrases = (filter.phrases ?? []).map(phraseTokens).filter((tokens) => tokens.length > 0);
  const words = queryWords([...(filter.words ?? []), ...(filter.phrases ?? [])].join(' '));
  const matchSets = [filter.entity, filter.termList].filter((set): set is MatchSet => set !== undefined);
  for (const set of matchSets) {
    if (!set.articleIds && !set.accept) throw new Error(`The filter "${set.key}" gives neither articleIds nor accept`);
  }
  const accepts = matchSets.flatMap((set) => (set.accept ? [set.accept] : []));
  const from = filter.from ?? -Infinity;
  const before = filter.before ?? Infinity;

  return db.transaction('r', db.annotations, db.articles, async () => {
    const candidates = await candidateKeys(db, filter, narrowest(words), matchSets);
    const inRange = () => (filter.from === undefined && filter.before === undefined ? db.annotations.orderBy('createdAt') : db.annotations.where('createdAt').between(from, before, true, false));
    const needRecords = phrases.length > 0 || accepts.length > 0;
    let page: StoredAnnotation[];
    let total: number;

    if (candidates === null && !needRecords) {
      [total, page] = await Promise.all([inRange().count(), inRange().reverse().offset(offset).limit(limit).toArray()]);
    } else if (candidates !== null && !needRecords && candidates.size > LOAD_AT_MOST) {
      const ordered = (await inRange().primaryKeys()) as string[];
      const matched: string[] = [];
      for (let i = ordered.length - 1; i >= 0; i--) if (candidates.has(ordered[i] as string)) matched.push(ordered[i] as string);
      total = matched.length;
      page = (await db.annotations.bulkGet(matched.slice(offset, offset + limit))).filter((a): a is StoredAnnotation => a !== undefined);
    } else {
      const loaded =
        candidates === null
          ? await inRange().toArray()
          : (await db.annotations.bulkGet([...candidates])).filter((a): a is StoredAnnotation => a !== undefined);
      const articles = needRecords ? await articlesOf(db, loaded) : new Map<string, ArticleRecord>();
      const kept = loaded.filter((annotation) => {
        if (annotation.createdAt < from || annotation.createdAt >= before) return false;
        const article = articles.get(annotation.articleId);
        if (phrases.length > 0 && !phrases.every((phrase) => hasPhrase(annotation, article, phrase))) return false;
        return accepts.every((accept) => accept(annotation, article));
      });
      kept.sort(newestFirst);
      total = kept.length;
      page = kept.slice(offset, offset + limit);
    }
    const articles = await articlesOf(db, page);
    return { annotations: page.map(withoutWords), articles: [...articles.values()], total, words, issues };
  });
}

/**
 * The keys every narrowing term allows (see the module note), or null when no term narrows.
 * Terms go to IndexedDB together, in one transaction.
 */
async function candidateKeys(db: GlossDb, filter: LibraryFilter, words: string[], matchSets: MatchSet[]): Promise<Set<string> | null> {
  const lookups: Promise<string[]>[] = words.map((word) => db.annotations.where('words').startsWith(word).primaryKeys());
  if (filter.tags?.length) {
    const inUse = db.annotations.orderBy('tags').uniqueKeys() as Promise<string[]>;
    for (const tag of filter.tags) lookups.push(inUse.then((tags) => keysWhere(db.annotations, 'tags', sameAs(tags, tag))));
  }
  if (filter.colors?.length) lookups.push(keysWhere(db.annotations, 'color', filter.colors));
  if (filter.outlets?.length) {
    const outlets = filter.outlets;
    lookups.push(
      (db.articles.orderBy('siteName').uniqueKeys() as Promise<string[]>)
        .then((names) => keysWhere(db.articles, 'siteName', outlets.flatMap((outlet) => sameAs(names, outlet))))
        .then((ids) => keysWhere(db.annotations, 'articleId', ids)),
    );
  }
  for (const set of matchSets) {
    if (set.articleIds) lookups.push(keysWhere(db.annotations, 'articleId', [...set.articleIds]));
  }
  if (lookups.length === 0) return null;
  const lists = (await Promise.all(lookups)).sort((a, b) => a.length - b.length);
  let keys = new Set(lists[0]);
  for (const list of lists.slice(1)) {
    if (keys.size === 0) break;
    const both = new Set<string>();
    for (const key of list) if (keys.has(key)) both.add(key);
    keys = both;
  }
  return keys;
}

/**
 * The primary keys whose `index` holds one of `values`: one getAllKeys per value, all in flight
 * at once. Not `anyOf`, which walks a cursor record by record (hundreds of ms in fake-indexeddb
 * for a few thousand rows, and a round trip per row in a browser).
 */
async function keysWhere(table: Table<unknown, string>, index: string, values: readonly string[]): Promise<string[]> {
  const lists = await Promise.all([...new Set(values)].map((value) => table.where(index).equals(value).primaryKeys()));
  return lists.flat();
}

/** Words without those another word already implies ("kim" when "kimchi" is asked too). */
function narrowest(words: string[]): string[] {
  return words.filter((word) => !words.some((other) => other !== word && other.startsWith(word)));
}

/** The values among `values` that read as `wanted`: same words, case and diacritics ignored. */
function sameAs(values: readonly string[], wanted: string): string[] {
  const key = phraseKey(wanted);
  return values.filter((value) => phraseKey(value) === key);
}

function phraseKey(text: string): string {
  const tokens = phraseTokens(text);
  return tokens.length > 0 ? tokens.join(' ') : text.trim().toLowerCase();
}

/** A text's folded tokens in order, stop words and short words kept: what a phrase compares. */
function phraseTokens(text: string): string[] {
  return searchTokens(text).map((token) => token.text);
}

/** True when `phrase`'s tokens stand one after another in one of the annotation's texts. */
function hasPhrase(annotation: StoredAnnotation, article: ArticleRecord | undefined, phrase: string[]): boolean {
  const texts = [annotation.quote?.exact, annotation.note, ...(annotation.tags ?? []), article?.title, article?.siteName];
  return texts.some((text) => {
    if (!text) return false;
    const tokens = phraseTokens(text);
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      let k = 0;
      while (k < phrase.length && tokens[i + k] === phrase[k]) k++;
      if (k === phrase.length) return true;
    }
    return false;
  });
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
