/**
 * The note form, in an extension page the highlight editor shows in an iframe: what the reader
 * types here happens in the extension's own document, out of the web page's sight (its key and
 * input listeners see nothing). It only shows the form and reports to the editor, over the
 * MessagePort the editor hands it (see utils/page/note-frame-protocol.ts).
 */
import { render } from 'preact';
import { AnnotationForm, type Draft } from '@/components/common/AnnotationForm';
import '@/components/page/editor.css';
import { isFormState, type FormEvent, type FormState, type PortHandover } from '@/utils/page/note-frame-protocol';
import './style.css';

const nonce = location.hash.slice(1);
const root = document.getElementById('app')!;

/**
 * The frame keeps the draft as the reader types it and sends each change; the editor's copy comes
 * back with every state it sends, later than the next keystroke. A draft the frame itself sent is
 * such an echo and is not put back (it would undo what was typed since); any other draft is the
 * editor's (another highlight, a reset) and replaces the frame's.
 */
function connect(port: MessagePort) {
  const send = (event: FormEvent) => port.postMessage(event);
  const key = (draft: Draft) => JSON.stringify(draft);
  let state: FormState | null = null;
  let draft: Draft | null = null;
  let sent = new Set<string>();

  const show = () => {
    if (!state || !draft) return;
    render(
      <div class="gloss-editor" onKeyDown={(event) => event.key === 'Escape' && send({ kind: 'escape' })}>
        <AnnotationForm
          draft={draft}
          colorNames={state.colorNames}
          suggestions={state.suggestions}
          focus={state.focus}
          busy={state.busy}
          error={state.error}
          conflict={state.conflict}
          onDraft={(next) => {
            draft = next;
            sent.add(key(next));
            send({ kind: 'draft', draft: next });
            show();
          }}
          onSave={() => send({ kind: 'save' })}
          onCancel={() => send({ kind: 'cancel' })}
          onDelete={state.canDelete ? () => send({ kind: 'delete' }) : undefined}
        />
      </div>,
      root,
    );
  };

  port.onmessage = ({ data }) => {
    if (!isFormState(data)) return;
    const first = state === null;
    state = data;
    if (!draft || !sent.has(key(data.draft))) {
      draft = data.draft;
      sent = new Set();
    }
    show();
    if (first) window.focus();
  };
  // The editor sizes the frame to the form.
  new ResizeObserver(() => send({ kind: 'height', px: document.documentElement.scrollHeight })).observe(document.body);
}

addEventListener('message', function handover(event: MessageEvent<PortHandover>) {
  if (!nonce || event.data?.glossNoteFrame !== nonce || !event.ports[0]) return;
  removeEventListener('message', handover);
  connect(event.ports[0]);
});
