/**
 * The page loader: the only Gloss code on every http(s) page. It runs the cheap readerable
 * check and, on an article, asks the background to start the article script in this frame; on
 * other pages it does nothing more, except to look again after client-side navigation. It is a
 * plain script (not a WXT content script: that wrapper alone costs a page ~1 ms) and answers the
 * popup's questions to a page (`toContent`) until the article script takes over: the page state,
 * and no article text.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { browser } from 'wxt/browser';
import { articleIdFor, canonicalHrefOf } from '@/utils/article/url';
import { isEnvelope, originOf, PROTOCOL_VERSION, type Sender } from '@/utils/messaging/envelope';
import type { PageState } from '@/utils/messaging/protocol';
import { ARTICLE_DETECTED_MARK, articleScriptRunning } from '@/utils/page/handoff';
import { watchNavigation } from './watch-navigation';

export default defineUnlistedScript(() => {
  const identity = { ownId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  let state: PageState = { kind: 'not-article' };

  browser.runtime.onMessage.addListener(((message: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => {
    if (articleScriptRunning() || !isEnvelope(message)) return false;
    if (message.type !== 'getPageState' && message.type !== 'getArticleText') return false;
    if (originOf(sender, identity) !== 'extension') {
      sendResponse({ ok: false, error: { code: 'forbidden-sender', message: `"${message.type}" is accepted only from Gloss` } });
    } else sendResponse({ ok: true, value: message.type === 'getPageState' ? state : null });
    return false;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

  const check = (first: boolean) => {
    if (articleScriptRunning()) return;
    const start = performance.now();
    const readerable = isProbablyReaderable(document);
    if (first) performance.measure('gloss:readerable', { start, end: performance.now() });
    if (!readerable) {
      state = { kind: 'not-article' };
      return;
    }
    state = { kind: 'extracting', articleId: articleIdFor(location.href, canonicalHrefOf(document)) ?? location.href };
    if (first) performance.mark(ARTICLE_DETECTED_MARK);
    browser.runtime
      .sendMessage({ gloss: PROTOCOL_VERSION, type: 'startArticle', payload: {} })
      .then((answer: { ok?: boolean; error?: { message?: string } } | undefined) => {
        if (!answer?.ok) state = { kind: 'failed', articleId: null, message: answer?.error?.message ?? 'Gloss did not start' };
      })
      .catch((error: unknown) => {
        state = { kind: 'failed', articleId: null, message: String(error) };
      });
  };

  check(true);
  watchNavigation(() => check(false));
});
