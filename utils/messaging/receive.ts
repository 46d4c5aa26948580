/**
 * The receiving end of the protocol: one `runtime.onMessage` listener per context, answering
 * only its own direction's messages. Every message is checked before a handler sees it: the
 * envelope, the sender (this extension, from the context the message is declared for) and the
 * payload's schema. A refused message gets an error and reaches no handler, so it writes nothing.
 */
import * as v from 'valibot';
import { isEnvelope, originOf, type Origin, type OwnIdentity, type Sender } from './envelope';
import type { Direction, MessagesOf, ResponseOf, TypeOf, protocol } from './protocol';
import { GlossFailure, errorMessage, fail, ok, type Result } from './result';

export { originOf, type Sender };

type Schema<D extends Direction, K extends TypeOf<D>> = (typeof protocol)[D][K] extends { request: infer S }
  ? S extends v.GenericSchema
    ? S
    : never
  : never;

export type Handlers<D extends Direction> = {
  [K in TypeOf<D>]: (
    payload: v.InferOutput<Schema<D, K>>,
    sender: Sender,
  ) => Promise<ResponseOf<D, K>> | ResponseOf<D, K>;
};

export interface ReceiverOptions extends OwnIdentity {
  /**
   * Set in the one context that answers messages nobody declared (the background): tells the
   * types Gloss knows (those are left to their own context) from the rest (answered with an error).
   */
  isKnownType?: (type: string) => boolean;
}

export type Listener = (
  message: unknown,
  sender: Sender,
  sendResponse: (result: Result<unknown>) => void,
) => boolean;

/**
 * Checks a message for `direction` without running anything: the handler's key and payload, or
 * the error to answer. `null` means the message is for another context and is not answered here.
 */
export function admit<D extends Direction>(
  messages: MessagesOf<D>,
  message: unknown,
  sender: Sender,
  options: ReceiverOptions,
): { type: TypeOf<D>; payload: unknown } | { error: Result<never> } | null {
  if (!isEnvelope(message)) {
    return options.isKnownType
      ? { error: fail('invalid-message', 'Not a Gloss message (expected { gloss, type, payload })') }
      : null;
  }
  if (!Object.hasOwn(messages, message.type)) {
    return options.isKnownType && !options.isKnownType(message.type)
      ? { error: fail('invalid-message', `Unknown message type "${message.type}"`) }
      : null;
  }
  const type = message.type as TypeOf<D>;
  const declared = (messages[type] as { from: Origin }).from;
  const origin = originOf(sender, options);
  if (origin !== declared) {
    return {
      error: fail('forbidden-sender', `"${type}" is accepted only from Gloss's ${declared} context`),
    };
  }
  const schema = (messages[type] as { request: v.GenericSchema }).request;
  const parsed = v.safeParse(schema, message.payload);
  if (!parsed.success) {
    return { error: fail('invalid-message', `Malformed "${type}": ${v.summarize(parsed.issues)}`) };
  }
  return { type, payload: parsed.output };
}

/** A `runtime.onMessage` listener that answers one direction's `messages` with `handlers`. */
export function createReceiver<D extends Direction>(
  _direction: D,
  messages: MessagesOf<D>,
  handlers: Handlers<D>,
  options: ReceiverOptions,
): Listener {
  return (message, sender, sendResponse) => {
    const admitted = admit(messages, message, sender, options);
    if (admitted === null) return false;
    if ('error' in admitted) {
      sendResponse(admitted.error);
      return false;
    }
    const handler = handlers[admitted.type] as (payload: unknown, sender: Sender) => unknown;
    // Chrome ignores a returned Promise: answer through sendResponse and keep the port open.
    Promise.resolve()
      .then(() => handler(admitted.payload, sender))
      .then(
        (value) => sendResponse(ok(value)),
        (error: unknown) =>
          sendResponse(error instanceof GlossFailure ? { ok: false, error: error.error } : fail('failed', errorMessage(error))),
      );
    return true;
  };
}
