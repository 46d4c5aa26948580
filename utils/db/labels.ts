/**
 * The annotations carrying each label: each tag, each color, each article's outlet. A library
 * search by a label reads its list here instead of an index. Labels are few per annotation and
 * each is shared by thousands of annotations (a color by a quarter of the library). In Chromium
 * an index's keys cost ~10 µs each to read (2,971 annotations of a tag: 26–45 ms), while a
 * label's records of ids come in one request (a tag's search 51–63 → 18–25 ms; docs/FINDINGS.md,
 * session 13).
 *
 * A label's ids are split over SHARDS records by a hash of the id, `labels` keyed `term\0shard`
 * (schema version 16): a write rewrites one record per label it touches, a sixteenth of the list;
 * a read is one request for the label's range. Words, hundreds per annotation, stay in the
 * annotations' `words` index: a list per word would rewrite hundreds of records per edit. Only
 * the words of many annotations (LIST_FROM: "government", "up", the pair "of the") get a list
 * too, read in one request instead of ~10 µs a key from the index; the words that have one are
 * named in one record (LISTED), which every write reads (`listWords` adds to it).
 *
 * This module owns the table: annotations-repo.ts and the import call `writeLabels` in the
 * transaction that writes the annotations, with the records before and after.
 */
import type { GlossDb, StoredAnnotation } from './database';
import { isOutletKey, isPairKey, textKey } from '../search/words';
import { fnv1a } from '../text/hash';
import { eachAnnotationStep } from './annotation-steps';

/** One part of a label's list: the ids of that label whose hash falls in the shard. */
export interface LabelShard {
  /** `term\0shard` */
  id: string;
  ids: string[];
}

export const SHARDS = 16;
/** Ends a term in a shard's key: no term holds it. */
const END = '\0';
const TAG_MARK = '\u0003';
const COLOR_MARK = '\u0004';
const WORD_MARK = '\u0005';
/**
 * The record naming the words that have lists (in its `ids`: words, not annotations). Its key is
 * the mark alone, with no END: it lies in no term's range.
 */
const LISTED = WORD_MARK;
/**
 * A word carried by this many annotations is worth a list: its keys cost ~10 ms to read from the
 * index, and a list adds a shard to rewrite on each edit of an annotation carrying it (in the
 * bench's library, 39 words and pairs, ~6 per annotation; docs/FINDINGS.md, session 14).
 */
export const LIST_FROM = 1000;
/**
 * A pair of small words (search/words.ts) gets its list sooner: a phrase made of small words has
 * no rarer word to narrow it, and a pair's keys are read whole from the index past this many (a
 * search's probe, LOAD_AT_MOST, says no more than that it is large). There are few such pairs:
 * in the bench's library 22 more lists, one more shard per edit at the median (43 at most, from 30).
 */
export const PAIR_LIST_FROM = 300;
const NONE: ReadonlySet<string> = new Set();
/**
 * The record saying that every stored annotation pairs its short words too (search/words.ts
 * `smallWordPairs`): written when the database is made, or by the background once it has given
 * the annotations stored before their pairs (annotations-repo.ts `storeWordsAgain`). No term's
 * range holds its key.
 */
export const SHORT_PAIRS = '\u0006';

/** A tag's term: its folded words, so every spelling that reads the same shares one list. */
export function tagTerm(tag: string): string {
  return TAG_MARK + textKey(tag).replaceAll(END, '');
}

export function colorTerm(color: string): string {
  return COLOR_MARK + color.replaceAll(END, '');
}

/** A stored word's term (words.ts: a word, or a pair of small words), for a word that has a list. */
export function wordTerm(word: string): string {
  return WORD_MARK + word.replaceAll(END, '');
}

/** The words that have lists (`listWords`). */
export async function listedWords(labels: GlossDb['labels']): Promise<Set<string>> {
  return new Set((await labels.get(LISTED))?.ids);
}

/**
 * Every label term `annotation` carries, each once: its tags, its color, its outlet (outletKey),
 * and those of its words that are `listed`. A record written before its fields were (words, tags,
 * color: none is missing in a database Gloss upgraded) carries what it has.
 */
export function labelsOf(annotation: Partial<Pick<StoredAnnotation, 'words' | 'tags' | 'color'>>, listed: ReadonlySet<string> = NONE): string[] {
  const terms = new Set((annotation.tags ?? []).map(tagTerm));
  if (annotation.color) terms.add(colorTerm(annotation.color));
  for (const word of annotation.words ?? []) {
    if (isOutletKey(word)) terms.add(word.replaceAll(END, ''));
    else if (listed.has(word)) terms.add(wordTerm(word));
  }
  return [...terms];
}

/** How many of `records` carry each word, added to `counts`. */
export function countWords(records: Iterable<Pick<StoredAnnotation, 'words'>>, counts = new Map<string, number>()): Map<string, number> {
  for (const { words } of records) for (const word of words ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Annotations read per step by `countStoredWords`: a large library is not held at once. */
const COUNT_STEP = 1000;

/** How many stored annotations carry each word, read COUNT_STEP at a time in id order. */
export async function countStoredWords(annotations: GlossDb['annotations']): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await eachAnnotationStep(annotations, COUNT_STEP, (step) => void countWords(step, counts));
  return counts;
}

/** The words of `counts` worth a list (LIST_FROM annotations or more, a pair PAIR_LIST_FROM; outlets have theirs). */
export function commonWords(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].filter(([word, count]) => count >= (isPairKey(word) ? PAIR_LIST_FROM : LIST_FROM) && !isOutletKey(word)).map(([word]) => word);
}

/**
 * Gives each of `words` (stored words) a list, from the `words` index, and names it in LISTED so
 * that every later write keeps it. Call inside a read-write transaction over both tables given,
 * before writing annotations that carry them.
 */
export async function listWords(annotations: GlossDb['annotations'], labels: GlossDb['labels'], words: Iterable<string>): Promise<void> {
  const listed = await listedWords(labels);
  const fresh = [...new Set(words)].filter((word) => !listed.has(word) && !isOutletKey(word));
  if (fresh.length === 0) return;
  const put: LabelShard[] = [{ id: LISTED, ids: [...listed, ...fresh] }];
  for (const word of fresh) {
    const shards = new Map<string, string[]>();
    for (const id of await annotations.where('words').equals(word).primaryKeys()) {
      const key = shardOf(wordTerm(word), id);
      const ids = shards.get(key);
      if (ids) ids.push(id);
      else shards.set(key, [id]);
    }
    for (const [id, ids] of shards) put.push({ id, ids });
  }
  await labels.bulkPut(put);
}

/** Whether every stored annotation pairs its short words (SHORT_PAIRS), so a search may ask for those pairs. */
export async function shortPairsStored(labels: GlossDb['labels']): Promise<boolean> {
  return (await labels.get(SHORT_PAIRS)) !== undefined;
}

/** Says that every stored annotation pairs its short words (SHORT_PAIRS). */
export async function markShortPairsStored(labels: GlossDb['labels']): Promise<void> {
  await labels.put({ id: SHORT_PAIRS, ids: [] });
}

/** The annotations carrying `term`, read in one request. */
export async function annotationsLabelled(db: GlossDb, term: string): Promise<string[]> {
  const shards = await db.labels.where('id').between(term + END, term + END + '\uffff', true, true).toArray();
  return shards.flatMap((shard) => shard.ids);
}

/** The shard record of `term` that holds `id`. */
function shardOf(term: string, id: string): string {
  return `${term}${END}${(fnv1a(id) % SHARDS).toString(16)}`;
}

/**
 * Brings the lists from what some annotations carried `before` to what they carry `after`
 * (undefined where one was not stored, or is deleted; both, when given, are one annotation). Call
 * inside a read-write transaction over `labels` (the table given): it reads which words have
 * lists, the shards of the labels carried and left, and writes them back (an emptied one is
 * deleted).
 */
export async function writeLabels(labels: GlossDb['labels'], changes: readonly { before?: StoredAnnotation; after?: StoredAnnotation }[]): Promise<void> {
  // Per shard: the ids to add (true) and to take out (false).
  const edits = new Map<string, Map<string, boolean>>();
  const listed = changes.length > 0 ? await listedWords(labels) : NONE;
  const edit = (term: string, id: string, add: boolean) => {
    const key = shardOf(term, id);
    let ids = edits.get(key);
    if (!ids) edits.set(key, (ids = new Map()));
    ids.set(id, add);
  };
  for (const { before, after } of changes) {
    const id = (after ?? before)?.id;
    if (id === undefined) continue;
    const had = new Set(before ? labelsOf(before, listed) : []);
    const has = new Set(after ? labelsOf(after, listed) : []);
    for (const term of had) if (!has.has(term)) edit(term, id, false);
    // Every label it carries, not only new ones: a list that missed it (a record written around
    // this module) gets it back; the shard is small.
    for (const term of has) edit(term, id, true);
  }
  if (edits.size === 0) return;
  const keys = [...edits.keys()];
  const stored = await labels.bulkGet(keys);
  const put: LabelShard[] = [];
  const emptied: string[] = [];
  keys.forEach((key, k) => {
    const ids = new Set(stored[k]?.ids);
    for (const [id, add] of edits.get(key)!) {
      if (add) ids.add(id);
      else ids.delete(id);
    }
    if (ids.size > 0) put.push({ id: key, ids: [...ids] });
    else if (stored[k]) emptied.push(key);
  });
  if (put.length) await labels.bulkPut(put);
  if (emptied.length) await labels.bulkDelete(emptied);
}
