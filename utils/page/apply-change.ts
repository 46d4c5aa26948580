/**
 * A change the background announced (the records as stored now, the ids removed) applied to the
 * placement a page already has, so the page repaints without sending its text again: an edit
 * keeps its place (an edit never moves a highlight), a removal drops it, and a record made on
 * this very text (same fingerprint, its quote at its position) is placed where it says. Only
 * what is left (an import made on another version of the text) needs the background's anchoring.
 */
import type { PlacedAnnotation, Placement } from '../anchoring/anchor-all';
import type { AnnotationRecord } from '../anchoring/annotation';

export interface AnnotationChange {
  changed: readonly AnnotationRecord[];
  removed: readonly string[];
}

const samePlace = (a: AnnotationRecord, b: AnnotationRecord) =>
  a.position.start === b.position.start &&
  a.position.end === b.position.end &&
  a.quote.exact === b.quote.exact &&
  a.quote.prefix === b.quote.prefix &&
  a.quote.suffix === b.quote.suffix;

const byStart = (a: PlacedAnnotation, b: PlacedAnnotation) => a.start - b.start || a.end - b.end;

/** `change` applied to `placement` in `text` (whose fingerprint is `hash`), and the records the page could not place itself. */
export function applyChange(
  placement: Placement,
  change: AnnotationChange,
  text: string,
  hash: string,
): { placement: Placement; unplaced: AnnotationRecord[] } {
  const gone = new Set([...change.removed, ...change.changed.map((record) => record.id)]);
  const placedBefore = new Map(placement.placed.map((entry) => [entry.annotation.id, entry]));
  const orphanBefore = new Map(placement.orphans.map((record) => [record.id, record]));
  const placed = placement.placed.filter((entry) => !gone.has(entry.annotation.id));
  const orphans = placement.orphans.filter((record) => !gone.has(record.id));
  const unplaced: AnnotationRecord[] = [];
  for (const record of change.changed) {
    const was = placedBefore.get(record.id);
    const orphan = orphanBefore.get(record.id);
    const { start, end } = record.position;
    if (was && samePlace(was.annotation, record)) placed.push({ ...was, annotation: record, changed: record.textHash !== hash });
    else if (orphan && samePlace(orphan, record)) orphans.push(record);
    else if (record.textHash === hash && text.slice(start, end) === record.quote.exact) placed.push({ start, end, method: 'position', annotation: record, changed: false });
    else unplaced.push(record);
  }
  // An orphan that stays one keeps the copy offered for it; a placed or removed one has none.
  const orphanIds = new Set(orphans.map((record) => record.id));
  const suggestions = (placement.suggestions ?? []).filter((s) => orphanIds.has(s.id));
  return { placement: { placed: placed.sort(byStart), orphans, suggestions }, unplaced };
}

/** `extra` (the background's placement of some records) merged into `placement`, replacing what it had of them. */
export function mergePlacement(placement: Placement, extra: Placement): Placement {
  const ids = new Set([...extra.placed.map((entry) => entry.annotation.id), ...extra.orphans.map((record) => record.id)]);
  return {
    placed: [...placement.placed.filter((entry) => !ids.has(entry.annotation.id)), ...extra.placed].sort(byStart),
    orphans: [...placement.orphans.filter((record) => !ids.has(record.id)), ...extra.orphans],
    suggestions: [...(placement.suggestions ?? []).filter((s) => !ids.has(s.id)), ...(extra.suggestions ?? [])],
  };
}
