/**
 * Reader annotations: make, edit, delete (and restore, for undo), list an article's, list the
 * tags in use. Every write is one transaction; a failed write (quota, closed database) rejects and
 * leaves what was stored. Each write stores the annotation's search words (search/words.ts),
 * reading its article in the same transaction for the title and outlet, and the lists of its
 * labels (labels.ts) with them; what this module hands back never carries the words.
 *
 * Writes are safe to repeat and never overwrite unseen work: a new annotation comes with the id
 * its writer made before the first try, so a retry after a lost answer finds it stored and gets
 * it back (no duplicate); an edit names the revision it was based on and is refused with a
 * `RevisionConflict` (carrying the stored record) when someone else changed it since.
 */
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';
import { newId } from '../ids';
import { GlossFailure } from '../messaging/result';
import { cleanTags } from '../notes/tags';
import { indexWords } from '../search/words';
import { annotationsAfter } from './annotation-steps';
import type { GlossDb, StoredAnnotation } from './database';
import { commonWords, countStoredWords, listWords, markShortPairsStored, writeLabels } from './labels';

/** A new annotation: with the id its writer made (one is made here when it has none). */
export type NewAnnotation = Omit<AnnotationRecord, 'id' | 'createdAt' | 'updatedAt' | 'rev'> & { id?: string };
/**
 * An edit of note, tags or color, based on the revision `baseRev` the writer last saw; or of the
 * passage (quote, position and the fingerprint of the text they were taken from), when the reader
 * attaches an orphan to the copy of its words that Gloss offered.
 */
export type AnnotationEdit = Partial<Pick<AnnotationRecord, 'note' | 'tags' | 'color' | 'quote' | 'position' | 'textHash'>> & { baseRev: number };

/** An edit refused because the annotation changed since the revision it was based on. */
export class RevisionConflict extends GlossFailure {
  constructor(readonly current: AnnotationRecord) {
    super({
      code: 'conflict',
      message: 'This highlight was changed elsewhere while you edited it',
      current,
    });
  }
}

/** The revision of a stored record (records from before revisions count as 1). */
const revOf = (annotation: { rev?: number }) => annotation.rev ?? 1;

/** Whether two records say the same: same note, tags and color. */
const sameContent = (a: Pick<AnnotationRecord, 'note' | 'tags' | 'color'>, b: Pick<AnnotationRecord, 'note' | 'tags' | 'color'>) =>
  a.note === b.note && a.color === b.color && a.tags.join('\n') === b.tags.join('\n');

/** Whether two records mark the same passage of the same article. */
const samePassage = (a: AnnotationRecord, b: AnnotationRecord) =>
  a.articleId === b.articleId &&
  a.quote.exact === b.quote.exact &&
  a.quote.prefix === b.quote.prefix &&
  a.quote.suffix === b.quote.suffix &&
  a.position.start === b.position.start &&
  a.position.end === b.position.end;

// Tags are cleaned by the one function every path shares (notes/tags.ts); re-exported for the callers that import it from here.
export { cleanTags };

/** The annotation as stored: with its search words, from it and its article. */
export function storedAnnotation(annotation: AnnotationRecord, article: ArticleRecord | undefined): StoredAnnotation {
  return { ...withoutWords(annotation), words: indexWords(annotation, article) };
}

/** The annotation without its search words, as the rest of Gloss sees it. */
export function withoutWords(stored: AnnotationRecord | StoredAnnotation): AnnotationRecord {
  if (!('words' in stored)) return stored;
  const annotation: Partial<StoredAnnotation> = { ...stored };
  delete annotation.words;
  return annotation as AnnotationRecord;
}

/**
 * Stores `annotation` with its words and labels, reading its article in the transaction already
 * open (over annotations, articles and labels); `before` is the record it replaces, if any.
 */
async function putWithWords(db: GlossDb, annotation: AnnotationRecord, before: StoredAnnotation | undefined): Promise<void> {
  const stored = storedAnnotation(annotation, await db.articles.get(annotation.articleId));
  await (before ? db.annotations.put(stored) : db.annotations.add(stored));
  await writeLabels(db.labels, [{ before, after: stored }]);
}

/**
 * Stores a new annotation. Saving again with the same id (a retry whose first answer was lost)
 * hands back what is stored when it says the same; when the retry carries newer words and the
 * stored one was never edited (only its writer knew it), they replace them; once someone else
 * edited it, the retry is a `RevisionConflict`. An id already used for another passage is refused.
 */
export async function createAnnotation(db: GlossDb, input: NewAnnotation, now = Date.now()): Promise<AnnotationRecord> {
  const annotation: AnnotationRecord = { ...input, tags: cleanTags(input.tags), id: input.id ?? newId(), rev: 1, createdAt: now, updatedAt: now };
  return db.transaction('rw', db.annotations, db.articles, db.labels, async () => {
    const stored = await db.annotations.get(annotation.id);
    if (!stored) {
      await putWithWords(db, annotation, undefined);
      return annotation;
    }
    const previous = withoutWords({ ...stored, rev: revOf(stored) });
    if (!samePassage(previous, annotation)) throw new Error('That id belongs to another highlight');
    if (sameContent(previous, annotation)) return previous;
    if (previous.rev !== 1) throw new RevisionConflict(previous);
    const next = { ...previous, note: annotation.note, tags: annotation.tags, color: annotation.color, rev: 2, updatedAt: now };
    await putWithWords(db, next, stored);
    return next;
  });
}

/**
 * Edits an annotation that is still at revision `edit.baseRev`, making the next revision. An edit
 * based on an older revision is refused (`RevisionConflict`), unless the stored record already
 * says what it asks for (the same edit sent again after a lost answer): that is handed back.
 */
export async function updateAnnotation(db: GlossDb, id: string, edit: AnnotationEdit, now = Date.now()): Promise<AnnotationRecord> {
  return db.transaction('rw', db.annotations, db.articles, db.labels, async () => {
    const stored = await db.annotations.get(id);
    if (!stored) throw new Error(`No annotation ${id}`);
    const previous = withoutWords({ ...stored, rev: revOf(stored) });
    const { baseRev, ...change } = edit;
    const wanted = { ...previous, ...change, tags: cleanTags(change.tags ?? previous.tags) };
    if (previous.rev !== baseRev) {
      if (sameContent(previous, wanted) && samePassage(previous, wanted) && previous.textHash === wanted.textHash) return previous;
      throw new RevisionConflict(previous);
    }
    const next = { ...wanted, rev: previous.rev + 1, updatedAt: now };
    await putWithWords(db, next, stored);
    return next;
  });
}

/** Deletes an annotation and hands it back, so the reader can undo. */
export async function deleteAnnotation(db: GlossDb, id: string): Promise<AnnotationRecord> {
  return db.transaction('rw', db.annotations, db.labels, async () => {
    const previous = await db.annotations.get(id);
    if (!previous) throw new Error(`No annotation ${id}`);
    await db.annotations.delete(id);
    await writeLabels(db.labels, [{ before: previous }]);
    return withoutWords(previous);
  });
}

/** Puts a deleted annotation back as it was (undo). */
export async function restoreAnnotation(db: GlossDb, annotation: AnnotationRecord): Promise<AnnotationRecord> {
  const restored = withoutWords({ ...annotation, rev: revOf(annotation) });
  await db.transaction('rw', db.annotations, db.articles, db.labels, async () => putWithWords(db, restored, await db.annotations.get(restored.id)));
  return restored;
}

/** An article's annotations in text order. */
export async function listArticleAnnotations(db: GlossDb, articleId: string): Promise<AnnotationRecord[]> {
  const annotations = await db.annotations.where('articleId').equals(articleId).toArray();
  return annotations
    .map((annotation) => withoutWords({ ...annotation, rev: revOf(annotation) })).sort((a, b) => a.position.start - b.position.start || a.createdAt - b.createdAt);
}

/**
 * Every tag in use, each spelling once, in IndexedDB key order (by UTF-16 code unit: "Zed"
 * before "apple"); tags that differ only in case on different annotations both appear.
 */
export async function listTags(db: GlossDb): Promise<string[]> {
  return (await db.annotations.orderBy('tags').uniqueKeys()) as string[];
}

/**
 * Recomputes the words (and labels) of an article's annotations, for when its title or outlet
 * changed. Call inside a transaction holding annotations and labels.
 */
export async function reindexArticleAnnotations(db: GlossDb, article: ArticleRecord): Promise<number> {
  const before = await db.annotations.where('articleId').equals(article.id).toArray();
  const after = before.map((annotation) => ({ ...annotation, words: indexWords(annotation, article) }));
  await db.annotations.bulkPut(after);
  await writeLabels(db.labels, before.map((annotation, i) => ({ before: annotation, after: after[i] })));
  return after.length;
}

/**
 * Writes annotations already stored with their words (an import), with their labels: new ones,
 * or, given `before` (what each replaces, in order), over the stored ones. Call inside a
 * transaction holding annotations and labels, or none (one is opened).
 */
export async function putStoredAnnotations(db: GlossDb, records: readonly StoredAnnotation[], before?: readonly StoredAnnotation[]): Promise<void> {
  await db.transaction('rw', db.annotations, db.labels, async () => {
    await (before ? db.annotations.bulkPut([...records]) : db.annotations.bulkAdd([...records]));
    await writeLabels(db.labels, records.map((after, i) => ({ before: before?.[i], after })));
  });
}

/** Annotations whose words `storeWordsAgain` brings up to date per transaction: a reader's write waits for one at most. */
export const WORDS_STEP = 200;

/**
 * Brings the stored words (and labels) of the WORDS_STEP annotations after `after` (by id; from
 * the first when null) to what search/words.ts stores now, writing those that changed. Answers the
 * last id seen, or null when none was left. Annotations written meanwhile are stored with their
 * words as they are now, so one pass in id order leaves none behind.
 */
export async function storeWordsAgain(db: GlossDb, after: string | null): Promise<string | null> {
  return db.transaction('rw', db.annotations, db.articles, db.labels, async () => {
    const step = await annotationsAfter(db.annotations, after, WORDS_STEP);
    if (step.length === 0) return null;
    const articles = await db.articles.bulkGet([...new Set(step.map((annotation) => annotation.articleId))]);
    const byId = new Map(articles.flatMap((article) => (article ? [[article.id, article] as const] : [])));
    const before: StoredAnnotation[] = [];
    const changed: StoredAnnotation[] = [];
    for (const annotation of step) {
      const words = indexWords(annotation, byId.get(annotation.articleId));
      if (words.length === annotation.words?.length && words.every((word, i) => word === annotation.words[i])) continue;
      before.push(annotation);
      changed.push({ ...annotation, words });
    }
    await db.annotations.bulkPut(changed);
    await writeLabels(db.labels, changed.map((annotation, i) => ({ before: before[i], after: annotation })));
    return step[step.length - 1]!.id;
  });
}

/**
 * Once every annotation's words are up to date (`storeWordsAgain`): lists the words and pairs
 * now common (counted a step at a time, then listed from the index in one transaction) and says
 * that searches may ask for the pairs of short words.
 */
export async function finishStoringWords(db: GlossDb): Promise<void> {
  const counts = await countStoredWords(db.annotations);
  await db.transaction('rw', db.annotations, db.labels, async () => {
    await listWords(db.annotations, db.labels, commonWords(counts));
    await markShortPairsStored(db.labels);
  });
}
