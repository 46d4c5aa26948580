/**
 * Gloss's in-page UI root: a custom element appended to <body> with a shadow root that
 * holds the entry's stylesheet and one container, so page CSS cannot reach in and Gloss's cannot
 * leak out. Keyboard events stop at the host, so the page's shortcuts do not fire while the
 * reader types a note. Written here rather than with WXT's `createShadowRootUi`, which brings
 * about 3 KB gzip of machinery these scripts do not use (auto-mounting, waiting for anchors,
 * custom-element name checks) into an article script with a 20 KB budget. The stylesheet comes
 * with the script as text (a `?inline` import): read from the extension with `fetch`, it cost the
 * page a request and ~2 ms of its thread on every article (docs/FINDINGS.md).
 *
 * A page may not make the host invisible or click-through to steer a real click onto a control
 * the reader cannot see: the host's look is pinned by inline `!important` declarations (which
 * beat any page stylesheet) and put back when the page edits its attributes; every click,
 * change or input inside is stopped before Gloss's handlers unless it is the reader's own, on a
 * UI that shows (utils/page/visible.ts).
 */
import type { ScriptContext } from '@/utils/page/script-context';
import { readersGesture } from './visible';

export interface ShadowUi {
  host: HTMLElement;
  container: HTMLElement;
  readonly mounted: boolean;
  mount(): void;
  remove(): void;
}

/**
 * The host's own look, whatever the page's CSS says: a zero-size box at the top of the stacking
 * order (the UI inside is `position: fixed`), opaque, visible, clickable, untransformed.
 */
const PINNED: Record<string, string> = {
  display: 'block',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  margin: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  opacity: '1',
  visibility: 'visible',
  'pointer-events': 'auto',
  filter: 'none',
  'backdrop-filter': 'none',
  transform: 'none',
  translate: 'none',
  scale: 'none',
  rotate: 'none',
  zoom: '1',
  clip: 'auto',
  'clip-path': 'none',
  mask: 'none',
  contain: 'none',
  'content-visibility': 'visible',
  'mix-blend-mode': 'normal',
  isolation: 'isolate',
  animation: 'none',
  transition: 'none',
};
const PINNED_STYLE = Object.entries(PINNED)
  .map(([name, value]) => `${name}: ${value} !important;`)
  .join(' ');

/** Pins the host's look and keeps it pinned (only the host's own attributes are watched: cheap). */
function pin(host: HTMLElement): () => void {
  const apply = () => {
    if (host.getAttribute('style') !== PINNED_STYLE) host.setAttribute('style', PINNED_STYLE);
    for (const name of [...host.getAttributeNames()]) if (name !== 'style') host.removeAttribute(name);
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(host, { attributes: true });
  return () => observer.disconnect();
}

export interface ShadowUiOptions {
  /**
   * `closed` keeps the page's scripts from reading what the UI shows (a reader's notes); Gloss's
   * own scripts reach it through the reference they hold.
   */
  mode?: ShadowRootMode;
  /** Unmounts what was rendered into the container (its effects' cleanups run) before the host goes. */
  unmount?: (container: HTMLElement) => void;
}

export function createShadowUi(ctx: ScriptContext, name: string, css: string, { mode = 'open', unmount }: ShadowUiOptions = {}): ShadowUi {
  const host = document.createElement(name);
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  const shadow = host.attachShadow({ mode });
  shadow.append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (event) => event.stopPropagation());
  // Captured at the shadow root, before any control's own handler.
  for (const type of ['click', 'change', 'input']) {
    shadow.addEventListener(
      type,
      (event) => {
        if (readersGesture(event, host)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
      },
      true,
    );
  }
  const unpin = pin(host);
  const ui: ShadowUi = {
    host,
    container,
    get mounted() {
      return host.isConnected;
    },
    mount: () => document.body.append(host),
    remove() {
      unmount?.(container);
      host.remove();
    },
  };
  ctx.onInvalidated(ui.remove);
  ctx.onInvalidated(unpin);
  return ui;
}
