/**
 * Whether a gesture on Gloss's in-page UI is the reader's own, made on controls the reader could
 * see. A page cannot reach into Gloss's shadow roots, but it can dispatch events of its own
 * (untrusted) and style what surrounds the host: make it transparent, hide it under its own
 * decoy, or make its ancestors invisible, so that a real click lands on a control the reader
 * never saw (clickjacking). The host's own styles are pinned by shadow-ui.ts; what the page can
 * still do to the host's ancestors (and to what covers the click's point) is checked here
 * before anything acts.
 */

/**
 * Below this opacity (the host's and its ancestors', multiplied) a control counts as hidden: a
 * page fading in at 0.95 is still read; a page at 0.5 has made Gloss's controls hard to see.
 */
const MIN_OPACITY = 0.9;

/** The smallest `opacity()`/`contrast()`/`brightness()` a filter may apply, and the most blur, before controls count as hidden. */
const MIN_FILTER = { opacity: 0.9, contrast: 0.5, brightness: 0.3 } as const;
const MAX_BLUR_PX = 2;

/** Whether a computed `filter` leaves content readable (dark-mode `invert()` and `hue-rotate()` do). */
function filterReadable(filter: string): boolean {
  if (!filter || filter === 'none') return true;
  for (const [, name = '', arg = ''] of filter.matchAll(/([a-z-]+)\(([^)]*)\)/g)) {
    const value = parseFloat(arg);
    const amount = arg.trim().endsWith('%') ? value / 100 : value;
    if (name === 'blur' && value > MAX_BLUR_PX) return false;
    if (name in MIN_FILTER && amount < MIN_FILTER[name as keyof typeof MIN_FILTER]) return false;
    if (name === 'url') return false; // an SVG filter can do anything
  }
  return true;
}

/**
 * Whether `host` is rendered as the reader would see it: shown, visible, opaque enough, not
 * filtered, clipped or masked away (its own style and every ancestor's). `topLayer`: the control
 * is in the top layer, where ancestors' opacity, filters and clips do not reach.
 */
export function hostShows(host: Element, topLayer = false): boolean {
  if (!host.isConnected || !host.getClientRects) return false;
  const view = host.ownerDocument.defaultView;
  if (!view) return false;
  if (['hidden', 'collapse'].includes(view.getComputedStyle(host).visibility)) return false;
  let opacity = 1;
  for (let el: Element | null = host; el; el = el.parentElement ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null)) {
    const style = view.getComputedStyle(el);
    if (style.display === 'none' || style.contentVisibility === 'hidden') return false;
    if (topLayer) continue;
    opacity *= parseFloat(style.opacity || '1');
    if (!filterReadable(style.filter)) return false;
    if (style.clipPath && style.clipPath !== 'none') return false;
    const mask = style.maskImage || style.getPropertyValue('-webkit-mask-image');
    if (mask && mask !== 'none') return false;
  }
  return opacity >= MIN_OPACITY;
}

/** Whether the topmost thing at (x, y) in the page is `host` (Gloss's UI, not a page decoy over it). */
export function hostAt(host: Element, x: number, y: number): boolean {
  return host.ownerDocument.elementFromPoint(x, y) === host;
}

/**
 * Whether `event` on Gloss's UI under `host` may act: made by the reader (trusted), on a host
 * that shows, and, for a pointer's click, with Gloss's UI topmost at the click's point. A click
 * from the keyboard (`detail` 0) has no point to check.
 */
export function readersGesture(event: Event, host: Element): boolean {
  if (!event.isTrusted) return false;
  const topLayer = event
    .composedPath()
    .some((target) => target instanceof Element && target !== host && target.matches(':popover-open'));
  if (!hostShows(host, topLayer)) return false;
  if (event instanceof MouseEvent && event.detail > 0 && !hostAt(host, event.clientX, event.clientY)) return false;
  return true;
}
