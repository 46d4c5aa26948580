/**
 * The life of a Gloss script injected into a page (the article script, the editor): what it ties
 * to the page (listeners, observers, timers, its shadow root) is undone when it ends. It ends when
 * the extension is reloaded, updated or removed: its `runtime.id` is then gone, which is checked
 * whenever a caller asks `isInvalid` (before every answer is used), as WXT's own context does.
 *
 * Written here rather than using WXT's `ContentScriptContext`: on creation that one dispatches an
 * event on the page's document, and on a client-side navigation another on the page's window,
 * both named after the extension's id, so any page could listen for them and learn that Gloss is
 * installed; the first dispatch alone took 3.5–5.8 ms of the page's thread (docs/FINDINGS.md).
 * Gloss needs neither: the loader starts the article script once per frame (utils/page/handoff.ts).
 */
import { browser } from 'wxt/browser';

export interface ScriptContext {
  /** Aborted when the script ends: pass it to listeners and observers tied to the script. */
  readonly signal: AbortSignal;
  /** True once the script has ended (the extension is gone); ends it when that is first noticed. */
  readonly isInvalid: boolean;
  /** Runs `callback` when the script ends; answers a function that takes it back. */
  onInvalidated(callback: () => void): () => void;
  /** `target.addEventListener`, removed when the script ends. */
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  /** `setTimeout` whose handler does not run once the script has ended. */
  setTimeout(handler: () => void, ms: number): number;
}

/** `alive` says whether the extension is still there (tests pass their own). */
export function scriptContext(alive: () => boolean = () => browser.runtime?.id != null): ScriptContext {
  const controller = new AbortController();
  const { signal } = controller;
  const context: ScriptContext = {
    signal,
    get isInvalid() {
      if (!signal.aborted && !alive()) controller.abort();
      return signal.aborted;
    },
    onInvalidated(callback) {
      signal.addEventListener('abort', callback);
      return () => signal.removeEventListener('abort', callback);
    },
    addEventListener(target, type, handler, options) {
      target.addEventListener(type, handler, { ...options, signal });
    },
    setTimeout(handler, ms) {
      const id = window.setTimeout(() => {
        if (!context.isInvalid) handler();
      }, ms);
      context.onInvalidated(() => clearTimeout(id));
      return id;
    },
  };
  return context;
}
