/**
 * The popup's edits to the reader's annotations: written to the database here (the popup is an
 * extension page), then announced through the background so every tab showing the article
 * repaints. A failed write rejects with a message the popup shows; nothing is half-written.
 */
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { deleteAnnotation, restoreAnnotation, updateAnnotation, type AnnotationEdit } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { sendToExtension } from '@/utils/messaging/send';

export interface NoteActions {
  update(id: string, edit: AnnotationEdit): Promise<AnnotationRecord>;
  remove(id: string): Promise<AnnotationRecord>;
  restore(annotation: AnnotationRecord): Promise<AnnotationRecord>;
}

export function noteActions(db: GlossDb): NoteActions {
  const announced = async (write: Promise<AnnotationRecord>) => {
    const record = await write;
    await sendToExtension('toBackground', 'annotationsChanged', { articleId: record.articleId });
    return record;
  };
  return {
    update: (id, edit) => announced(updateAnnotation(db, id, edit)),
    remove: (id) => announced(deleteAnnotation(db, id)),
    restore: (annotation) => announced(restoreAnnotation(db, annotation)),
  };
}
