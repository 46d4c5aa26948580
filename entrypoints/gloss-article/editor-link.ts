/**
 * The article script's side of the highlight editor: shares the article with it, loads it on
 * the reader's first selection (or click on a highlight), and hands it each request. The editor
 * itself (see utils/page/editor-bridge.ts) stays out of this script until it is needed.
 */
import type { ScriptContext } from '@/utils/page/script-context';
import { sendToExtension } from '@/utils/messaging/send';
import { editorApi, shareArticle, type ArticleBridge, type EditorRequest } from '@/utils/page/editor-bridge';
import { caretAt } from './hover';
import { reveal } from './reveal';

export interface EditorLink {
  /** The article as the editor sees it: update the fields, then call `onChange`. */
  bridge: ArticleBridge;
  open(request: EditorRequest): void;
}

/** Events inside Gloss's own shadow hosts are the editor's or the panel's business. */
const isGloss = (target: EventTarget | null) => target instanceof Element && target.localName.startsWith('gloss-');

export function linkEditor(ctx: ScriptContext, region: () => Node | null): EditorLink {
  const bridge: ArticleBridge = {
    articleId: null,
    model: null,
    placement: { placed: [], orphans: [] },
    pending: null,
    // In the model the editor reads its offsets from (null while the page is read again).
    reveal: (start, end) => !!bridge.model && reveal(bridge.model, start, end),
  };
  shareArticle(bridge);
  ctx.onInvalidated(() => shareArticle(undefined));
  let loading = false;

  const open = (request: EditorRequest) => {
    const editor = editorApi();
    if (editor) return editor.open(request);
    bridge.pending = request;
    if (loading) return;
    loading = true;
    void sendToExtension('toBackground', 'loadEditor', {}).then((result) => (loading = result.ok));
  };

  /** The reader's highlights under a point (overlapping ones all count). */
  const notesAt = (x: number, y: number): string[] => {
    const { model, placement } = bridge;
    const caret = caretAt(x, y);
    if (!model || !caret) return [];
    const offset = model.offsetAt(caret.node, caret.offset);
    const under = (start: number, end: number) =>
      [...(model.range(start, end)?.getClientRects() ?? [])].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    return placement.placed.filter(({ start, end }) => start <= offset && offset <= end && under(start, end)).map((p) => p.annotation.id);
  };

  const check = (event: Event) => {
    const root = region();
    // Only the reader's own gestures: a page's made-up mouseup must not open the toolbar or cards.
    if (!event.isTrusted || isGloss(event.target) || !root) return;
    const selection = getSelection();
    if (selection && !selection.isCollapsed && selection.rangeCount && selection.getRangeAt(0).intersectsNode(root)) {
      open({ kind: 'selection' });
    } else if (event instanceof MouseEvent) {
      const ids = notesAt(event.clientX, event.clientY);
      if (ids.length) open({ kind: 'annotations', ids });
    }
  };
  ctx.addEventListener(document, 'mouseup', check);
  ctx.addEventListener(document, 'keyup', check);
  return { bridge, open };
}
