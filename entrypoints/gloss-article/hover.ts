/**
 * Pointer hit-testing for highlights. The Highlight API gives no events, so on pointer move (at
 * most once a frame) ask the caret API what text is under the pointer and let `find` say which
 * entity is there. Listening happens only while something is painted.
 */
import type { ScriptContext } from '@/utils/page/script-context';

export interface Caret {
  node: Node;
  offset: number;
}

/** The text position under a point: caretPositionFromPoint, else WebKit's caretRangeFromPoint. */
export function caretAt(x: number, y: number): Caret | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position && { node: position.offsetNode, offset: position.offset };
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export interface Hover {
  /** Listen (something is painted) or not (nothing is: no work on pointer move). */
  enable(on: boolean): void;
}

export function watchHover(
  ctx: ScriptContext,
  onPoint: (x: number, y: number, target: EventTarget | null) => void,
): Hover {
  let listening: AbortController | null = null;
  let frame = 0;
  let last: PointerEvent | null = null;
  ctx.onInvalidated(() => {
    listening?.abort();
    cancelAnimationFrame(frame);
  });
  return {
    enable(on) {
      if (on && !listening) {
        listening = new AbortController();
        document.addEventListener(
          'pointermove',
          (event) => {
            if (!event.isTrusted) return; // a page's made-up pointer does not open cards
            last = event;
            frame ||= requestAnimationFrame(() => {
              frame = 0;
              if (last) onPoint(last.clientX, last.clientY, last.target);
            });
          },
          { passive: true, signal: listening.signal },
        );
      } else if (!on && listening) {
        listening.abort();
        listening = null;
      }
    },
  };
}
