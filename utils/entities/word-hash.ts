/**
 * FNV-1a hashes of folded words. The tokenizer hashes each word of a text as it reads its
 * characters (`Tokens.hashes`); the phrase indexes' filter, their word table and the second-word
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

/**
 * Words as a bit per hash, `bits` bits in all: turns a text's word away by its hash alone
 * (`Tokens.hashes`) when it is surely none of the words added. A word let through is only a
 * look-up that finds nothing.
 */
export class HashFilter {
  private readonly bits: Int32Array;

  constructor(bits: number) {
    this.bits = new Int32Array(bits >> 5);
  }

  add(word: string): void {
    const hash = hashOf(word, 0, word.length);
    this.bits[(hash >>> 5) & (this.bits.length - 1)]! |= 1 << (hash & 31);
  }

  /** False when a word hashing to `hash` is surely none of the words added. */
  mayHold(hash: number): boolean {
    return ((this.bits[(hash >>> 5) & (this.bits.length - 1)] as number) & (1 << (hash & 31))) !== 0;
  }
}
