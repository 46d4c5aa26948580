/**
 * The article's text as one string with exact offsets into the live DOM: the one coordinate
 * space of entities, highlights and stored selectors.
 *
 * Whitespace normalization (what `text` holds, from the DOM's text nodes in document order):
 * 1. Runs of white space (space, tab, CR, LF, FF and U+00A0 no-break space) become one space,
 *    as CSS `white-space: normal` shows them; none at the start or end of a block.
 * 2. The start and end of a block element (p, div, li, h1–h6, td, figure, …) and every `<br>`
 *    become one "\n"; never two in a row, never at the start or end of the text.
 * 3. Invisible format characters are dropped: soft hyphen U+00AD, zero-width space U+200B, word
 *    joiner U+2060, BOM U+FEFF. (ZWJ/ZWNJ stay: they change Arabic, Persian and Indic words.)
 * 4. Everything else is kept verbatim: no case folding, no Unicode normalization.
 * Each character of `text` is either a character of one text node, or a "\n" separator that
 * stands for a block boundary and has no DOM character of its own.
 */
import { lastAtMost } from './sorted';

/** A stretch of model characters that are consecutive characters of the node's data. */
interface Run {
  /** Model offset of the first character. */
  model: number;
  /** Offset in the node's data of the first character. */
  raw: number;
  length: number;
}

/** The model characters that come from one text node: [start, end), contiguous. */
export interface Segment {
  node: Text;
  start: number;
  end: number;
  runs: Run[];
}

export interface DomPoint {
  node: Node;
  offset: number;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

export class TextModel {
  private readonly segmentOf = new Map<Text, number>();

  constructor(
    readonly text: string,
    readonly segments: readonly Segment[],
  ) {
    segments.forEach((segment, index) => this.segmentOf.set(segment.node, index));
  }

  get length(): number {
    return this.text.length;
  }

  /** The text nodes the model reads, in document order. */
  get nodes(): Text[] {
    return this.segments.map((segment) => segment.node);
  }

  /** The text split at block boundaries. */
  paragraphs(): string[] {
    return this.text ? this.text.split('\n') : [];
  }

  /** Index of the last segment starting at or before `offset`, or -1. O(log n). */
  private segmentIndexAt(offset: number): number {
    return lastAtMost(this.segments.length, (i) => (this.segments[i] as Segment).start, offset);
  }

  /** The DOM point just before model character `offset` (separators: before the next real character). */
  pointBefore(offset: number): DomPoint | null {
    if (offset < 0 || offset > this.length || !this.segments.length) return null;
    if (offset === this.length) return this.pointAfter(offset);
    const index = this.segmentIndexAt(offset);
    const segment = this.segments[index];
    if (segment && offset < segment.end) return { node: segment.node, offset: rawAt(segment, offset) };
    const next = this.segments[index + 1];
    return next ? { node: next.node, offset: rawAt(next, next.start) } : this.pointAfter(this.length);
  }

  /** The DOM point just after model character `offset - 1` (separators: after the previous real one). */
  pointAfter(offset: number): DomPoint | null {
    if (offset < 0 || offset > this.length || !this.segments.length) return null;
    if (offset === 0) return this.pointBefore(0);
    const index = this.segmentIndexAt(offset - 1);
    const segment = this.segments[index] ?? (this.segments[0] as Segment);
    if (index < 0) return { node: segment.node, offset: rawAt(segment, segment.start) };
    const last = Math.min(offset, segment.end) - 1;
    return { node: segment.node, offset: rawAt(segment, last) + 1 };
  }

  /**
   * The DOM points around model characters [start, end), or null when they hold no real
   * character (where `range` would answer null or a collapsed range). No live Range is made:
   * each one the document holds is kept up to date by every later change of the page's DOM.
   */
  points(start: number, end: number): { start: DomPoint; end: DomPoint } | null {
    if (start < 0 || end > this.length || start >= end) return null;
    const from = this.pointBefore(start);
    const to = from && this.pointAfter(end);
    return from && to && isBefore(from, to) ? { start: from, end: to } : null;
  }

  /** A DOM Range over model characters [start, end); collapsed when they are only separators. */
  range(start: number, end: number): Range | null {
    if (start < 0 || end > this.length || start > end) return null;
    const from = this.pointBefore(start);
    if (!from) return null;
    const range = (from.node.ownerDocument as Document).createRange();
    range.setStart(from.node, from.offset);
    const to = end > start ? this.pointAfter(end) : null;
    if (to && !isBefore(to, from)) range.setEnd(to.node, to.offset);
    return range;
  }

  /**
   * The model offset of a DOM point (a text node and offset, or an element and child index, as a
   * selection gives them). Points between model characters map to the next one. O(log n).
   */
  offsetAt(node: Node, offset: number): number {
    const index = this.segmentOf.get(node as Text);
    if (index !== undefined) return modelAt(this.segments[index] as Segment, offset);
    // A point outside the model's nodes: the first segment after it starts the next text.
    const isAfterPoint = pointComparator(node, offset);
    let low = 0;
    let high = this.segments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (isAfterPoint((this.segments[mid] as Segment).node)) high = mid;
      else low = mid + 1;
    }
    return low < this.segments.length ? (this.segments[low] as Segment).start : this.length;
  }
}

function isBefore(a: DomPoint, b: DomPoint): boolean {
  if (a.node === b.node) return a.offset < b.offset;
  return (a.node.compareDocumentPosition(b.node) & FOLLOWING) !== 0;
}

/** Raw offset of model character `offset` within `segment`. */
function rawAt(segment: Segment, offset: number): number {
  const runs = segment.runs;
  const run = runs[Math.max(0, lastAtMost(runs.length, (i) => (runs[i] as Run).model, offset))] as Run;
  return run.raw + Math.min(offset - run.model, run.length);
}

/** Model offset of raw offset `raw` in `segment`'s node; dropped characters map to the next kept one. */
function modelAt(segment: Segment, raw: number): number {
  for (const run of segment.runs) {
    if (raw < run.raw) return run.model;
    if (raw < run.raw + run.length) return run.model + (raw - run.raw);
  }
  return segment.end;
}

/** A test for "this node lies after the DOM point (container, offset)". */
function pointComparator(container: Node, offset: number): (node: Node) => boolean {
  const child = container.nodeType === 3 ? null : container.childNodes[offset];
  if (child) return (node) => node === child || (child.compareDocumentPosition(node) & FOLLOWING) !== 0;
  // After all of the container's content, or inside a text node the model skips.
  return (node) => {
    const position = container.compareDocumentPosition(node);
    return (position & FOLLOWING) !== 0 && (position & CONTAINED_BY) === 0;
  };
}
