/**
 * Builds the text model from a DOM subtree, applying the normalization documented in
 * `text-model.ts`. One recursive pass over the subtree; text nodes the caller does not include
 * are skipped, but the elements around them still mark block boundaries.
 */
import { BLOCK_ELEMENTS, TEXTLESS_ELEMENTS, isHiddenByMarkup } from './elements';
import { TextModel, type Segment } from './text-model';

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

  visit(node: Node): void {
    if (node.nodeType === 3) {
      if (this.include(node as Text)) this.addText(node as Text);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const element = node as Element;
    const name = element.nodeName;
    if (node.nodeType === 1) {
      if (TEXTLESS_ELEMENTS.has(name) || isHiddenByMarkup(element)) return;
      if (name === 'BR') {
        this.pendingBreak = true;
        return;
      }
    }
    const block = BLOCK_ELEMENTS.has(name);
    if (block) this.pendingBreak = true;
    for (let child = node.firstChild; child; child = child.nextSibling) this.visit(child);
    if (block) this.pendingBreak = true;
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

/** The text model of `root`'s subtree (an element, document or fragment). */
export function buildTextModel(root: Node, { include = () => true }: BuildOptions = {}): TextModel {
  const builder = new Builder(include);
  builder.visit(root.nodeType === 9 ? ((root as Document).body ?? root) : root);
  return builder.build();
}
