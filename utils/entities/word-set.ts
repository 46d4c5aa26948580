/**
 * A filter of folded words by their first two characters, their last and their length
 * (WordStarts): the term index's second test, after the hash of a word's first word.
 */
import { ODD_CHARACTERS, type Tokens } from './tokenize';

/**
 * Which first two characters, last characters and lengths some words have: a filter that turns
 * most other words away before they are made strings. `2 ** bits` slots by the three characters,
 * a bit per length in each (31 and over share one). The last character halved the words of a text
 * let through to the term index's hash (~55,000 per MB to ~23,000, against ~17,000 that open a
 * term's bucket).
 */
export class WordStarts {
  private readonly slots: Uint32Array;

  constructor(bits: number) {
    this.slots = new Uint32Array(1 << bits);
  }

  add(word: string): void {
    this.slots[this.slotOf(word.charCodeAt(0), word.length > 1 ? word.charCodeAt(1) : 0, word.charCodeAt(word.length - 1))]! |= lengthBit(word.length);
  }

  /** False when word `i` of `tokens` is surely none of the words added (words with odd characters, folded otherwise, pass). */
  mayHold(tokens: Tokens, i: number): boolean {
    if (i < 0 || i >= tokens.count || (tokens.flags[i] as number) & ODD_CHARACTERS) return true;
    const start = tokens.start[i] as number;
    const length = (tokens.end[i] as number) - start;
    const slot = this.slotOf(tokens.folded.charCodeAt(start), length > 1 ? tokens.folded.charCodeAt(start + 1) : 0, tokens.folded.charCodeAt(start + length - 1));
    return ((this.slots[slot] as number) & lengthBit(length)) !== 0;
  }

  private slotOf(first: number, second: number, last: number): number {
    return ((first * 131) ^ second ^ (last * 7919)) & (this.slots.length - 1);
  }
}

const lengthBit = (length: number) => 1 << Math.min(length, 31);
