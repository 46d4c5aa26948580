/**
 * Readability on a document Gloss may spoil: a parsed copy of the page, never the live page
 * (Readability rewrites the document it reads). Runs where a DOM exists off the page's main
 * thread: Chrome's offscreen document, Firefox's background page.
 */
import { Readability } from '@mozilla/readability';
import { NoSanitizerError, sanitizeArticle } from '../versions/sanitize';
import { PageTooLargeError } from '../text/work-budget';
import { MAX_ARTICLE_TEXTS } from './page-size';
import { modifiedTimeOf } from './modified';
import type { ArticleCopy, ArticleExtract, ArticleMeta } from './types';

/** Parses a page's HTML into a detached document whose relative links resolve against `url`. */
export function parsePage(html: string, url: string, parser: DOMParser = new DOMParser()): Document {
  const doc = parser.parseFromString(html, 'text/html');
  // A document from DOMParser has the extension's base URL: give it the page's own.
  const declared = doc.querySelector('base[href]')?.getAttribute('href');
  let base = doc.querySelector('base');
  if (!base) {
    base = doc.createElement('base');
    doc.head.prepend(base);
  }
  base.setAttribute('href', resolveOr(declared, url));
  return doc;
}

function resolveOr(href: string | null | undefined, url: string): string {
  if (!href) return url;
  try {
    return new URL(href, url).href;
  } catch {
    return url;
  }
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/**
 * Below this many characters of text, what Readability returns is a scrap of page, not an
 * article (it returns its best attempt even for a sign-in form). The readerable check asks for
 * the same length in a single paragraph.
 */
export const MIN_ARTICLE_CHARS = 140;

/**
 * The text under `root` as the live side reads it (see live-chunks.ts): one string per run of
 * adjacent sibling text nodes that holds more than white space, in order. Runs, not nodes: an
 * HTML parser may cut one long text into several nodes (Chromium before 156 cut text nodes at
 * 65,536 characters), so the parsed copy and the live page need not agree on where nodes end.
 * More than `limit` is a page too large to read: the page would have to find them all again,
 * and the answer alone would hold up the background.
 */
export function textsOf(root: Node, limit = MAX_ARTICLE_TEXTS): string[] {
  const texts: string[] = [];
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* SHOW_TEXT */);
  let run = '';
  let last: Node | null = null;
  const flush = () => {
    if (/\S/.test(run)) {
      if (texts.length === limit) throw new PageTooLargeError();
      texts.push(run);
    }
    run = '';
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (last && node.previousSibling !== last) flush();
    run += (node as Text).data;
    last = node;
  }
  flush();
  return texts;
}

/**
 * Runs Readability on `doc` (which it modifies): the article's metadata and the text of the
 * nodes it kept, or null when the page holds no article.
 */
export function extractArticle(doc: Document): (Omit<ArticleExtract, 'timings' | 'copy'> & { content: Element; modifiedTime: string | null }) | null {
  // Read before Readability, which rewrites the document.
  const modifiedTime = modifiedTimeOf(doc);
  const parsed = new Readability<Element>(doc, { serializer: (element) => element as Element }).parse();
  if (!parsed?.content || (parsed.length ?? 0) < MIN_ARTICLE_CHARS) return null;
  const dir = parsed.dir?.toLowerCase();
  const meta: ArticleMeta = {
    title: clean(parsed.title) ?? clean(doc.title) ?? '',
    byline: clean(parsed.byline),
    siteName: clean(parsed.siteName),
    publishedTime: clean(parsed.publishedTime),
    lang: clean(parsed.lang),
    dir: dir === 'rtl' || dir === 'ltr' ? dir : null,
    excerpt: clean(parsed.excerpt),
    length: parsed.length ?? 0,
  };
  return { meta, texts: textsOf(parsed.content), content: parsed.content, modifiedTime };
}

/**
 * The copy of an article Gloss may keep: its content sanitized (utils/versions/sanitize.ts) in
 * this context's window. Where there is none (a worker), no copy: the page is still read.
 */
export function articleCopy(content: Element, modifiedTime: string | null, win: Window | undefined = globalThis.window): ArticleCopy | undefined {
  if (!win) return undefined;
  try {
    return { html: sanitizeArticle(content.innerHTML, win), modifiedTime };
  } catch (error) {
    if (error instanceof NoSanitizerError) return undefined;
    throw error;
  }
}

/** Parses a page and extracts its article and the copy to keep, timing each step. */
export function extractFromHtml(html: string, url: string, parser?: DOMParser): ArticleExtract | null {
  const start = performance.now();
  const doc = parsePage(html, url, parser);
  const parsed = performance.now();
  const article = extractArticle(doc);
  const done = performance.now();
  if (!article) return null;
  const { content, modifiedTime, ...found } = article;
  const copy = articleCopy(content, modifiedTime);
  const copied = performance.now();
  return { ...found, ...(copy && { copy }), timings: { parseMs: parsed - start, readabilityMs: done - parsed, copyMs: copied - done } };
}
