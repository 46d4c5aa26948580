/**
 * Names and terms looked up word by word: every entry is tokenized like the text, indexed by its
 * first word, and matched longest first. Proper names match only with their capitals ("UN" is not
 * "un", "Party" not "party"); terms match in any case, and their last word also in the plural.
 * Between the words of an entry the text may have spaces or hyphens (and commas, for terms).
 */
import { CAP, ODD_CHARACTERS, UPPER, plainGap, tokenize, wordAt, type Tokens } from './tokenize';
import type { EntityType } from './types';

export interface Phrase {
  words: string[];
  /** Per word: capitalized (1), all capitals (2), exactly as written (3: "LeT", "iPhone"), or any case (0). */
  caps: Uint8Array;
  /** The words as written, for those that must match exactly. */
  written: string[];
  type: EntityType;
  key: string;
  list?: string;
}

export interface PhraseMatch {
  phrase: Phrase;
  /** Number of text words matched. */
  length: number;
}


export class PhraseIndex {
  private readonly byFirst = new Map<string, Phrase[]>();
  /** Buckets added to since they were last sorted longest first (sorted on first use). */
  private readonly unsorted = new Set<string>();
  /**
   * A cheap first test, before any string is made: per pair of first characters, a bit for each
   * length of a first word that begins with them.
   */
  private readonly starts = new Uint32Array(1 << 16);
  size = 0;

  /** Adds `name` (a proper name unless `type` is TERM). Returns false for a name with no words. */
  add(name: string, type: EntityType, key: string, list?: string): boolean {
    const tokens = tokenize(name);
    if (tokens.count === 0) return false;
    const caps = new Uint8Array(tokens.count);
    const written: string[] = [];
    if (type !== 'TERM') {
      for (let i = 0; i < tokens.count; i++) {
        const flags = tokens.flags[i] as number;
        const original = name.slice(tokens.start[i], tokens.end[i]);
        written.push(original);
        if (/\p{Ll}.*\p{Lu}/u.test(original)) caps[i] = 3;
        else caps[i] = flags & UPPER && wordAt(tokens, i).replace(/\./g, '').length <= 5 ? 2 : flags & CAP ? 1 : 0;
      }
    }
    const phrase: Phrase = { words: Array.from({ length: tokens.count }, (_, k) => wordAt(tokens, k)), caps, written, type, key, list };
    const first = phrase.words[0] as string;
    this.starts[startSlot(first.charCodeAt(0), first.charCodeAt(1))]! |= lengthBit(first.length);
    const bucket = this.byFirst.get(first);
    if (bucket) bucket.push(phrase);
    else this.byFirst.set(first, [phrase]);
    this.unsorted.add(first);
    this.size++;
    return true;
  }

  /** Sorts, longest first, every bucket added to since the last match. */
  private sortBuckets(): void {
    for (const first of this.unsorted) this.byFirst.get(first)?.sort((a, b) => b.words.length - a.words.length);
    this.unsorted.clear();
  }

  /** The longest entry starting at word `i` of `tokens`, or null. */
  match(tokens: Tokens, i: number): PhraseMatch | null {
    const from = tokens.start[i] as number;
    const length = (tokens.end[i] as number) - from;
    if (!((tokens.flags[i] as number) & ODD_CHARACTERS)) {
      const slot = startSlot(tokens.folded.charCodeAt(from), length > 1 ? tokens.folded.charCodeAt(from + 1) : NaN);
      if (!((this.starts[slot] as number) & lengthBit(length))) return null;
    }
    const first = wordAt(tokens, i);
    const bucket = this.byFirst.get(first);
    if (!bucket) return null;
    if (this.unsorted.size) this.sortBuckets();
    for (const phrase of bucket) {
      if (matches(phrase, tokens, i)) return { phrase, length: phrase.words.length };
    }
    return null;
  }
}

function matches(phrase: Phrase, tokens: Tokens, i: number): boolean {
  const n = phrase.words.length;
  if (i + n > tokens.count) return false;
  const term = phrase.type === 'TERM';
  for (let k = 0; k < n; k++) {
    const at = i + k;
    const word = wordAt(tokens, at);
    const want = phrase.words[k] as string;
    if (word !== want && !(term && k === n - 1 && isPlural(word, want))) return false;
    const need = phrase.caps[k] as number;
    const flags = tokens.flags[at] as number;
    if (need === 1 && !(flags & CAP)) return false;
    if (need === 2 && !(flags & UPPER)) return false;
    if (need === 3 && tokens.text.slice(tokens.start[at], tokens.end[at]) !== phrase.written[k]) return false;
    if (k > 0 && !plainGap(tokens, at, 3, true, term)) return false;
  }
  return true;
}

const startSlot = (first: number, second: number) => ((first * 131) ^ (second || 0)) & 0xffff;
const lengthBit = (length: number) => 1 << Math.min(length, 31);

function isPlural(word: string, singular: string): boolean {
  if (word.length <= singular.length) return false;
  if (word === singular + 's' || word === singular + 'es') return true;
  return singular.endsWith('y') && word === singular.slice(0, -1) + 'ies';
}
