/**
 * The note form shown in an iframe of Gloss's own (entrypoints/note-form/): same props as
 * AnnotationForm, but the reader's typing happens in the extension's document, where the web
 * page cannot listen. The editor keeps the draft; the frame reports every change over a private
 * MessagePort (utils/page/note-frame-protocol.ts) and grows with the form.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AnnotationFormProps } from '@/components/common/AnnotationForm';
import { newId } from '@/utils/ids';
import { hostAt, hostShows } from '@/utils/page/visible';
import { NOTE_FRAME_PAGE, isFormEvent, type FormState, type PortHandover } from '@/utils/page/note-frame-protocol';

/**
 * Whether the frame shows as the reader would see it: Gloss's host shows (utils/page/visible.ts)
 * and nothing of the page's lies over the frame (its corners and center are Gloss's). A click in
 * the frame never reaches this document, so its point cannot be checked; the frame's box is.
 */
function frameShows(frame: HTMLIFrameElement | null): boolean {
  const root = frame?.getRootNode();
  if (!frame || !(root instanceof ShadowRoot) || !hostShows(root.host)) return false;
  // The part of the frame that is on screen: inside the viewport and every scrolling box around it.
  let { left, top, right, bottom } = frame.getBoundingClientRect();
  [left, top, right, bottom] = [Math.max(left, 0), Math.max(top, 0), Math.min(right, innerWidth), Math.min(bottom, innerHeight)];
  for (let el = frame.parentElement; el; el = el.parentElement) {
    if (getComputedStyle(el).overflow === 'visible') continue;
    const clip = el.getBoundingClientRect();
    [left, top, right, bottom] = [Math.max(left, clip.left), Math.max(top, clip.top), Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
  }
  if (right - left < 8 || bottom - top < 8) return false;
  const xs = [left + 3, (left + right) / 2, right - 3];
  const ys = [top + 3, (top + bottom) / 2, bottom - 3];
  // The center must be Gloss's and most of the box too: a page's fixed banner over one edge
  // (a cookie bar at the bottom of the window) does not hide the form, and must not silently
  // refuse the reader's save; a page covering the form hides most of it.
  const shown = xs.flatMap((x) => ys.map((y) => hostAt(root.host, x, y)));
  return shown[4] === true && shown.filter(Boolean).length >= 6;
}

export function NoteFrame(props: AnnotationFormProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [channel] = useState(() => new MessageChannel());
  const [nonce] = useState(newId); // not randomUUID: an http page is no secure context
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
        // Saving and deleting only from a form the reader can see (a page could hide it and let a click through).
        case 'save':
          return frameShows(frame.current) ? now.onSave() : undefined;
        case 'cancel':
        case 'escape':
          return now.onCancel();
        case 'delete':
          return frameShows(frame.current) ? now.onDelete?.() : undefined;
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
