/**
 * The popup's edits to the reader's annotations: sent to the background, the one writer, which
 * announces each change to every tab showing the article. A failed write rejects with a message
 * the popup shows (a stale edit with a `RevisionConflict`-like error carrying the stored record);
 * nothing is half-written.
 */
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import type { AnnotationEdit } from '@/utils/db/annotations-repo';
import { sendToExtension } from '@/utils/messaging/send';
import type { GlossError, Result } from '@/utils/messaging/result';

/** An orphan's new passage, described in the text the tab reads now. */
export type Reattachment = Pick<AnnotationRecord, 'quote' | 'position' | 'textHash'> & { baseRev: number };

export interface NoteActions {
  update(id: string, edit: AnnotationEdit): Promise<AnnotationRecord>;
  /** Attaches an orphan to the copy of its words the reader accepted. */
  reattach(id: string, passage: Reattachment): Promise<AnnotationRecord>;
  remove(id: string): Promise<AnnotationRecord>;
  restore(annotation: AnnotationRecord): Promise<AnnotationRecord>;
}

/** A write the background refused; `error.current` is the stored record when it was a conflict. */
export class NoteWriteError extends Error {
  constructor(readonly error: GlossError) {
    super(error.message);
  }
}

const value = async <T>(answer: Promise<Result<T>>): Promise<T> => {
  const result = await answer;
  if (!result.ok) throw new NoteWriteError(result.error);
  return result.value;
};

export function noteActions(): NoteActions {
  return {
    update: (id, edit) => value(sendToExtension('toBackground', 'libraryUpdate', { id, ...edit } as never)),
    reattach: (id, passage) => value(sendToExtension('toBackground', 'libraryReattach', { id, ...passage })),
    remove: (id) => value(sendToExtension('toBackground', 'libraryDelete', { id })),
    restore: (annotation) => value(sendToExtension('toBackground', 'libraryRestore', { annotation: annotation as never })),
  };
}
