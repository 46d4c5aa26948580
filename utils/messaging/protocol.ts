/**
 * Every message between Gloss's contexts, one map per direction (protocol/to-*.ts), one line of
 * doc each. A payload is plain data, checked against its schema on arrival; a response type is
 * what the handler's `{ ok: true, value }` carries. Receivers import only their own map.
 */
import type * as v from 'valibot';
import type { MessageDef } from './protocol/define';
import { toBackground } from './protocol/to-background';
import { toContent } from './protocol/to-content';
import { toOffscreen } from './protocol/to-offscreen';
import { toPages } from './protocol/to-pages';

export { PROTOCOL_VERSION, type Envelope, type Origin } from './envelope';
export { ANNOTATION_LIMITS, MAX_ENTITY_TEXT, MAX_PAGE_HTML } from './protocol/define';
export type { ArticleText, ExtractedArticle, PageState, TextAnalysis } from './protocol/types';
export { toBackground, toContent, toOffscreen, toPages };

export const protocol = { toBackground, toOffscreen, toContent, toPages };
export type Direction = keyof typeof protocol;
export type MessagesOf<D extends Direction> = (typeof protocol)[D];
export type TypeOf<D extends Direction> = keyof MessagesOf<D> & string;

type DefOf<D extends Direction, K extends TypeOf<D>> = MessagesOf<D>[K];
export type RequestOf<D extends Direction, K extends TypeOf<D>> =
  DefOf<D, K> extends MessageDef<infer Req, unknown> ? v.InferInput<Req> : never;
export type ResponseOf<D extends Direction, K extends TypeOf<D>> =
  DefOf<D, K> extends MessageDef<v.GenericSchema, infer Res> ? Res : never;

/** The direction a message type belongs to, or null for a type Gloss does not know. */
export function directionOf(type: unknown): Direction | null {
  if (typeof type !== 'string') return null;
  for (const direction of Object.keys(protocol) as Direction[]) {
    if (Object.hasOwn(protocol[direction], type)) return direction;
  }
  return null;
}
