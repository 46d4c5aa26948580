/**
 * The highlight editor: injected by the background into an article's frame on the reader's
 * first selection, click on a highlight, shortcut or menu item, so that the article script stays
 * small. It finds the article through the bridge the article script left on the isolated
 * world's window (utils/page/editor-bridge.ts), mounts its own shadow root, and sends every
 * write to the background.
 */
import { scriptContext } from '@/utils/page/script-context';
import { render } from 'preact';
import { Editor, type EditorActions } from '@/components/page/Editor';
import { NoteFrame } from '@/components/page/NoteFrame';
import editorCss from '@/components/page/editor.css?inline';
import { sendToExtension } from '@/utils/messaging/send';
import { articleBridge, editorApi, shareEditor, type EditorRequest } from '@/utils/page/editor-bridge';
import { createShadowUi } from '@/utils/page/shadow-ui';
import { readColorNames, watchColorNames } from '@/utils/settings/color-names';
import { pendingMarker } from './pending';

/**
 * A save whose answer never came (the background's worker was stopped mid-save) is sent once more
 * by itself: it carries the id made before the first try, so the background answers the record if
 * the first try was stored, and stores it once if not.
 */
async function saveOnce(annotation: Parameters<EditorActions['save']>[0]) {
  const first = await sendToExtension('toBackground', 'saveAnnotation', annotation as never);
  if (first.ok || first.error.code !== 'unreachable') return first;
  await new Promise((resolve) => setTimeout(resolve, 250));
  return sendToExtension('toBackground', 'saveAnnotation', annotation as never);
}

const actions: EditorActions = {
  save: saveOnce,
  update: (edit) => sendToExtension('toBackground', 'updateAnnotation', edit),
  reattach: (passage) => sendToExtension('toBackground', 'reattachAnnotation', passage),
  remove: (id) => sendToExtension('toBackground', 'deleteAnnotation', { id }),
  restore: (annotation) => sendToExtension('toBackground', 'restoreAnnotation', { annotation: annotation as never }),
  listTags: () => sendToExtension('toBackground', 'listTags', {}),
};

// A plain script (utils/page/script-context.ts says why not WXT's content script wrapper),
// injected by the background.
export default defineUnlistedScript(async () => {
  const ctx = scriptContext();
  const bridge = articleBridge();
  if (!bridge || editorApi()) return; // no article here, or the editor already runs
  // Claim the slot at once (a second injection stops above); requests wait until mounted.
  const early: EditorRequest[] = [];
  let deliver = (request: EditorRequest) => void early.push(request);
  shareEditor({ open: (request) => deliver(request) });

  let colorNames = await readColorNames();
  // Closed: the page cannot read the notes the editor shows.
  const ui = createShadowUi(ctx, 'gloss-editor', editorCss, { mode: 'closed', unmount: (container) => render(null, container) });
  ui.mount();
  const pending = pendingMarker(document);
  let request: { seq: number; request: EditorRequest } | null = null;
  const draw = () =>
    render(
      <Editor
        bridge={bridge}
        actions={actions}
        colorNames={colorNames}
        request={request}
        host={ui.host}
        onPending={(stretch) => pending.show(bridge.model, stretch)}
        Form={NoteFrame}
      />,
      ui.container,
    );
  deliver = (next) => {
    request = { seq: (request?.seq ?? 0) + 1, request: next };
    draw();
  };
  for (const next of bridge.pending ? [...early, bridge.pending] : early) deliver(next);
  bridge.pending = null;
  draw();
  ctx.onInvalidated(
    watchColorNames((names) => {
      colorNames = names;
      draw();
    }),
  );
  ctx.onInvalidated(() => {
    shareEditor(undefined);
    pending.show(null, null);
    ui.remove();
  });
});
