/**
 * A short fingerprint of an article's text (FNV-1a, 32 bits, hex): stored with each annotation
 * so Gloss can say "the article changed since" without keeping the whole text. Not a security
 * hash: only equality matters.
 */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0') + ':' + text.length.toString(36);
}
