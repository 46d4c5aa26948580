/** Anchors every stored annotation of an article in its current text: placed, or orphaned. */
import { textHash } from '../text/hash';
import { locate, type Anchored } from './anchor';
import type { AnnotationRecord } from './annotation';

export interface PlacedAnnotation extends Anchored {
  annotation: AnnotationRecord;
  /** The article's text is not what it was when the annotation was made. */
  changed: boolean;
}

/** Where an orphan's words (or nearly them) are now, for the reader to accept or not: never painted as theirs. */
export interface Suggestion {
  id: string;
  start: number;
  end: number;
}

export interface Placement {
  placed: PlacedAnnotation[];
  orphans: AnnotationRecord[];
  /** For some orphans (by annotation id): another copy of their words, e.g. a caption's. */
  suggestions?: Suggestion[];
}

/** Distinct shifts remembered from the passages placed last. */
const MOVES_KEPT = 4;

/**
 * Anchors in stored order of position, so that when text was inserted or removed above a run of
 * passages, the shift found for one is tried first for the next (see `anchor`).
 */
export function anchorAll(annotations: readonly AnnotationRecord[], text: string): Placement {
  const hash = textHash(text);
  const placed: PlacedAnnotation[] = [];
  const orphans: AnnotationRecord[] = [];
  const suggestions: Suggestion[] = [];
  const moves: number[] = [];
  const inOrder = [...annotations].sort((a, b) => a.position.start - b.position.start);
  for (const annotation of inOrder) {
    const found = locate(text, annotation.quote, annotation.position, moves);
    if (found.method === 'orphan') {
      orphans.push(annotation);
      if (found.suggestion) suggestions.push({ id: annotation.id, ...found.suggestion });
      continue;
    }
    placed.push({ ...found, annotation, changed: annotation.textHash !== hash });
    const move = found.start - annotation.position.start;
    if (move !== 0 && moves[0] !== move) {
      moves.splice(0, moves.length, move, ...moves.filter((m) => m !== move).slice(0, MOVES_KEPT - 1));
    }
  }
  return { placed, orphans, suggestions };
}
