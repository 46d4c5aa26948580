/**
 * A DOMParser for real saved pages in unit tests: a happy-dom window that loads nothing (no
 * stylesheets, scripts or iframes: the corpus pages reference dozens of third-party hosts) and
 * keeps quiet about what it did not load.
 */
import { Window } from 'happy-dom';

const quiet = new Proxy({}, { get: () => () => undefined }) as Console;

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

/** A DOMParser whose documents never touch the network. */
export function offlineParser(): DOMParser {
  return new window.DOMParser() as unknown as DOMParser;
}
