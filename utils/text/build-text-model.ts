/**
 * Builds the text model from a DOM subtree, applying the normalization documented in
 * `text-model.ts`. One pass over the subtree, in a loop rather than by recursion (a page may nest
 * deeper than the call stack goes), as steps that a work budget can spread over several tasks;
 * text nodes the caller does not include are skipped, but the elements around them still mark
 * block boundaries.
 */
import { BLOCK_ELEMENTS, TEXTLESS_ELEMENTS, isHiddenByMarkup } from './elements';
import { TextModel, type Segment } from './text-model';
import { BATCH, runNow, type Steps, type WorkBudget } from './work-budget';

/**
 * Text that needs no normalization (visible characters with single plain spaces between them,
 * read in one piece), other white space, or invisible format characters.
 */
const TOKEN =
  /([^ \t\n\r\f\u00a0\u00ad\u200b\u2060\ufeff]+(?: [^ \t\n\r\f\u00a0\u00ad\u200b\u2060\ufeff]+)*)|([ \t\n\r\f\u00a0]+)|[\u00ad\u200b\u2060\ufeff]+/g;

export interface BuildOptions {
  /** Which text nodes belong to the model (default: every visible one). */
  include?: (node: Text) => boolean;
}

class Builder {
  private parts: string[] = [];
  private length = 0;
  readonly segments: Segment[] = [];
  private pendingSpace: { node: Text; raw: number } | null = null;
  private pendingBreak = false;

  constructor(private readonly include: (node: Text) => boolean) {}

  /** Walks `root`'s subtree in document order, one step per node (yielded in batches). */
  *walk(root: Node): Steps<void> {
    let node: Node = root;
    for (let count = 1; ; count++) {
      const entered = this.enter(node);
      if (count % BATCH === 0) yield BATCH;
      if (entered && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      if (entered) this.leave(node);
      while (node !== root && !node.nextSibling) {
        node = node.parentNode as Node;
        this.leave(node);
      }
      if (node === root) return;
      node = node.nextSibling as Node;
    }
  }

  /** Reads a node; true for an element (or fragment) whose children are read next. */
  private enter(node: Node): boolean {
    if (node.nodeType === 3) {
      if (this.include(node as Text)) this.addText(node as Text);
      return false;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return false;
    const name = node.nodeName;
    if (node.nodeType === 1) {
      if (TEXTLESS_ELEMENTS.has(name) || isHiddenByMarkup(node as Element)) return false;
      if (name === 'BR') {
        this.pendingBreak = true;
        return false;
      }
    }
    if (BLOCK_ELEMENTS.has(name)) this.pendingBreak = true;
    return true;
  }

  /** After an entered element's children: a block's end separates what follows. */
  private leave(node: Node): void {
    if (BLOCK_ELEMENTS.has(node.nodeName)) this.pendingBreak = true;
  }

  private addText(node: Text): void {
    const data = node.data;
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(data); match; match = TOKEN.exec(data)) {
      if (match[1] !== undefined) {
        if (this.length > 0) {
          if (this.pendingBreak) this.emitSeparator();
          else if (this.pendingSpace) this.emit(this.pendingSpace.node, this.pendingSpace.raw, ' ');
        }
        this.pendingBreak = false;
        this.pendingSpace = null;
        this.emit(node, match.index, match[1]);
      } else if (match[2] !== undefined) {
        this.pendingSpace ??= { node, raw: match.index };
      }
    }
  }

  private emitSeparator(): void {
    this.parts.push('\n');
    this.length += 1;
  }

  private emit(node: Text, raw: number, chars: string): void {
    let segment = this.segments.at(-1);
    if (!segment || segment.node !== node) {
      segment = { node, start: this.length, end: this.length, runs: [] };
      this.segments.push(segment);
    }
    const run = segment.runs.at(-1);
    if (run && run.model + run.length === this.length && run.raw + run.length === raw) run.length += chars.length;
    else segment.runs.push({ model: this.length, raw, length: chars.length });
    this.parts.push(chars);
    this.length += chars.length;
    segment.end = this.length;
  }

  build(): TextModel {
    return new TextModel(this.parts.join(''), this.segments);
  }
}

/** The text model of `root`'s subtree (an element, document or fragment), as steps (one per node, yielded in batches). */
export function* textModelSteps(root: Node, { include = () => true }: BuildOptions = {}): Steps<TextModel> {
  const builder = new Builder(include);
  yield* builder.walk(root.nodeType === 9 ? ((root as Document).body ?? root) : root);
  return builder.build();
}

/** The text model of `root`'s subtree, built at once. */
export function buildTextModel(root: Node, options: BuildOptions = {}): TextModel {
  return runNow(textModelSteps(root, options));
}

/** The same, spread over tasks by `budget` (which throws when the page is too large to read). */
export function buildTextModelWithin(budget: WorkBudget, root: Node, options: BuildOptions = {}): Promise<TextModel> {
  return budget.run(textModelSteps(root, options));
}
