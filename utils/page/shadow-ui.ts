/**
 * Gloss's in-page UI root: a custom element appended to <body> with a shadow root that
 * holds the entry's stylesheet and one container, so page CSS cannot reach in and Gloss's cannot
 * leak out. Keyboard events stop at the host, so the page's shortcuts do not fire while the
 * reader types a note. Written here rather than with WXT's `createShadowRootUi`, which brings
 * about 3 KB gzip of machinery these scripts do not use (auto-mounting, waiting for anchors,
 * custom-element name checks) into an article script with a 20 KB budget. The stylesheet is the
 * one WXT builds for the entry (`cssInjectionMode: 'ui'`), read from the extension.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface ShadowUi {
  host: HTMLElement;
  container: HTMLElement;
  readonly mounted: boolean;
  mount(): void;
  remove(): void;
}

/**
 * `mode: 'closed'` keeps the page's scripts from reading what the UI shows (a reader's notes);
 * Gloss's own scripts reach it through the reference they hold.
 */
export async function createShadowUi(
  ctx: ContentScriptContext,
  name: string,
  cssFile: string,
  mode: ShadowRootMode = 'open',
): Promise<ShadowUi> {
  let css = '';
  try {
    css = await (await fetch(browser.runtime.getURL(cssFile as '/'))).text();
  } catch {
    // Unstyled rather than absent: the controls still work.
  }
  const host = document.createElement(name);
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  host.attachShadow({ mode }).append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (event) => event.stopPropagation());
  const ui: ShadowUi = {
    host,
    container,
    get mounted() {
      return host.isConnected;
    },
    mount: () => document.body.append(host),
    remove() {
      render(null, container);
      host.remove();
    },
  };
  ctx.onInvalidated(ui.remove);
  return ui;
}
