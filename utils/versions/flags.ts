/**
 * Which of the reader's annotations a comparison of two versions touches: those whose passage was
 * edited or removed between the older text and the newer. Each annotation is anchored in both
 * texts with the anchoring code the page uses (utils/anchoring/); its place in each is checked
 * against the changes (diff.ts). Pure: runs wherever the diff runs.
 */
import { anchorAll, type Placement } from '../anchoring/anchor-all';
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ParagraphChange } from './diff';

/**
 * - `removed`: its passage was in a paragraph the new text no longer has;
 * - `edited`: words of its passage changed (it may or may not be found in the new text);
 * - `added`: its passage is in a paragraph the old text did not have.
 */
export type FlagKind = 'removed' | 'edited' | 'added';

export interface AnnotationFlag {
  annotation: AnnotationRecord;
  kind: FlagKind;
  /** The change (index in the diff) where its passage starts. */
  change: number;
}

interface Span {
  start: number;
  end: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The stretches of each text that the changes removed (old text) and added (new text). */
function changedStretches(changes: readonly ParagraphChange[]): { old: (Span & { change: number })[]; new: (Span & { change: number })[] } {
  const old: (Span & { change: number })[] = [];
  const added: (Span & { change: number })[] = [];
  changes.forEach((change, index) => {
    if (change.kind === 'removed') old.push({ start: change.old.start, end: change.old.start + change.old.text.length + 1, change: index });
    else if (change.kind === 'added') added.push({ start: change.new.start, end: change.new.start + change.new.text.length + 1, change: index });
    else if (change.kind === 'edited') {
      if (!change.words) {
        old.push({ start: change.old.start, end: change.old.start + change.old.text.length, change: index });
        added.push({ start: change.new.start, end: change.new.start + change.new.text.length, change: index });
        return;
      }
      for (const piece of change.words) {
        if (piece.kind === 'removed') old.push({ start: piece.oldStart, end: piece.oldStart + piece.text.length, change: index });
        else if (piece.kind === 'added') added.push({ start: piece.newStart, end: piece.newStart + piece.text.length, change: index });
        // A word put in right where a passage ends or starts does not change it; inside it, it does.
      }
    }
  });
  return { old, new: added };
}

/** The change holding offset `at` of the old text (`side` 'old') or the new one. */
function changeAt(changes: readonly ParagraphChange[], side: 'old' | 'new', at: number): number {
  let found = 0;
  changes.forEach((change, index) => {
    const paragraph = side === 'old' ? ('old' in change ? change.old : null) : 'new' in change ? change.new : null;
    if (paragraph && paragraph.start <= at) found = index;
  });
  return found;
}

/**
 * The annotations whose passage the changes from `oldText` to `newText` touch, in the order of
 * the diff. Annotations untouched, or found in neither text, are not flagged.
 */
export function flagAnnotations(
  annotations: readonly AnnotationRecord[],
  oldText: string,
  newText: string,
  changes: readonly ParagraphChange[],
  placed: { old?: Placement; new?: Placement } = {},
): AnnotationFlag[] {
  const inOld = new Map((placed.old ?? anchorAll(annotations, oldText)).placed.map((p) => [p.annotation.id, p]));
  const inNew = new Map((placed.new ?? anchorAll(annotations, newText)).placed.map((p) => [p.annotation.id, p]));
  const stretches = changedStretches(changes);
  const flags: AnnotationFlag[] = [];
  for (const annotation of annotations) {
    const old = inOld.get(annotation.id);
    const next = inNew.get(annotation.id);
    if (old && !next) {
      // Not found in the new text: its paragraph went, or its words changed past recognition.
      const touched = stretches.old.find((s) => overlaps(s, old));
      const change = touched?.change ?? changeAt(changes, 'old', old.start);
      flags.push({ annotation, kind: changes[change]?.kind === 'removed' ? 'removed' : 'edited', change });
    } else if (!old && next) {
      const touched = stretches.new.find((s) => overlaps(s, next));
      const change = touched?.change ?? changeAt(changes, 'new', next.start);
      flags.push({ annotation, kind: changes[change]?.kind === 'added' ? 'added' : 'edited', change });
    } else if (old && next) {
      const touched = stretches.old.find((s) => overlaps(s, old)) ?? stretches.new.find((s) => overlaps(s, next));
      if (touched) flags.push({ annotation, kind: 'edited', change: touched.change });
    }
  }
  return flags.sort((a, b) => a.change - b.change);
}
