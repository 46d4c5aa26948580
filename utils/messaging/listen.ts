/** Wires a receiver into this context's `runtime.onMessage`; returns the function that unwires it. */
import { browser } from 'wxt/browser';
import type { Direction, MessagesOf } from './protocol';
import { createReceiver, type Handlers, type ReceiverOptions } from './receive';

export function listen<D extends Direction>(
  direction: D,
  messages: MessagesOf<D>,
  handlers: Handlers<D>,
  { isKnownType }: Pick<ReceiverOptions, 'isKnownType'> = {},
): () => void {
  const listener = createReceiver(direction, messages, handlers, {
    ownId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    isKnownType,
  });
  // The listener answers through sendResponse; the cast bridges Chrome's and WXT's typings.
  const onMessage = browser.runtime.onMessage as unknown as {
    addListener(fn: typeof listener): void;
    removeListener(fn: typeof listener): void;
  };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}
