/**
 * A library filter as search terms. Each term can check a loaded annotation exactly (`test`);
 * most can also be looked up in an index (`lookup`): its first primary keys (a probe, which says
 * whether they were all), or all of them. search.ts decides, by those probes, which terms to
 * look up and which to check on loaded records.
 *
 * - a word: the `words` index, by prefix (whole word under MIN_PREFIX_LENGTH); a word of many
 *   annotations by its list instead (db/labels.ts `listWords`), and a prefix by the lists of the
 *   listed words it starts and the index between them;
 * - a tag: its list of annotations (db/labels.ts), shared by every spelling that reads the same;
 * - colors: their lists;
 * - the date range: the `createdAt` index;
 * - outlets: the lists of the outlet key every annotation stores in `words` (see outletKey);
 * - an entity's or term list's articles: the `articleId` index when there are at most
 *   MAX_ARTICLE_LOOKUPS of them (one request each), else checked on records;
 * - phrases and `accept` hooks: checked on records, with the article; a phrase's pairs of small
 *   words (words.ts `smallWordPairs`) are looked up besides its words, and a phrase of two small
 *   words is its pair's lookup alone.
 */
import type { Collection, InsertType } from 'dexie';
import type { ArticleRecord } from '../article/types';
import type { GlossDb, StoredAnnotation } from '../db/database';
import { annotationsLabelled, colorTerm, listedWords, tagTerm, wordTerm } from '../db/labels';
import type { LibraryFilter, MatchSet } from './query';
import { hasPhrase } from './phrase';
import { searchTokens } from './tokens';
import { isPrefixWord, matchesWord, outletKey, queryWords, smallWordPairs, textKey } from './words';

/** Past this many articles, an article filter is checked on records rather than looked up. */
export const MAX_ARTICLE_LOOKUPS = 200;

export interface Lookup {
  /**
   * Up to about `limit` of the primary keys (at most `limit` index entries per range, and a key
   * may stand in several entries of a multiEntry range; all of them where they cost no more);
   * `complete` when that was all of them and fewer than `limit`.
   */
  probe(limit: number): Promise<{ keys: string[]; complete: boolean }>;
  keys(): Promise<string[]>;
  /**
   * True when its keys come whole in one request however many they are (a label's list): a probe
   * then reads them all, as `keys` does; an index's range costs per key.
   */
  readsWhole(): Promise<boolean>;
}

export interface Term {
  /** The index lookup, exact: it gives the annotations the term accepts, no more. */
  lookup?: Lookup;
  /** The date range (its lookup is the createdAt index the results are ordered by). */
  dates?: boolean;
  /** The check needs the annotation's article (loaded only for annotations passing the rest). */
  needsArticle: boolean;
  /**
   * For a term that needs the article: true when the annotation passes on its own texts. It is
   * asked while the articles are read, and `test` only of the annotations it did not pass.
   */
  passesAlone?(annotation: StoredAnnotation): boolean;
  test(annotation: StoredAnnotation, article: ArticleRecord | undefined): boolean;
}

type Annotations = GlossDb['annotations'];

/**
 * The terms of a filter; `words` are the search words (query words of words and phrases).
 * `shortPairs`: whether every stored annotation pairs its short words too (db/labels.ts
 * `shortPairsStored`), so a phrase may be looked up by those pairs.
 */
export function termsOf(db: GlossDb, filter: LibraryFilter, words: readonly string[], shortPairs: boolean): Term[] {
  const table = db.annotations;
  // Which words have lists: read once per search, by the first lookup that needs it.
  let read: Promise<Set<string>> | undefined;
  const listed = () => (read ??= listedWords(db.labels));
  const terms: Term[] = words.map((word) => ({
    lookup: wordLookup(db, word, isPrefixWord(word), listed),
    needsArticle: false,
    test: (annotation) => annotation.words.some((stored) => matchesWord(stored, word)),
  }));

  for (const tag of filter.tags ?? []) {
    const key = textKey(tag);
    terms.push({
      lookup: byLabels(db, [tagTerm(tag)]),
      needsArticle: false,
      test: (annotation) => annotation.tags.some((t) => textKey(t) === key),
    });
  }

  if (filter.colors?.length) {
    const colors = [...new Set(filter.colors)];
    terms.push({
      lookup: byLabels(db, colors.map(colorTerm)),
      needsArticle: false,
      test: (annotation) => colors.includes(annotation.color),
    });
  }

  if (filter.from !== undefined || filter.before !== undefined) {
    const from = filter.from ?? -Infinity;
    const before = filter.before ?? Infinity;
    terms.push({
      lookup: lookupOf(() => [table.where('createdAt').between(from, before, true, false)]),
      dates: true,
      needsArticle: false,
      test: (annotation) => annotation.createdAt >= from && annotation.createdAt < before,
    });
  }

  if (filter.outlets?.length) terms.push(outletTerm(db, filter.outlets));

  for (const set of [filter.entity, filter.termList]) if (set) terms.push(...matchSetTerms(table, set));

  for (const phrase of filter.phrases ?? []) {
    const tokens = searchTokens(phrase);
    if (tokens.length === 0) continue;
    const pairs = smallWordPairs(tokens, { short: shortPairs });
    terms.push(...pairTerms(db, pairs.filter((pair) => pair !== null), listed));
    // Two small words are exactly their pair's lookup (pairs are taken from the same texts).
    if (pairs.length === 1 && pairs[0]) continue;
    const texts = tokens.map((token) => token.text);
    terms.push({
      needsArticle: true,
      passesAlone: (annotation) => phraseIn([annotation.quote?.exact, annotation.note, ...(annotation.tags ?? [])], texts),
      test: (_, article) => phraseIn([article?.title, article?.siteName], texts),
    });
  }
  return terms;
}

/**
 * A phrase's pairs of small words (words.ts `smallWordPairs`) as lookups: they narrow a phrase
 * made only of small words, which has no search word, and one whose words are common ("to the
 * up": "up" is everywhere, "to the up" is not).
 */
function pairTerms(db: GlossDb, pairs: readonly string[], listed: () => Promise<Set<string>>): Term[] {
  return [...new Set(pairs)].map((pair) => ({
    lookup: wordLookup(db, pair, false, listed),
    needsArticle: false,
    test: (annotation: StoredAnnotation) => annotation.words.includes(pair),
  }));
}

type Range = Collection<StoredAnnotation, string, InsertType<StoredAnnotation, 'id'>>;

/**
 * A stored word, whole or as a `prefix`: by its list when it has one (`listed`), else the `words`
 * index; a prefix by the lists of the listed words it starts and the index's ranges between them.
 */
function wordLookup(db: GlossDb, word: string, prefix: boolean, listed: () => Promise<Set<string>>): Lookup {
  let parts: Promise<Lookup> | undefined;
  const lookup = () =>
    (parts ??= listed().then((words) => {
      const index = () => db.annotations.where('words');
      if (!prefix) return words.has(word) ? byLabels(db, [wordTerm(word)]) : lookupOf(() => [index().equals(word)]);
      const lists = [...words].filter((listedWord) => listedWord.startsWith(word)).sort();
      if (lists.length === 0) return lookupOf(() => [index().startsWith(word)]);
      // The prefix's range with the listed words cut out: [word, first), (first, second), … (last, word\uffff].
      const bounds = [word, ...lists, word + '\uffff'];
      const between = () =>
        bounds.slice(1).flatMap((upper, k) => {
          const lower = bounds[k] as string;
          return lower < upper ? [index().between(lower, upper, k === 0, k === lists.length)] : [];
        });
      return unionOf([byLabels(db, lists.map(wordTerm)), lookupOf(between)]);
    }));
  return {
    probe: async (limit) => (await lookup()).probe(limit),
    keys: async () => (await lookup()).keys(),
    readsWhole: async () => (await lookup()).readsWhole(),
  };
}

/** The union of lookups (a key may come from several). */
function unionOf(lookups: readonly Lookup[]): Lookup {
  return {
    probe: async (limit) => {
      const probes = await Promise.all(lookups.map((lookup) => lookup.probe(limit)));
      return { keys: probes.flatMap((probe) => probe.keys), complete: probes.every((probe) => probe.complete) };
    },
    keys: async () => (await Promise.all(lookups.map((lookup) => lookup.keys()))).flat(),
    readsWhole: async () => (await Promise.all(lookups.map((lookup) => lookup.readsWhole()))).every(Boolean),
  };
}

/** A lookup over the union of some index ranges. */
function lookupOf(ranges: () => Range[]): Lookup {
  const each = (read: (range: Range) => Promise<string[]>) => Promise.all(ranges().map(read));
  return {
    probe: async (limit) => {
      const lists = await each((range) => range.limit(limit).primaryKeys());
      return { keys: lists.flat(), complete: lists.every((list) => list.length < limit) };
    },
    keys: async () => (await each((range) => range.primaryKeys())).flat(),
    readsWhole: async () => false,
  };
}

/**
 * The annotations carrying any of the labels `terms` (db/labels.ts). Each list is read whole, in
 * one request, and once; a probe still says "complete" only under its limit, so a large label is
 * intersected with the other terms' keys rather than checked on thousands of loaded records.
 */
function byLabels(db: GlossDb, terms: readonly string[]): Lookup {
  let read: Promise<string[]> | undefined;
  const keys = () => (read ??= Promise.all([...new Set(terms)].map((term) => annotationsLabelled(db, term))).then((lists) => lists.flat()));
  const probe = async (limit: number) => {
    const all = await keys();
    return { keys: all, complete: all.length < limit };
  };
  return { probe, keys, readsWhole: async () => true };
}

/** Outlets: every annotation carries its article's outlet key (words.ts) as a label, one lookup each. */
function outletTerm(db: GlossDb, outlets: readonly string[]): Term {
  const keys = [...new Set(outlets.map(outletKey))];
  return {
    lookup: byLabels(db, keys),
    needsArticle: false,
    test: (annotation) => keys.some((key) => annotation.words.includes(key)),
  };
}

/** An entity or term list: its articles (looked up when few) and its hook. */
function matchSetTerms(table: Annotations, set: MatchSet): Term[] {
  if (!set.articleIds && !set.accept) throw new Error(`The filter "${set.key}" gives neither articleIds nor accept`);
  const terms: Term[] = [];
  if (set.articleIds) {
    const ids = new Set(set.articleIds);
    terms.push({
      lookup: ids.size <= MAX_ARTICLE_LOOKUPS ? lookupOf(() => [...ids].map((id) => table.where('articleId').equals(id))) : undefined,
      needsArticle: false,
      test: (annotation) => ids.has(annotation.articleId),
    });
  }
  const accept = set.accept;
  if (accept) terms.push({ needsArticle: true, test: (annotation, article) => accept(annotation, article) });
  return terms;
}

/** True when `phrase`'s tokens stand one after another in one of `texts`. */
function phraseIn(texts: readonly (string | null | undefined)[], phrase: string[]): boolean {
  return texts.some((text) => !!text && hasPhrase(text, phrase));
}

/** The search words of a filter: its words and its phrases' words. */
export function searchWordsOf(filter: LibraryFilter): string[] {
  return queryWords([...(filter.words ?? []), ...(filter.phrases ?? [])].join(' '));
}
