/** FNV-1a (32 bits) of a string's UTF-16 code units, unsigned: a cheap hash where only spreading or equality matters. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * A short fingerprint of an article's text (FNV-1a, 32 bits, hex): stored with each annotation
 * so Gloss can say "the article changed since" without keeping the whole text. Not a security
 * hash: only equality matters.
 */
export function textHash(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0') + ':' + text.length.toString(36);
}
