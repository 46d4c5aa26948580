/**
 * Gloss in the page. On every http(s) page: the cheap readerable check, and nothing more when it
 * says no. On an article: hand the page's HTML to the background, which extracts and records the
 * article away from this thread. Timings go to `performance.measure` marks named `gloss:*`
 * (read by `npm run bench`).
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { articleIdFor, canonicalHrefOf } from '@/utils/article/url';
import { listen } from '@/utils/messaging/listen';
import { MAX_PAGE_HTML, type PageState } from '@/utils/messaging/protocol';
import { sendToExtension } from '@/utils/messaging/send';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    let state: PageState = { kind: 'not-article' };
    ctx.onInvalidated(listen('toContent', { getPageState: () => state }));

    const start = performance.now();
    const readerable = isProbablyReaderable(document);
    performance.measure('gloss:readerable', { start, end: performance.now() });
    if (!readerable) return;

    const canonicalUrl = canonicalHrefOf(document);
    const articleId = articleIdFor(location.href, canonicalUrl);
    if (!articleId) return;
    const serializeStart = performance.now();
    const html = document.documentElement.outerHTML;
    performance.measure('gloss:serialize', { start: serializeStart, end: performance.now() });
    if (html.length > MAX_PAGE_HTML) {
      state = { kind: 'failed', articleId, message: 'This page is too large for Gloss to read.' };
      return;
    }

    state = { kind: 'extracting', articleId };
    const extractStart = performance.now();
    void sendToExtension('toBackground', 'extractArticle', {
      html,
      url: location.href,
      canonicalUrl: canonicalUrl?.startsWith('http') ? canonicalUrl : null,
    }).then((result) => {
      if (ctx.isInvalid) return;
      const end = performance.now();
      performance.measure('gloss:extract', { start: extractStart, end });
      performance.measure('gloss:total', { start, end });
      if (!result.ok) state = { kind: 'failed', articleId, message: result.error.message };
      else if (result.value) state = { kind: 'article', articleId: result.value.id };
      else state = { kind: 'not-article' };
    });
  },
});
