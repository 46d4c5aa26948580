/**
 * The stored annotations a step at a time in id order, for the passes over all of them (schema
 * upgrades, the background's words): a large library is never held at once, and a pass stopped
 * halfway can go on from the last id it saw.
 */
import type { GlossDb, StoredAnnotation } from './database';

type Annotations = GlossDb['annotations'];

/** The `limit` annotations after `after` in id order (from the first when null). */
export function annotationsAfter(annotations: Annotations, after: string | null, limit: number): Promise<StoredAnnotation[]> {
  return (after === null ? annotations.orderBy(':id') : annotations.where(':id').above(after)).limit(limit).toArray();
}

/** Visits every annotation, `limit` at a time in id order. */
export async function eachAnnotationStep(annotations: Annotations, limit: number, visit: (step: StoredAnnotation[]) => Promise<void> | void): Promise<void> {
  for (let after: string | null = null; ; ) {
    const step = await annotationsAfter(annotations, after, limit);
    if (step.length === 0) return;
    await visit(step);
    after = step[step.length - 1]!.id;
  }
}
