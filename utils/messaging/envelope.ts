/**
 * The envelope every Gloss message travels in, and who sent it. No schemas here: the page
 * loader, which runs on every page, checks envelopes with this alone and stays small.
 */

/** Bumped when an envelope's shape changes; a message of another version is refused. */
export const PROTOCOL_VERSION = 1;

export interface Envelope {
  gloss: typeof PROTOCOL_VERSION;
  type: string;
  payload: unknown;
}

/** Who may send a message: a content script in a tab, or one of Gloss's own pages/workers. */
export type Origin = 'content' | 'extension';

/** The part of `runtime.MessageSender` Gloss relies on. */
export interface Sender {
  id?: string;
  url?: string;
  /** The sender's tab; its `url` is the top-level page's address (the browser's word, not the page's). */
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface OwnIdentity {
  /** This extension's id (`runtime.id`). */
  ownId: string;
  /** This extension's origin with a trailing slash (`runtime.getURL('/')`). */
  extensionOrigin: string;
}

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { gloss?: unknown }).gloss === PROTOCOL_VERSION &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}

/** Which of Gloss's contexts a message came from, or null when it is not from this extension. */
export function originOf(sender: Sender, identity: OwnIdentity): Origin | null {
  if (sender.id !== identity.ownId) return null;
  if (sender.url?.startsWith(identity.extensionOrigin)) return 'extension';
  if (sender.tab) return 'content';
  return null;
}

/** Wraps a payload for sending. */
export function envelope(type: string, payload: unknown): Envelope {
  return { gloss: PROTOCOL_VERSION, type, payload };
}
