/**
 * How much page Gloss takes on. A page is refused as too large before any costly step (the
 * page's HTML serialized, handed to the extension, parsed, read by Readability) when it holds
 * more text nodes than any article page does: a long report has a few tens of thousands.
 */
import { BATCH, type Steps } from '../text/work-budget';

/** Most text nodes a page may hold for Gloss to read it. */
export const MAX_PAGE_TEXT_NODES = 200_000;

/** Most texts (text nodes) Readability may keep for the page to find again. */
export const MAX_ARTICLE_TEXTS = 100_000;

/** True when `root` holds more than `limit` text nodes; a step per node (yielded in batches), and no more than `limit + 1` steps. */
export function* holdsMoreTextNodes(root: Node, limit = MAX_PAGE_TEXT_NODES): Steps<boolean> {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* SHOW_TEXT */);
  let count = 0;
  while (walker.nextNode()) {
    if (++count > limit) return true;
    if (count % BATCH === 0) yield BATCH;
  }
  return false;
}
