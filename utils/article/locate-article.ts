/**
 * The article in the live page: the text nodes Readability kept in its copy, found again in the
 * live DOM, read as one text model. White-space-only nodes between them are read too, so words
 * that a space node separated stay apart.
 */
import { buildTextModel } from '../text/build-text-model';
import type { TextModel } from '../text/text-model';
import { alignTexts } from './align';
import { liveChunks } from './live-chunks';

export interface LocatedArticle {
  model: TextModel;
  /** The element holding all of the article's text (their nearest common ancestor). */
  root: Node;
  /** Readability's texts found in the live page, and those that were not. */
  matched: number;
  missed: number;
}

const BLANK = /^[ \t\n\r\f\u00a0]*$/;

/** Locates Readability's `texts` in `doc`'s live body; null when none is found. */
export function locateArticle(doc: Document, texts: readonly string[]): LocatedArticle | null {
  if (!doc.body) return null;
  const chunks = liveChunks(doc.body);
  const { matches, matched, missed } = alignTexts(texts, chunks);
  const kept = new Set<Text>();
  for (const index of matches) if (index !== -1) for (const node of (chunks[index] as { nodes: Text[] }).nodes) kept.add(node);
  if (!kept.size) return null;

  const ordered = matches.filter((m) => m !== -1);
  const first = (chunks[Math.min(...ordered)] as { nodes: Text[] }).nodes[0] as Text;
  const last = (chunks[Math.max(...ordered)] as { nodes: Text[] }).nodes.at(-1) as Text;
  const root = commonAncestor(first, last);
  const model = buildTextModel(root, { include: (node) => kept.has(node) || BLANK.test(node.data) });
  return { model, root, matched, missed };
}

function commonAncestor(a: Node, b: Node): Node {
  const ancestors = new Set<Node>();
  for (let node: Node | null = a; node; node = node.parentNode) ancestors.add(node);
  let node: Node = b;
  while (!ancestors.has(node) && node.parentNode) node = node.parentNode;
  return node;
}
