/**
 * FNV-1a hashes of folded words. The tokenizer hashes each word of a text as it reads its
 * characters (`Tokens.hashes`); the phrase indexes' filters, their word table and the second-word
 * checks compare those hashes with the ones of their own words, made by the functions here.
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of `text`'s characters from `from` to `to`. */
export function hashOf(text: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
  return hash;
}

/** `hashOf` of the characters folded, for characters of ASCII (A-Z read as a-z): no lower-case string made. */
export function hashOfAsciiFolded(text: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code | 32 : code), FNV_PRIME);
  }
  return hash;
}
