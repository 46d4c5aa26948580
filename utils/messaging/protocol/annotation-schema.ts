/**
 * What a stored annotation may hold, as valibot schemas: one definition for the messages that
 * write annotations (to-background.ts) and for importing a library (utils/export/records.ts),
 * so an imported annotation is exactly one the page could have saved.
 */
import * as v from 'valibot';
import { ANNOTATION_COLORS } from '../../anchoring/annotation';
import { ANNOTATION_LIMITS, httpUrl } from './define';
import { formatCount } from '../../text/count';

export const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `is longer than ${formatCount(max)} characters`));
export const nonEmpty = (max: number) => v.pipe(text(max), v.minLength(1, 'is empty'));
export const count = v.pipe(v.number(), v.integer('is not a whole number'), v.minValue(0, 'is negative'));
/**
 * The latest time Gloss keeps, 9999-12-31T23:59:59.999Z: the last one `toISOString` writes with a
 * four-digit year. Later ones (up to 8.64e15, the last `Date` holds) come out as `+275760-…`,
 * which is no `xsd:dateTime`, so an export could not carry them.
 */
export const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const timestamp = v.pipe(count, v.maxValue(MAX_TIME, 'is after the year 9999'));

export const annotationId = nonEmpty(100);

/** A revision number: 1 when made, one more with each edit. */
export const revision = v.pipe(count, v.minValue(1, 'is not a revision (they start at 1)'));

/** Every field of an annotation; the messages pick the ones they carry. */
export const annotationFields = {
  id: annotationId,
  articleId: httpUrl,
  quote: v.strictObject({
    type: v.literal('TextQuoteSelector'),
    exact: nonEmpty(ANNOTATION_LIMITS.quote),
    prefix: text(ANNOTATION_LIMITS.context),
    suffix: text(ANNOTATION_LIMITS.context),
  }),
  position: v.pipe(
    v.strictObject({ type: v.literal('TextPositionSelector'), start: count, end: count }),
    v.check((position) => position.end > position.start, 'ends before it starts'),
  ),
  color: v.picklist(ANNOTATION_COLORS),
  note: text(ANNOTATION_LIMITS.note),
  tags: v.pipe(v.array(nonEmpty(ANNOTATION_LIMITS.tag)), v.maxLength(ANNOTATION_LIMITS.tags, `has more than ${ANNOTATION_LIMITS.tags} tags`)),
  createdAt: timestamp,
  updatedAt: timestamp,
  textHash: text(64),
  // Backups made before revisions carry none: such a record is at its first.
  rev: v.optional(revision, 1),
};

export const annotationSchema = v.strictObject(annotationFields);
