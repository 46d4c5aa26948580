// @ts-check
/**
 * A DOMParser for real saved pages, in Node (unit tests, the bench): a happy-dom window that
 * loads nothing (no stylesheets, scripts or iframes: the corpus pages reference dozens of
 * third-party hosts) and keeps quiet about what it did not load.
 */
import { Window } from 'happy-dom';

const quiet = /** @type {Console} */ (/** @type {unknown} */ (new Proxy({}, { get: () => () => undefined })));

const window = new Window({
  url: 'http://localhost/',
  console: quiet,
  settings: {
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    handleDisabledFileLoadingAsSuccess: true,
  },
});

/** A DOMParser whose documents never touch the network. @returns {DOMParser} */
export function offlineParser() {
  return /** @type {DOMParser} */ (/** @type {unknown} */ (new window.DOMParser()));
}
