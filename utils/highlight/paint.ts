/**
 * Paints entity spans and the reader's own highlights on the live page. With the CSS Custom
 * Highlight API: one `Highlight` per entity type and one per reader color (priority 1, above the
 * entities) in `CSS.highlights`, built from static ranges; the page's DOM is not touched. Where
 * the API is missing: the text is cut at every span's edges and each piece wrapped in one custom
 * element that carries its entity type and note color, and `clear()` puts every text node back
 * as it was.
 */
import type { EntitySpan, EntityType } from '../entities/types';
import type { TextModel } from '../text/text-model';
import { FALLBACK_TAG, HIGHLIGHT_NAMES, NOTE_HIGHLIGHT_NAMES, noteHighlightName } from './names';

/** A reader's highlight to paint: where it stands in the model's text, and its color id. */
export interface NoteMark {
  start: number;
  end: number;
  color: string;
}

export interface PaintResult {
  /** Ranges (API) or wrapped pieces (fallback) per type. */
  counts: Record<EntityType, number>;
  /** Reader highlights painted. */
  notes: number;
  mode: 'highlight-api' | 'fallback';
}

export interface Painter {
  paint(model: TextModel, spans: readonly EntitySpan[], visible: ReadonlySet<EntityType>, notes?: readonly NoteMark[]): PaintResult;
  clear(): void;
}

/** Where the Highlight API lives: the page's window (a test passes its own). */
export interface HighlightScope {
  Highlight?: new (...ranges: AbstractRange[]) => { priority: number; size: number };
  CSS?: { highlights?: Map<string, unknown> };
  StaticRange?: typeof StaticRange;
}

const emptyCounts = (): Record<EntityType, number> => ({ PERSON: 0, ORG: 0, PLACE: 0, DATE: 0, TERM: 0 });

/** A painter for `doc`, using the Highlight API when its window has one. */
export function createPainter(
  doc: Document,
  scope: HighlightScope = (doc.defaultView ?? globalThis) as unknown as HighlightScope,
): Painter {
  return scope.Highlight && scope.CSS?.highlights ? highlightPainter(scope) : fallbackPainter(doc);
}

function highlightPainter(scope: HighlightScope): Painter {
  const registry = scope.CSS!.highlights!;
  const Highlight = scope.Highlight!;
  const clear = () => {
    for (const name of [...Object.values(HIGHLIGHT_NAMES), ...NOTE_HIGHLIGHT_NAMES]) registry.delete(name);
  };
  // Static ranges cost the page nothing when its DOM changes; the article is re-read then. They
  // are made from the model's points, not from a live Range (which the document would keep
  // updating until it is collected).
  const rangeOf = (model: TextModel, start: number, end: number): AbstractRange | null => {
    if (!scope.StaticRange) {
      const live = model.range(start, end);
      return !live || live.collapsed ? null : live;
    }
    const points = model.points(start, end);
    return points
      ? new scope.StaticRange({ startContainer: points.start.node, startOffset: points.start.offset, endContainer: points.end.node, endOffset: points.end.offset })
      : null;
  };
  const group = <T,>(items: readonly T[], keyOf: (item: T) => string | null, model: TextModel, at: (item: T) => [number, number]) => {
    const groups = new Map<string, AbstractRange[]>();
    for (const item of items) {
      const key = keyOf(item);
      const range = key === null ? null : rangeOf(model, ...at(item));
      if (key === null || !range) continue;
      const list = groups.get(key);
      if (list) list.push(range);
      else groups.set(key, [range]);
    }
    return groups;
  };
  return {
    paint(model, spans, visible, notes = []) {
      const byType = group(spans, (span) => (visible.has(span.type) ? span.type : null), model, (s) => [s.start, s.end]);
      const byColor = group(notes, (note) => note.color, model, (n) => [n.start, n.end]);
      clear();
      const counts = emptyCounts();
      for (const [type, ranges] of byType) {
        const highlight = new Highlight(...ranges);
        highlight.priority = 0;
        registry.set(HIGHLIGHT_NAMES[type as EntityType], highlight);
        counts[type as EntityType] = ranges.length;
      }
      let painted = 0;
      for (const [color, ranges] of byColor) {
        const highlight = new Highlight(...ranges);
        highlight.priority = 1; // the reader's own marks sit above the entities
        registry.set(noteHighlightName(color), highlight);
        painted += ranges.length;
      }
      return { counts, notes: painted, mode: 'highlight-api' };
    },
    clear,
  };
}

/** Wraps text pieces in `<gloss-mark>`; remembers every split so `clear()` restores the text nodes. */
function fallbackPainter(doc: Document): Painter {
  let marks: { mark: Element; joined: Text[] }[] = [];

  const clear = () => {
    // Undo in reverse: each mark's text goes back into the node it was split from.
    for (const { mark, joined } of marks.reverse()) {
      const inner = mark.firstChild as Text | null;
      const [before, after] = joined as [Text, Text | undefined];
      if (inner) before.data += inner.data;
      if (after) {
        before.data += after.data;
        after.remove();
      }
      mark.remove();
    }
    marks = [];
  };

  return {
    paint(model, spans, visible, notes = []) {
      clear();
      const counts = emptyCounts();
      // One entity per stretch of text: a span inside another (a TERM in an ORG) is left to the outer one.
      const entities: EntitySpan[] = [];
      for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
        if (!visible.has(span.type)) continue;
        const previous = entities.at(-1);
        if (previous && span.start < previous.end) continue;
        entities.push(span);
      }
      // Elementary stretches: cut at every edge; each gets the entity and the (latest) note over it.
      const edges = [...new Set([...entities, ...notes].flatMap((item) => [item.start, item.end]))].sort((a, b) => a - b);
      const pieces: { node: Text; start: number; end: number; type?: EntityType; color?: string }[] = [];
      const counted = new Set<object>();
      for (let i = 0; i + 1 < edges.length; i++) {
        const [from, to] = [edges[i] as number, edges[i + 1] as number];
        const entity = entities.find((span) => span.start <= from && to <= span.end);
        const note = notes.findLast((mark) => mark.start <= from && to <= mark.end);
        if (!entity && !note) continue;
        for (const segment of model.segments) {
          if (segment.end <= from || segment.start >= to) continue;
          const a = model.pointBefore(Math.max(from, segment.start));
          const b = model.pointAfter(Math.min(to, segment.end));
          if (a?.node !== segment.node || b?.node !== segment.node || b.offset <= a.offset) continue;
          pieces.push({ node: segment.node, start: a.offset, end: b.offset, type: entity?.type, color: note?.color });
          for (const item of [entity, note]) if (item) counted.add(item);
        }
      }
      // Wrapped from the end so earlier offsets stay true.
      pieces.sort((a, b) => (a.node === b.node ? b.start - a.start : b.node.compareDocumentPosition(a.node) & 4 ? -1 : 1));
      for (const piece of pieces) {
        const tail = piece.end < piece.node.length ? piece.node.splitText(piece.end) : undefined;
        const middle = piece.node.splitText(piece.start);
        const mark = doc.createElement(FALLBACK_TAG);
        if (piece.type) mark.setAttribute('data-gloss-type', piece.type);
        if (piece.color) mark.setAttribute('data-gloss-note', piece.color);
        middle.replaceWith(mark);
        mark.append(middle);
        marks.push({ mark, joined: [piece.node, tail] as Text[] });
        if (piece.type) counts[piece.type]++;
      }
      return { counts, notes: notes.filter((note) => counted.has(note)).length, mode: 'fallback' };
    },
    clear,
  };
}
