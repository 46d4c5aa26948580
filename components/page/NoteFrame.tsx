/**
 * The note form shown in an iframe of Gloss's own (entrypoints/note-form/): same props as
 * AnnotationForm, but the reader's typing happens in the extension's document, where the web
 * page cannot listen. The editor keeps the draft; the frame reports every change over a private
 * MessagePort (utils/page/note-frame-protocol.ts) and grows with the form.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AnnotationFormProps } from '@/components/common/AnnotationForm';
import { NOTE_FRAME_PAGE, isFormEvent, type FormState, type PortHandover } from '@/utils/page/note-frame-protocol';

export function NoteFrame(props: AnnotationFormProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [channel] = useState(() => new MessageChannel());
  const [nonce] = useState(() => crypto.randomUUID());
  const [height, setHeight] = useState(300);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const port = channel.port1;
    port.onmessage = ({ data }) => {
      if (!isFormEvent(data)) return;
      const now = latest.current;
      switch (data.kind) {
        case 'draft':
          return now.onDraft({ ...data.draft, color: data.draft.color as typeof now.draft.color });
        case 'save':
          return now.onSave();
        case 'cancel':
        case 'escape':
          return now.onCancel();
        case 'delete':
          return now.onDelete?.();
        case 'height':
          return setHeight(Math.min(Math.max(80, Math.ceil(data.px)), 2000));
      }
    };
    return () => port.close();
  }, [channel]);

  // Every change of what the form should show goes to the frame.
  useEffect(() => {
    const state: FormState = {
      kind: 'state',
      draft: props.draft,
      colorNames: props.colorNames,
      suggestions: props.suggestions,
      focus: props.focus,
      busy: props.busy,
      error: props.error,
      canDelete: !!props.onDelete,
      conflict: props.conflict ?? null,
    };
    channel.port1.postMessage(state);
  }, [props.draft, props.colorNames, props.suggestions, props.focus, props.busy, props.error, !!props.onDelete, props.conflict]);

  const src = `${browser.runtime.getURL(NOTE_FRAME_PAGE as '/note-form.html')}#${nonce}`;
  return (
    <iframe
      ref={frame}
      class="note-frame"
      title="Note"
      src={src}
      style={{ height: `${height}px` }}
      data-testid="note-frame"
      onLoad={() => {
        const target = frame.current?.contentWindow;
        if (!target) return;
        const handover: PortHandover = { glossNoteFrame: nonce };
        try {
          // Only to Gloss's own page: were the frame navigated elsewhere, the port would not go.
          // (Not `new URL(src).origin`: for a chrome-extension: URL that is "null".)
          target.postMessage(handover, browser.runtime.getURL('/').replace(/\/$/, ''), [channel.port2]);
        } catch {
          return; // the port went at the first load; a second load of the frame has nothing to take
        }
        frame.current?.focus();
      }}
    />
  );
}
