import type { AnnotationRecord } from '../anchoring/annotation';

/**
 * The answer every Gloss message gets: a value, or an error that says what went wrong. Handlers
 * never throw across a context boundary; they answer with one of these.
 */

export type ErrorCode =
  /** The message is not one of Gloss's, or its payload has the wrong shape. */
  | 'invalid-message'
  /** The message came from a context that may not send it. */
  | 'forbidden-sender'
  /** The handler ran and failed (quota, closed database, unparsable page, …). */
  | 'failed'
  /** Nobody answered: the other side is not there (no content script, a closed tab). */
  | 'unreachable'
  /** An edit was based on a revision that is no longer the stored one: `current` is. */
  | 'conflict'
  /** The handler refused what was asked, for a reason the reader can act on (a merge that would make a loop). */
  | 'refused';

export interface GlossError {
  code: ErrorCode;
  message: string;
  /** With 'conflict': the record as stored now, so the reader can merge. */
  current?: AnnotationRecord;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: GlossError };

/** A successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A failed result. */
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});

/**
 * A failure that says more than 'failed': thrown by a handler (or what it calls), answered with
 * its own code and details.
 */
export class GlossFailure extends Error {
  constructor(readonly error: GlossError) {
    super(error.message);
  }
}

/** The message of any thrown value, for an error result. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}
