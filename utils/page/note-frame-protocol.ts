/**
 * What the highlight editor (a content script) and its note form (an extension page in an
 * iframe, so the page cannot watch what the reader types) say over their private MessagePort.
 * The editor owns the draft and does the saving; the frame shows the form and reports what the
 * reader does in it. The port reaches the frame in a message that carries the nonce of the
 * frame's own URL fragment, which the page cannot read, so a page's forged message is ignored.
 */
import type { AnnotationFormProps, Draft } from '@/components/common/AnnotationForm';

export const NOTE_FRAME_PAGE = '/note-form.html';

/** The editor's message that hands the frame its port. */
export interface PortHandover {
  glossNoteFrame: string;
}

/** Editor → frame: the form as it should show (the form's own props, less its callbacks). */
export type FormState = { kind: 'state'; canDelete: boolean } & Pick<
  AnnotationFormProps,
  'draft' | 'colorNames' | 'suggestions' | 'focus' | 'busy' | 'error' | 'conflict'
>;

/** Frame → editor: what the reader did. */
export type FormEvent =
  | { kind: 'draft'; draft: Draft }
  | { kind: 'save' }
  | { kind: 'cancel' }
  | { kind: 'delete' }
  | { kind: 'escape' }
  | { kind: 'height'; px: number };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A well-formed draft (the frame's word is checked like any other input). */
export function isDraft(value: unknown): value is Draft {
  return (
    isObject(value) &&
    typeof value.color === 'string' &&
    typeof value.note === 'string' &&
    typeof value.tagText === 'string' &&
    Array.isArray(value.tags) &&
    value.tags.every((tag) => typeof tag === 'string')
  );
}

export function isFormEvent(value: unknown): value is FormEvent {
  if (!isObject(value)) return false;
  switch (value.kind) {
    case 'draft':
      return isDraft(value.draft);
    case 'height':
      return typeof value.px === 'number' && Number.isFinite(value.px);
    case 'save':
    case 'cancel':
    case 'delete':
    case 'escape':
      return true;
    default:
      return false;
  }
}

export function isFormState(value: unknown): value is FormState {
  return isObject(value) && value.kind === 'state' && isDraft(value.draft) && isObject(value.colorNames) && Array.isArray(value.suggestions);
}
