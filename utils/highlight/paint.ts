/**
 * Paints entity spans on the live page. With the CSS Custom Highlight API: one `Highlight` per
 * type in `CSS.highlights`, built from static ranges, and the page's DOM is not touched. Where
 * the API is missing: each span's text is wrapped in one custom element, and `clear()` puts
 * every text node back as it was.
 */
import type { EntitySpan, EntityType } from '../entities/types';
import type { TextModel } from '../text/text-model';
import { FALLBACK_TAG, HIGHLIGHT_NAMES } from './names';

export interface PaintResult {
  /** Ranges (API) or wrapped pieces (fallback) per type. */
  counts: Record<EntityType, number>;
  mode: 'highlight-api' | 'fallback';
}

export interface Painter {
  paint(model: TextModel, spans: readonly EntitySpan[], visible: ReadonlySet<EntityType>): PaintResult;
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
    for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
  };
  return {
    paint(model, spans, visible) {
      const byType = new Map<EntityType, AbstractRange[]>();
      for (const span of spans) {
        if (!visible.has(span.type)) continue;
        const live = model.range(span.start, span.end);
        if (!live || live.collapsed) continue;
        // Static ranges cost the page nothing when its DOM changes; the article is re-read then.
        const range = scope.StaticRange
          ? new scope.StaticRange({
              startContainer: live.startContainer,
              startOffset: live.startOffset,
              endContainer: live.endContainer,
              endOffset: live.endOffset,
            })
          : live;
        const list = byType.get(span.type);
        if (list) list.push(range);
        else byType.set(span.type, [range]);
      }
      clear();
      const counts = emptyCounts();
      for (const [type, ranges] of byType) {
        const highlight = new Highlight(...ranges);
        highlight.priority = 0; // the reader's own highlights will sit above
        registry.set(HIGHLIGHT_NAMES[type], highlight);
        counts[type] = ranges.length;
      }
      return { counts, mode: 'highlight-api' };
    },
    clear,
  };
}

/** Wraps span text in `<gloss-mark>`; remembers every split so `clear()` restores the text nodes. */
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
    paint(model, spans, visible) {
      clear();
      const counts = emptyCounts();
      // One wrapper per span; a span inside another (a TERM in an ORG) is left to the outer one.
      const chosen: EntitySpan[] = [];
      for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
        if (!visible.has(span.type)) continue;
        const previous = chosen.at(-1);
        if (previous && span.start < previous.end) continue;
        chosen.push(span);
      }
      // Pieces per text node, wrapped from the end so earlier offsets stay true.
      const pieces: { node: Text; start: number; end: number; type: EntityType }[] = [];
      for (const span of chosen) {
        for (const segment of model.segments) {
          if (segment.end <= span.start || segment.start >= span.end) continue;
          const from = model.pointBefore(Math.max(span.start, segment.start));
          const to = model.pointAfter(Math.min(span.end, segment.end));
          if (from?.node === segment.node && to?.node === segment.node && to.offset > from.offset) {
            pieces.push({ node: segment.node, start: from.offset, end: to.offset, type: span.type });
          }
        }
      }
      pieces.sort((a, b) => (a.node === b.node ? b.start - a.start : b.node.compareDocumentPosition(a.node) & 4 ? -1 : 1));
      for (const piece of pieces) {
        const tail = piece.end < piece.node.length ? piece.node.splitText(piece.end) : undefined;
        const middle = piece.node.splitText(piece.start);
        const mark = doc.createElement(FALLBACK_TAG);
        mark.setAttribute('data-gloss-type', piece.type);
        middle.replaceWith(mark);
        mark.append(middle);
        marks.push({ mark, joined: [piece.node, tail] as Text[] });
        counts[piece.type]++;
      }
      return { counts, mode: 'fallback' };
    },
    clear,
  };
}
