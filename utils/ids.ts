/**
 * Random ids for code that may run on any page. `crypto.randomUUID()` exists only in secure
 * contexts, and a content script (or Gloss's note frame inside it) on a plain-http page is not
 * one; `crypto.getRandomValues` exists everywhere, so ids are made from it.
 */

/** A random RFC 4122 version-4 UUID ("3b241101-e2bb-4255-8caf-4136c566a962"). */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // the RFC 4122 variant
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
