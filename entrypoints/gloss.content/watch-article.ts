/**
 * Notices when the article may have changed after load: mutations inside the article's region
 * (late paragraphs, "read more" expanders, a re-render) and client-side navigation to another
 * address. Debounced; everything stops when the content script is invalidated.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface WatchOptions {
  /** The region to watch; null while there is no article (then only navigation is watched). */
  region: () => Node | null;
  onChange: (reason: 'navigation' | 'mutation') => void;
  debounceMs?: number;
}

export function watchArticle(ctx: ContentScriptContext, { region, onChange, debounceMs = 1000 }: WatchOptions): void {
  let timer: number | undefined;
  let reason: 'navigation' | 'mutation' = 'mutation';
  const schedule = (why: 'navigation' | 'mutation') => {
    if (why === 'navigation') reason = why;
    clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      const fired = reason;
      reason = 'mutation';
      onChange(fired);
    }, debounceMs);
  };

  const observer = new MutationObserver((records) => {
    const root = region();
    if (root && records.some((record) => root.contains(record.target))) schedule('mutation');
  });
  if (document.body) observer.observe(document.body, { childList: true, characterData: true, subtree: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => schedule('navigation'));
}
