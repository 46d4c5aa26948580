/**
 * Notices when the article may have changed after load: mutations inside the article's region
 * (late paragraphs, "read more" expanders, a re-render) and client-side navigation to another
 * address. Debounced, but never put off for longer than `maxWaitMs` by a page that changes
 * without pause; and paced (see `RereadPace`), so that a page that never stops changing is not
 * read again and again. Everything stops when the content script is invalidated.
 */
import type { ScriptContext } from '@/utils/page/script-context';
import { RereadPace } from '@/utils/page/reread-pace';
import { watchAddress } from '@/utils/page/watch-address';

export interface WatchOptions {
  /** The region to watch; null while there is no article (then only navigation is watched). */
  region: () => Node | null;
  /** Told of every batch of the page's changes, in or out of the region (a cheap look only). */
  onMutations?: () => void;
  /** Answers whether the page was read again (false: nothing had really changed). */
  onChange: (reason: 'navigation' | 'mutation') => boolean;
  debounceMs?: number;
  maxWaitMs?: number;
  pace?: RereadPace;
}

export function watchArticle(
  ctx: ScriptContext,
  { region, onMutations, onChange, debounceMs = 1000, maxWaitMs = 3000, pace = new RereadPace() }: WatchOptions,
): void {
  let timer: number | undefined;
  let reason: 'navigation' | 'mutation' = 'mutation';
  /** When the first change not yet acted on was seen. */
  let pendingSince: number | null = null;
  const fire = () => {
    const fired = reason;
    reason = 'mutation';
    pendingSince = null;
    timer = undefined;
    if (onChange(fired)) pace.read(Date.now());
  };
  const schedule = (why: 'navigation' | 'mutation') => {
    if (why === 'navigation') reason = why;
    const now = Date.now();
    pendingSince ??= now;
    const settle = Math.min(debounceMs, Math.max(0, pendingSince + maxWaitMs - now));
    clearTimeout(timer);
    timer = ctx.setTimeout(fire, Math.max(settle, pace.changed(now)));
  };

  const observer = new MutationObserver((records) => {
    onMutations?.();
    const root = region();
    if (root && records.some((record) => root.contains(record.target))) schedule('mutation');
  });
  if (document.body) observer.observe(document.body, { childList: true, characterData: true, subtree: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
  watchAddress(() => schedule('navigation'), ctx.signal);
}
