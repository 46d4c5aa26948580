/**
 * The contract between the page loader (on every page) and the article script (injected on
 * article pages only). Both run in the extension's isolated world of the same frame, so they
 * share its `window`, which the page's own scripts cannot see.
 */
import { worldSlot } from './world-slot';

/** Set on the isolated world's `window` when the article script starts: the loader steps back. */
export const ARTICLE_SCRIPT_FLAG = '__glossArticleScript';

/**
 * The loader's page state, on the isolated world's `window`. The loader touches no extension
 * API on pages that are not articles (their bindings alone cost a page ~1 ms), so the popup
 * reads this with `scripting.executeScript` instead of asking by message.
 */
export const LOADER_STATE_KEY = '__glossLoaderState';

/** The loader's step (utils/page/timeline.ts) when it hands the page to the article script. */
export const ARTICLE_DETECTED_MARK = 'gloss:article-detected';

/** The loader's step when the background declines: Gloss is off on this site. */
export const SITE_OFF_MARK = 'gloss:site-off';

/** The built article script, injected by the background. */
export const ARTICLE_SCRIPT_FILE = '/gloss-article.js' as const;

const articleScript = worldSlot<boolean>(ARTICLE_SCRIPT_FLAG);

export function articleScriptRunning(): boolean {
  return articleScript.get() === true;
}

export function markArticleScriptRunning(): void {
  articleScript.set(true);
}

/** The highlight editor (selection toolbar and cards), injected on the reader's first use. */
export const EDITOR_SCRIPT_FILE = '/gloss-editor.js' as const;

/** The panel's views (the open panel, the entity card), injected on their first use. */
export const PANEL_SCRIPT_FILE = '/gloss-panel.js' as const;
