/**
 * Reader annotations: make, edit, delete (and restore, for undo), list an article's, list the
 * tags in use. Every write is one transaction; a failed write (quota, closed database) rejects and
 * leaves what was stored. Each write stores the annotation's search words (search/words.ts),
 * reading its article in the same transaction for the title and outlet; what this module hands
 * back never carries them.
 */
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';
import { cleanTags } from '../notes/tags';
import { indexWords } from '../search/words';
import type { GlossDb, StoredAnnotation } from './database';

export type NewAnnotation = Omit<AnnotationRecord, 'id' | 'createdAt' | 'updatedAt'>;
export type AnnotationEdit = Partial<Pick<AnnotationRecord, 'note' | 'tags' | 'color'>>;

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

/** Stores `annotation` with its words, reading its article in the transaction already open. */
async function putWithWords(db: GlossDb, annotation: AnnotationRecord, mode: 'add' | 'put'): Promise<void> {
  const stored = storedAnnotation(annotation, await db.articles.get(annotation.articleId));
  await (mode === 'add' ? db.annotations.add(stored) : db.annotations.put(stored));
}

export async function createAnnotation(db: GlossDb, input: NewAnnotation, now = Date.now()): Promise<AnnotationRecord> {
  const annotation: AnnotationRecord = { ...input, tags: cleanTags(input.tags), id: crypto.randomUUID(), createdAt: now, updatedAt: now };
  await db.transaction('rw', db.annotations, db.articles, () => putWithWords(db, annotation, 'add'));
  return annotation;
}

export async function updateAnnotation(db: GlossDb, id: string, edit: AnnotationEdit, now = Date.now()): Promise<AnnotationRecord> {
  return db.transaction('rw', db.annotations, db.articles, async () => {
    const previous = await db.annotations.get(id);
    if (!previous) throw new Error(`No annotation ${id}`);
    const next = withoutWords({ ...previous, ...edit, tags: cleanTags(edit.tags ?? previous.tags), updatedAt: now });
    await putWithWords(db, next, 'put');
    return next;
  });
}

/** Deletes an annotation and hands it back, so the reader can undo. */
export async function deleteAnnotation(db: GlossDb, id: string): Promise<AnnotationRecord> {
  return db.transaction('rw', db.annotations, async () => {
    const previous = await db.annotations.get(id);
    if (!previous) throw new Error(`No annotation ${id}`);
    await db.annotations.delete(id);
    return withoutWords(previous);
  });
}

/** Puts a deleted annotation back as it was (undo). */
export async function restoreAnnotation(db: GlossDb, annotation: AnnotationRecord): Promise<AnnotationRecord> {
  const restored = withoutWords(annotation);
  await db.transaction('rw', db.annotations, db.articles, () => putWithWords(db, restored, 'put'));
  return restored;
}

/** An article's annotations in text order. */
export async function listArticleAnnotations(db: GlossDb, articleId: string): Promise<AnnotationRecord[]> {
  const annotations = await db.annotations.where('articleId').equals(articleId).toArray();
  return annotations.map(withoutWords).sort((a, b) => a.position.start - b.position.start || a.createdAt - b.createdAt);
}

/**
 * Every tag in use, each spelling once, in IndexedDB key order (by UTF-16 code unit: "Zed"
 * before "apple"); tags that differ only in case on different annotations both appear.
 */
export async function listTags(db: GlossDb): Promise<string[]> {
  return (await db.annotations.orderBy('tags').uniqueKeys()) as string[];
}

/**
 * Recomputes the words of an article's annotations, for when its title or outlet changed. Call
 * inside a transaction holding both tables.
 */
export async function reindexArticleAnnotations(db: GlossDb, article: ArticleRecord): Promise<number> {
  return db.annotations
    .where('articleId')
    .equals(article.id)
    .modify((annotation) => {
      annotation.words = indexWords(annotation, article);
    });
}
