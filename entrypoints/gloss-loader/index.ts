/**
 * The page loader: the only Gloss code on every http(s) page. It runs the cheap readerable
 * check and, on an article, asks the background to start the article script in this frame; on
 * other pages it does nothing more, except to look again after client-side navigation.
 *
 * It is kept to the bone because every page pays for it: a plain script (a WXT content script's
 * wrapper alone costs ~1 ms) that touches no extension API until the page is an article (the
 * bindings cost about as much again). Its state sits on the isolated world's `window`, where
 * the popup reads it (`LOADER_STATE_KEY`).
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { articleIdFor, canonicalHrefOf } from '@/utils/article/url';
import { PROTOCOL_VERSION } from '@/utils/messaging/envelope';
import type { PageState } from '@/utils/messaging/protocol';
import { ARTICLE_DETECTED_MARK, LOADER_STATE_KEY, SITE_OFF_MARK, articleScriptRunning } from '@/utils/page/handoff';
import { mark, measure } from '@/utils/page/timeline';
import { watchAddress } from '@/utils/page/watch-address';
import { worldSlot } from '@/utils/page/world-slot';

type Runtime = { sendMessage(message: unknown): Promise<unknown> };

const pageState = worldSlot<PageState>(LOADER_STATE_KEY);
const setState = (state: PageState) => pageState.set(state);

/** The extension API, looked up only when needed: Firefox's `browser`, else Chrome's `chrome`. */
function runtime(): Runtime {
  const scope = globalThis as unknown as { browser?: { runtime: Runtime }; chrome: { runtime: Runtime } };
  return (scope.browser ?? scope.chrome).runtime;
}

function startArticleScript(): void {
  runtime()
    .sendMessage({ gloss: PROTOCOL_VERSION, type: 'startArticle', payload: {} })
    .then((answer) => {
      const result = answer as { ok?: boolean; value?: { started?: boolean }; error?: { message?: string } } | undefined;
      if (!result?.ok) setState({ kind: 'failed', articleId: null, message: result?.error?.message ?? 'Gloss did not start' });
      else if (!result.value?.started) {
        setState({ kind: 'site-off', site: location.hostname });
        mark(SITE_OFF_MARK);
      }
    })
    .catch((error: unknown) => setState({ kind: 'failed', articleId: null, message: String(error) }));
}

export default defineUnlistedScript(() => {
  const check = (first: boolean) => {
    if (articleScriptRunning()) return;
    const start = performance.now();
    const readerable = isProbablyReaderable(document);
    if (first) measure('gloss:readerable', { start, end: performance.now() });
    if (!readerable) {
      setState({ kind: 'not-article' });
      return;
    }
    setState({ kind: 'extracting', articleId: articleIdFor(location.href, canonicalHrefOf(document)) ?? location.href });
    if (first) mark(ARTICLE_DETECTED_MARK);
    startArticleScript();
  };

  check(true);
  // After a client-side navigation, the page is given time to render the new content first.
  let settle: ReturnType<typeof setTimeout> | undefined;
  watchAddress(() => {
    clearTimeout(settle);
    settle = setTimeout(() => check(false), 750);
  });
});
