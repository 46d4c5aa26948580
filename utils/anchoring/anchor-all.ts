/** Anchors every stored annotation of an article in its current text: placed, or orphaned. */
import { textHash } from '../text/hash';
import { anchor, type Anchored } from './anchor';
import type { AnnotationRecord } from './annotation';

export interface PlacedAnnotation extends Anchored {
  annotation: AnnotationRecord;
  /** The article's text is not what it was when the annotation was made. */
  changed: boolean;
}

export interface Placement {
  placed: PlacedAnnotation[];
  orphans: AnnotationRecord[];
}

export function anchorAll(annotations: readonly AnnotationRecord[], text: string): Placement {
  const hash = textHash(text);
  const placed: PlacedAnnotation[] = [];
  const orphans: AnnotationRecord[] = [];
  for (const annotation of annotations) {
    const found = anchor(text, annotation.quote, annotation.position);
    if (found) placed.push({ ...found, annotation, changed: annotation.textHash !== hash });
    else orphans.push(annotation);
  }
  return { placed, orphans };
}
