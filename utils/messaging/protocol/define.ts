/**
 * The building blocks of the protocol: how a message is declared, the schemas several messages
 * share, and the limits they enforce. Split from the message maps so that each context bundles
 * only the schemas of the messages it receives.
 */
import * as v from 'valibot';
import type { Origin } from '../envelope';

/** Pages larger than this are not sent for extraction (Chrome caps a message at 64 MiB). */
export const MAX_PAGE_HTML = 16 * 1024 * 1024;

/** Most text the recognizer (or the anchoring) takes in one message (a 5 MB article is ~5 M characters). */
export const MAX_ENTITY_TEXT = 12 * 1024 * 1024;

/** Most rows of the library's entity table one message asks for. */
export const MAX_LIBRARY_ROWS = 5_000;
/** Most rows one name search of the library answers. */
export const MAX_SEARCH_ROWS = 500;
/** Most keys one trend chart of the library compares. */
export const MAX_TREND_KEYS = 12;

export { ANNOTATION_LIMITS } from '../../anchoring/annotation';

export interface MessageDef<Req extends v.GenericSchema, Res> {
  from: Origin;
  request: Req;
  /** Type-only: never read at run time. */
  response?: Res;
}

/** Declares a message answered with `Res`; curried so that the request schema's type is inferred. */
export const def =
  <Res>() =>
  <Req extends v.GenericSchema>(from: Origin, request: Req): MessageDef<Req, Res> => ({ from, request });

export const httpUrl = v.pipe(v.string(), v.maxLength(8192), v.url(), v.regex(/^https?:/i, 'must be an http(s) URL'));

// An array has no own keys either: refuse it by name (valibot's strictObject accepts one when no key is required).
const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
export const empty = v.pipe(v.custom<object>(isPlainObject, 'must be an object'), v.strictObject({}));

/** A payload of `entries`, none of which is required: an array is refused as for `empty`. */
export function optionalFields<E extends v.ObjectEntries>(entries: E) {
  const fields = v.strictObject(entries);
  return v.pipe(v.custom<v.InferInput<typeof fields>>(isPlainObject, 'must be an object'), fields);
}
