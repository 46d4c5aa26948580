/** Messages Gloss's own pages answer (the reader page), sent by the background: one line of doc each. */
import * as v from 'valibot';
import { correctionSchema, entityKey } from '../../corrections/correction';
import { versionSchema } from '../../versions/version';
import { def } from './define';

export const toPages = {
  /** An article's stored versions changed (one added, seen again, or some removed): the records as stored now, and the ids removed. */
  versionsChanged: def<null>()(
    'extension',
    v.strictObject({
      articleId: v.pipe(v.string(), v.maxLength(8192)),
      changed: v.pipe(v.array(versionSchema), v.maxLength(100)),
      removed: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(1000))),
    }),
  ),
  /** The reader's corrections of library keys changed (on any library page): the records as stored now, and the keys whose record went. */
  correctionsChanged: def<null>()(
    'extension',
    v.strictObject({
      changed: v.pipe(v.array(correctionSchema), v.maxLength(1000)),
      removed: v.pipe(v.array(entityKey), v.maxLength(1000)),
    }),
  ),
};
