/**
 * The first time an extension page shows its data, as a performance mark the bench reads (from
 * navigation to the mark). Set after the frame that shows the data is painted (the next task after
 * its animation frame), so the figure holds the style, layout and paint of what was rendered, not
 * only the rendering. Extension pages only: a content script leaves no entry a page could read.
 */
import { useLayoutEffect, useState } from 'preact/hooks';

/** Calls `then` after the coming frame is painted (in the next task after its animation frame). */
export function afterPaint(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then));
}

/** Marks `name` after the coming frame is painted, unless this page has marked it already. */
export function markAfterPaint(name: string): void {
  afterPaint(() => {
    if (performance.getEntriesByName(name).length === 0) performance.mark(name);
  });
}

/** Marks `name` once, after the first frame painted where `ready` holds. */
export function useFirstPaintMark(name: string, ready: boolean): void {
  useLayoutEffect(() => {
    if (ready) markAfterPaint(name);
  }, [name, ready]);
}

/**
 * False in the frame a component first shows in, true from the next: for a part the first frame
 * can go without. Its render comes a task after `afterPaint`'s, so after the marks of that frame.
 */
export function useDrawnAfterFirstPaint(): boolean {
  const [drawn, setDrawn] = useState(false);
  useLayoutEffect(() => {
    let live = true;
    afterPaint(() => setTimeout(() => live && setDrawn(true)));
    return () => {
      live = false;
    };
  }, []);
  return drawn;
}
