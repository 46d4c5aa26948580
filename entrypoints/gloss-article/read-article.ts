/**
 * One reading of the page: the hand-off of the page's HTML to the extension (Readability runs
 * there; the loader ran the readerable check, and a page that is no longer an article after a
 * change comes back as one without an article), and locating what Readability kept in the live DOM. Each step that
 * runs on the page’s thread is measured (`<label>serialize` for the HTML (utils/article/page-html.ts), `send` for the
 * message's synchronous encoding, `map`), as are the wait for the extension (`extract`) and the
 * time the extension spent (`offthread`): see utils/page/timeline.ts. The work on the page's
 * thread runs in slices of a work budget: a page that would take longer, or holds more text
 * nodes than any article page, is "too large", as is a page over the size limit.
 */
import { locateArticleWithin, type LocatedArticle } from '@/utils/article/locate-article';
import { pageHtml } from '@/utils/article/page-html';
import { chunkSteps } from '@/utils/article/live-chunks';
import { MAX_PAGE_TEXT_NODES, holdsMoreTextNodes } from '@/utils/article/page-size';
import { watchChanges, type PageChanges } from '@/utils/page/page-changes';
import { canonicalHrefOf } from '@/utils/article/url';
import { PageTooLargeError, TOO_LARGE_MESSAGE, WorkBudget, nextTask } from '@/utils/text/work-budget';
import { MAX_PAGE_HTML } from '@/utils/messaging/protocol/define';
import type { PageState } from '@/utils/messaging/protocol';
import { sendToExtension } from '@/utils/messaging/send';
import { measure } from '@/utils/page/timeline';

export interface Reading {
  state: PageState;
  located: LocatedArticle | null;
}

const notArticle: Reading = { state: { kind: 'not-article' }, located: null };
const tooLarge = (articleId: string | null): Reading => ({
  state: { kind: 'failed', articleId, message: TOO_LARGE_MESSAGE },
  located: null,
});

/**
 * Milliseconds of the page's thread one reading may take in all, and in one task. (15 ms slices
 * made a page too large to read take longer to be refused, and the e2e test of another tab's
 * saves meanwhile failed 3 times in 3 at load 14; with 30 it passed: docs/FINDINGS.md.)
 */
const WORK_MS = 10_000;
const SLICE_MS = 30;

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
  const budget = new WorkBudget({ totalMs: WORK_MS, sliceMs: SLICE_MS });
  const changes = watchChanges(document);
  const reading = await read(label, hooks, budget, changes)
    .catch((error: unknown): Reading | null => {
      if (hooks.isStale()) return null;
      if (error instanceof PageTooLargeError) return tooLarge(null);
      // Whatever went wrong, the reader is told: a reading never stays "extracting".
      return { state: { kind: 'failed', articleId: null, message: `Gloss could not read this page: ${String(error)}` }, located: null };
    })
    .finally(() => changes.stop());
  if (reading) measure(label + 'total', { start, end: performance.now() });
  return reading;
}

async function read(label: string, { isStale, onExtracting }: ReadHooks, budget: WorkBudget, changes: PageChanges): Promise<Reading | null> {
  const step = (name: string, start: number, end = performance.now()) => measure(label + name, { start, end });

  // Not in the task that evaluated the script (the first reading starts there): that one is long enough.
  await nextTask();
  if (isStale()) return null;
  const canonicalHref = canonicalHrefOf(document);
  const canonicalUrl = canonicalHref && /^https?:/.test(canonicalHref) ? canonicalHref : null;
  // Until the background answers with the article's id (it normalizes the address), the page's
  // own address stands in for it.
  const articleId = canonicalUrl ?? location.href;
  // The body's text is read now, the page's size checked on the way (a page too large is refused
  // before its HTML is serialized), and used again after the extraction if the page has not
  // changed meanwhile.
  if (document.head && (await budget.run(holdsMoreTextNodes(document.head)))) return tooLarge(null);
  const chunks = document.body ? await budget.run(chunkSteps(document.body, MAX_PAGE_TEXT_NODES)) : [];
  if (!chunks) return tooLarge(null);
  // Serializing and sending are one piece of work each that cannot be cut: each gets a task of
  // its own, not the end of the walk's last slice (together they made the page's long task).
  await nextTask();
  if (isStale()) return null;
  const serializeStart = performance.now();
  const html = pageHtml(document);
  step('serialize', serializeStart);
  if (html.length > MAX_PAGE_HTML) return tooLarge(null);
  await nextTask();
  if (isStale()) return null;

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
  const unchanged = changes.changed() ? undefined : chunks;
  const located = await locateArticleWithin(budget, document, texts, article.title, unchanged).catch((error: unknown) => {
    if (error instanceof PageTooLargeError) return error;
    throw error;
  });
  if (isStale()) return null;
  step('map', mapStart);
  if (located instanceof PageTooLargeError) return tooLarge(article.id);
  if (!located) {
    const message = 'Gloss found the article but could not locate its text in this page.';
    return { state: { kind: 'failed', articleId: article.id, message }, located: null };
  }
  return { state: { kind: 'article', articleId: article.id }, located };
}
