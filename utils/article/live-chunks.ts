/**
 * The live page's text as the HTML parser would see it again: a chunk per run of adjacent
 * sibling text nodes (scripts often leave "Hello, " and "world" as two nodes; serialized and
 * parsed again they are one). Text inside script, style, noscript and the like is left out.
 */
import { TEXTLESS_ELEMENTS } from '../text/elements';
import { BATCH, runNow, type Steps } from '../text/work-budget';

export interface Chunk {
  nodes: Text[];
  text: string;
}

/**
 * The chunks under `root`, in document order: one TreeWalker pass, a step per text node (yielded
 * in batches). Null when `root` holds more than `limit` text nodes (script and style text count):
 * the page is then too large to read, and the pass stops there.
 */
export function* chunkSteps(root: Node, limit = Infinity): Steps<Chunk[] | null> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const chunks: Chunk[] = [];
  let last: Chunk | undefined;
  let lastNode: Text | null = null;
  let count = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (++count > limit) return null;
    if (count % BATCH === 0) yield BATCH;
    const parent = node.parentNode;
    if (parent && TEXTLESS_ELEMENTS.has(parent.nodeName)) continue;
    if (last && lastNode && node.previousSibling === lastNode) {
      last.nodes.push(node);
      last.text += node.data;
    } else {
      last = { nodes: [node], text: node.data };
      chunks.push(last);
    }
    lastNode = node;
  }
  return chunks;
}

/** The chunks under `root`, in document order, read at once. */
export function liveChunks(root: Node): Chunk[] {
  return runNow(chunkSteps(root)) ?? [];
}

/** The text of the chunks under `root`, read at once: what a located article's `regionText` is compared with. */
export function liveText(root: Node): string {
  return liveChunks(root)
    .map((chunk) => chunk.text)
    .join('');
}
