/**
 * The article in the live page: the text nodes Readability kept in its copy, found again in the
 * live DOM, read as one text model. White-space-only nodes between them are read too, so words
 * that a space node separated stay apart. Every pass is a loop over the page (no recursion, no
 * spread of a page-sized list) written as steps, so that a work budget can spread it over tasks
 * and give up on a page too large to read in time.
 */
import { textModelSteps } from '../text/build-text-model';
import type { TextModel } from '../text/text-model';
import { BATCH, runNow, type Steps, type WorkBudget } from '../text/work-budget';
import { alignSteps } from './align';
import { chunkSteps, liveText, type Chunk } from './live-chunks';

export interface LocatedArticle {
  model: TextModel;
  /** The element holding all of the article's text (their nearest common ancestor). */
  root: Node;
  /** Readability's texts found in the live page, and those that were not. */
  matched: number;
  missed: number;
  /**
   * The text under `root` when it was located (as `liveText(root)` reads it):
   * a later change of the page that leaves it as it was changes nothing of the article.
   */
  regionText: string;
}

const BLANK = /^[ \t\n\r\f\u00a0]*$/;

/**
 * Locates Readability's `texts` in `doc`'s live body; null when none is found. Readability drops
 * the headline from its content (it is the title); when the page has a heading with the
 * article's `title` before the text, the model reads it too (readers mark up headlines), and the
 * short lines between it and the text ("Date: 29/02/2024 | Source: …"), which Readability also
 * leaves out and which hold the article's own date and source. `read`: the body's chunks when
 * the caller has them already, read from this body and nothing changed since.
 */
export function* locateSteps(doc: Document, texts: readonly string[], title = '', read?: Chunk[]): Steps<LocatedArticle | null> {
  if (!doc.body) return null;
  const chunks = read ?? (yield* chunkSteps(doc.body)) ?? [];
  const { matches, matched, missed } = yield* alignSteps(texts, chunks);
  const kept = new Set<Text>();
  let firstChunk = -1;
  let lastChunk = -1;
  for (let i = 0; i < matches.length; i++) {
    if (i % BATCH === BATCH - 1) yield BATCH;
    const index = matches[i] as number;
    if (index === -1) continue;
    for (const node of (chunks[index] as Chunk).nodes) kept.add(node);
    if (firstChunk === -1 || index < firstChunk) firstChunk = index;
    if (index > lastChunk) lastChunk = index;
  }
  if (!kept.size) return null;

  let first: Node = (chunks[firstChunk] as Chunk).nodes[0] as Text;
  const headline = headlineBefore(doc, first, title);
  if (headline) {
    const walker = doc.createTreeWalker(headline, 4 /* SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) kept.add(node as Text);
    for (const node of headerLines(doc, headline, first)) kept.add(node);
    first = headline;
  }
  const lastNodes = (chunks[lastChunk] as Chunk).nodes;
  const root = commonAncestor(first, lastNodes[lastNodes.length - 1] as Text);
  const model = yield* textModelSteps(root, { include: (node) => kept.has(node) || BLANK.test(node.data) });
  const regionText = yield* regionTextSteps(doc, root, chunks, firstChunk);
  return { model, root, matched, missed, regionText };
}

/**
 * The text of `root`'s chunks, taken from the body's (`chunks`, of which `inside` is one of
 * root's) rather than by walking the region again: an element's text nodes follow one another in
 * document order, so its chunks are one stretch of the body's, found by looking outwards from
 * `inside`. A root that is not an element in the body (a lone text node, the whole document) is
 * walked.
 */
function* regionTextSteps(doc: Document, root: Node, chunks: readonly Chunk[], inside: number): Steps<string> {
  if (root.nodeType !== 1 || !doc.body?.contains(root)) return liveText(root);
  const holds = (i: number) => root.contains((chunks[i] as Chunk).nodes[0] as Text);
  let from = inside;
  let to = inside;
  for (let step = 1; from > 0 && holds(from - 1); step++) {
    from--;
    if (step % BATCH === 0) yield BATCH;
  }
  for (let step = 1; to < chunks.length - 1 && holds(to + 1); step++) {
    to++;
    if (step % BATCH === 0) yield BATCH;
  }
  let text = '';
  for (let i = from; i <= to; i++) text += (chunks[i] as Chunk).text;
  return text;
}

/** Locates the article at once (for inputs known to be small: tests, tools). */
export function locateArticle(doc: Document, texts: readonly string[], title = ''): LocatedArticle | null {
  return runNow(locateSteps(doc, texts, title));
}

/** Locates the article in tasks of bounded length; throws `PageTooLargeError` past the budget. */
export function locateArticleWithin(budget: WorkBudget, doc: Document, texts: readonly string[], title = '', read?: Chunk[]): Promise<LocatedArticle | null> {
  return budget.run(locateSteps(doc, texts, title, read));
}

function commonAncestor(a: Node, b: Node): Node {
  const ancestors = new Set<Node>();
  for (let node: Node | null = a; node; node = node.parentNode) ancestors.add(node);
  let node: Node = b;
  while (!ancestors.has(node) && node.parentNode) node = node.parentNode;
  return node;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The last h1/h2 before `first` whose text is the article's title. */
function headlineBefore(doc: Document, first: Node, title: string): Element | null {
  const wanted = squash(title);
  if (!wanted) return null;
  let found: Element | null = null;
  for (const heading of doc.querySelectorAll('h1, h2')) {
    if (!(heading.compareDocumentPosition(first) & 4 /* FOLLOWING */)) break;
    if (squash(heading.textContent ?? '') === wanted) found = heading;
  }
  return found;
}

/** Between the headline and the text, at most this much: a dateline or a source line, not a sidebar. */
const HEADER_LINES_MOST = 160;
const MEDIA = 'img, picture, video, audio, iframe, figure, svg, canvas, object, embed';
const NOT_READ = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SELECT']);

/**
 * The text of the headline's next siblings up to the one that holds `first` (the article text),
 * when they are short and hold no media; else none. A byline or a "Date: … | Source: …" line
 * passes; a photo with its caption or a video promo stops it.
 */
function headerLines(doc: Document, headline: Element, first: Node): Text[] {
  const nodes: Text[] = [];
  let length = 0;
  for (let sibling = headline.nextElementSibling; sibling && !sibling.contains(first); sibling = sibling.nextElementSibling) {
    if (!(sibling.compareDocumentPosition(first) & 4 /* FOLLOWING */)) break;
    if (sibling.matches(MEDIA) || sibling.querySelector(MEDIA)) break;
    const walker = doc.createTreeWalker(sibling, 4 /* SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      if (BLANK.test(text.data) || NOT_READ.has(text.parentElement?.tagName ?? '')) continue;
      length += text.data.trim().length;
      if (length > HEADER_LINES_MOST) return [];
      nodes.push(text);
    }
  }
  return nodes;
}
