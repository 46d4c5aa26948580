/**
 * The reader's corrections to the library's keys (issue 15): a key shown as another (a merge, so
 * that "Kim Jong-un" and "Kim Jong Un" are one row), a name of the reader's choosing, or a key
 * hidden from the table and from the co-occurrence lists. One record per key that has any; the
 * record is defined once here (the schema, and the type inferred from it) for the database, the
 * messages and the backup. Pure: no database, no `browser`.
 */
import * as v from 'valibot';
import type { EntityType } from '../entities/types';
import { timestamp } from '../messaging/protocol/annotation-schema';

/** Most characters of a name the reader gives a key. */
export const MAX_NAME = 200;
/** Most characters of a key ('TYPE:name'). */
export const MAX_KEY = 500;

/** An entity or term as the library names it: 'TYPE:name' (see utils/mentions/types.ts). */
export const entityKey = v.pipe(
  v.string(),
  v.maxLength(MAX_KEY, 'the key is too long'),
  v.regex(/^(PERSON|ORG|PLACE|DATE|TERM):./, "a key is 'TYPE:name' with TYPE one of PERSON, ORG, PLACE, DATE, TERM"),
);

/** A name the reader gives a key: trimmed, not empty. */
export const shownName = v.pipe(v.string(), v.trim(), v.minLength(1, 'the name is empty'), v.maxLength(MAX_NAME, `the name is longer than ${MAX_NAME} characters`));

export const correctionSchema = v.strictObject({
  key: entityKey,
  /** The key this one is shown as (the merge's other side); that key may itself be merged on, up to a root. */
  mergedInto: v.optional(entityKey),
  /** The name shown instead of the recognizer's (used where this key is a root). */
  name: v.optional(shownName),
  /** Left out of the entity table and of who appears with whom (used where this key is a root). */
  hidden: v.optional(v.literal(true)),
  updatedAt: timestamp,
});

export type CorrectionRecord = v.InferOutput<typeof correctionSchema>;

/** One change the reader asks for. */
export const correctionEditSchema = v.variant('kind', [
  /** Show `key` (and whatever is merged into it) as `into`. */
  v.strictObject({ kind: v.literal('merge'), key: entityKey, into: entityKey }),
  /** Undo `key`'s merge: it (and what is merged into it) is shown on its own again. */
  v.strictObject({ kind: v.literal('split'), key: entityKey }),
  /** Show `key` under `name`; null: the recognizer's name again. */
  v.strictObject({ kind: v.literal('rename'), key: entityKey, name: v.nullable(shownName) }),
  /** Hide `key` from the table and the co-occurrence lists, or show it again. */
  v.strictObject({ kind: v.literal('hide'), key: entityKey, hidden: v.boolean() }),
]);

export type CorrectionEdit = v.InferOutput<typeof correctionEditSchema>;

/** Whether a record still says anything (else it is deleted rather than kept empty). */
export const saysSomething = (record: CorrectionRecord) => record.mergedInto !== undefined || record.name !== undefined || record.hidden === true;

/** The name part of a key ('PERSON:Kim Jong Un' → 'Kim Jong Un'). */
export const keyName = (key: string) => key.slice(key.indexOf(':') + 1);
/** The type part of a key ('PERSON:Kim Jong Un' → 'PERSON'). */
export const keyType = (key: string) => key.slice(0, key.indexOf(':')) as EntityType;
