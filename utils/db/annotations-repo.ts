/**
 * Reader annotations: make, edit, delete (and restore, for undo), list an article's. Every write
 * is one transaction; a failed write (quota, closed database) rejects and leaves what was stored.
 */
import type { AnnotationRecord } from '../anchoring/annotation';
import type { GlossDb } from './database';

export type NewAnnotation = Omit<AnnotationRecord, 'id' | 'createdAt' | 'updatedAt'>;
export type AnnotationEdit = Partial<Pick<AnnotationRecord, 'note' | 'tags' | 'color'>>;

/** Tags as stored: trimmed, case kept, no empties, no duplicates (ignoring case). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const tag of tags) {
    const clean = tag.replace(/\s+/g, ' ').trim();
    if (!clean || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    kept.push(clean);
  }
  return kept;
}

export async function createAnnotation(db: GlossDb, input: NewAnnotation, now = Date.now()): Promise<AnnotationRecord> {
  const annotation: AnnotationRecord = { ...input, tags: cleanTags(input.tags), id: crypto.randomUUID(), createdAt: now, updatedAt: now };
  await db.annotations.add(annotation);
  return annotation;
}

export async function updateAnnotation(db: GlossDb, id: string, edit: AnnotationEdit, now = Date.now()): Promise<AnnotationRecord> {
  return db.transaction('rw', db.annotations, async () => {
    const previous = await db.annotations.get(id);
    if (!previous) throw new Error(`No annotation ${id}`);
    const next: AnnotationRecord = { ...previous, ...edit, tags: cleanTags(edit.tags ?? previous.tags), updatedAt: now };
    await db.annotations.put(next);
    return next;
  });
}

/** Deletes an annotation and hands it back, so the reader can undo. */
export async function deleteAnnotation(db: GlossDb, id: string): Promise<AnnotationRecord> {
  return db.transaction('rw', db.annotations, async () => {
    const previous = await db.annotations.get(id);
    if (!previous) throw new Error(`No annotation ${id}`);
    await db.annotations.delete(id);
    return previous;
  });
}

/** Puts a deleted annotation back as it was (undo). */
export async function restoreAnnotation(db: GlossDb, annotation: AnnotationRecord): Promise<AnnotationRecord> {
  await db.annotations.put(annotation);
  return annotation;
}

/** An article's annotations in text order. */
export async function listArticleAnnotations(db: GlossDb, articleId: string): Promise<AnnotationRecord[]> {
  const annotations = await db.annotations.where('articleId').equals(articleId).toArray();
  return annotations.sort((a, b) => a.position.start - b.position.start || a.createdAt - b.createdAt);
}

/** Every tag in use, sorted, for autocomplete (read from the tags index, not the records). */
export async function listTags(db: GlossDb): Promise<string[]> {
  return (await db.annotations.orderBy('tags').uniqueKeys()).map(String);
}
