/**
 * Paints the reader's own annotations: one Highlight per color, `gloss-note-<color>`, above the
 * entity highlights (priority 1). Without the Highlight API nothing is painted yet (the
 * wrapping fallback for notes comes with the annotation toolbar).
 */
import type { PlacedAnnotation } from '../anchoring/anchor-all';
import { ANNOTATION_COLORS } from '../anchoring/annotation';
import type { TextModel } from '../text/text-model';
import type { HighlightScope } from './paint';

export const noteHighlightName = (color: string) => `gloss-note-${color}`;

/** Paints `placed` over `model`; answers the number of ranges. */
export function paintNotes(model: TextModel, placed: readonly PlacedAnnotation[], scope: HighlightScope): number {
  const registry = scope.CSS?.highlights;
  if (!scope.Highlight || !registry) return 0;
  const byColor = new Map<string, AbstractRange[]>();
  for (const { start, end, annotation } of placed) {
    const range = model.range(start, end);
    if (!range || range.collapsed) continue;
    byColor.set(annotation.color, [...(byColor.get(annotation.color) ?? []), range]);
  }
  let count = 0;
  for (const color of ANNOTATION_COLORS) {
    const ranges = byColor.get(color);
    if (!ranges) {
      registry.delete(noteHighlightName(color));
      continue;
    }
    const highlight = new scope.Highlight(...ranges);
    highlight.priority = 1;
    registry.set(noteHighlightName(color), highlight);
    count += ranges.length;
  }
  return count;
}
