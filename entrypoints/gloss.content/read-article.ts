/**
 * One reading of the page: the hand-off of the page's HTML to the extension (Readability runs
 * there; the loader ran the readerable check, and a page that is no longer an article after a
 * change comes back as one without an article), and locating what Readability kept in the live DOM. Each step that
 * runs on the page’s thread is measured (`<label>serialize` for outerHTML, `send` for the
 * message's synchronous encoding, `map`), as are the wait for the extension (`extract`) and the
 * time the extension spent (`offthread`): see utils/page/timeline.ts.
 */
import { locateArticle, type LocatedArticle } from '@/utils/article/locate-article';
import { canonicalHrefOf } from '@/utils/article/url';
import { MAX_PAGE_HTML } from '@/utils/messaging/protocol/define';
import type { PageState } from '@/utils/messaging/protocol';
import { sendToExtension } from '@/utils/messaging/send';
import { measure } from '@/utils/page/timeline';

export interface Reading {
  state: PageState;
  located: LocatedArticle | null;
}

const notArticle: Reading = { state: { kind: 'not-article' }, located: null };

export interface ReadHooks {
  /** True once the answer is no longer wanted (the script was invalidated, a newer reading began). */
  isStale: () => boolean;
  /** Called when the page's HTML has been handed over for extraction. */
  onExtracting: (articleId: string) => void;
}

/**
 * Reads the page; `label` prefixes its measures ("gloss:" for the first reading), and the last,
 * `total`, is left however the reading ends.
 */
export async function readArticle(label: string, hooks: ReadHooks): Promise<Reading | null> {
  const start = performance.now();
  const reading = await read(label, hooks);
  if (reading) measure(label + 'total', { start, end: performance.now() });
  return reading;
}

async function read(label: string, { isStale, onExtracting }: ReadHooks): Promise<Reading | null> {
  const step = (name: string, start: number, end = performance.now()) => measure(label + name, { start, end });

  const canonicalHref = canonicalHrefOf(document);
  const canonicalUrl = canonicalHref && /^https?:/.test(canonicalHref) ? canonicalHref : null;
  // Until the background answers with the article's id (it normalizes the address), the page's
  // own address stands in for it.
  const articleId = canonicalUrl ?? location.href;
  const serializeStart = performance.now();
  const html = document.documentElement.outerHTML;
  step('serialize', serializeStart);
  if (html.length > MAX_PAGE_HTML) {
    return { state: { kind: 'failed', articleId: null, message: 'This page is too large for Gloss to read.' }, located: null };
  }

  const extractStart = performance.now();
  onExtracting(articleId);
  const sending = sendToExtension('toBackground', 'extractArticle', { html, url: location.href, canonicalUrl });
  step('send', extractStart);
  const result = await sending;
  if (isStale()) return null;
  step('extract', extractStart);
  if (!result.ok) return { state: { kind: 'failed', articleId: null, message: result.error.message }, located: null };
  if (!result.value) return notArticle;
  const { article, texts, timings } = result.value;
  measure(label + 'offthread', { start: extractStart, duration: timings.parseMs + timings.readabilityMs });

  const mapStart = performance.now();
  const located = locateArticle(document, texts, article.title);
  step('map', mapStart);
  if (!located) {
    const message = 'Gloss found the article but could not locate its text in this page.';
    return { state: { kind: 'failed', articleId: article.id, message }, located: null };
  }
  return { state: { kind: 'article', articleId: article.id }, located };
}
