/**
 * Words of a text with offsets and what the recognizer needs to know of each: capitalization,
 * sentence starts, possessives, and what stands between it and the previous word. Hyphens and
 * other punctuation separate words ("Jong-un" is "Jong" + "un"), so "Kim Jong-un" and
 * "Kim Jong Un" read alike; a trailing possessive ('s, ’s) is split off the word.
 */
import { fold } from './fold';

export const CAP = 1; // first letter upper case
export const UPPER = 2; // two or more letters, all upper case
export const DIGIT = 4; // starts with a digit
export const SENTENCE = 8; // first word of a sentence, line or text
export const POSSESSIVE = 16; // followed by 's / ’s (not part of the word)
export const HYPHEN_BEFORE = 32; // joined to the previous word by a hyphen
export const LINE_START = 64; // first word of a line (paragraph)

export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** The folded word (see fold.ts), without a trailing possessive. */
  word: string[];
  flags: Uint8Array;
  /** Characters of possessive ('s, ’s, ') after each word, outside it. */
  tail: Uint8Array;
  /** The folded text, and the text itself. */
  folded: string;
  text: string;
}

/** What stands between word `i - 1` (with its possessive) and word `i`. */
export function gapBefore(tokens: Tokens, i: number): string {
  return tokens.folded.slice((tokens.end[i - 1] as number) + (tokens.tail[i - 1] as number), tokens.start[i]);
}

const WORD = /[\p{L}\p{N}\p{M}\u00ad]+(?:['.][\p{L}\p{N}\p{M}\u00ad]+)*/gu;
const SENTENCE_END = /[.!?:;"“”\n—–]|^$/;

/** Abbreviations whose period belongs to the word ("Mr.", "Feb.", "Gen."). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj',
  'adm', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'ltd', 'co', 'corp', 'no', 'vol', 'mt', 'ft',
]);

function isUpper(code: number, char: string): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

export function tokenize(text: string): Tokens {
  const folded = fold(text);
  const capacity = Math.max(16, Math.ceil(text.length / 5));
  let start = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  let flags = new Uint8Array(capacity);
  let tail = new Uint8Array(capacity);
  const word: string[] = [];
  let count = 0;
  let previousEnd = 0;
  let previousAbbreviation = false;

  WORD.lastIndex = 0;
  for (let match = WORD.exec(folded); match; match = WORD.exec(folded)) {
    const from = match.index;
    let to = from + match[0].length;
    let value = match[0];
    let flag = 0;
    let possessive = 0;
    const gap = folded.slice(previousEnd, from); // previousEnd is after any possessive
    const periodEnded = !previousAbbreviation && previousEnd > 0 && folded.charCodeAt(previousEnd - 1) === 46;
    if (count === 0 || SENTENCE_END.test(gap) || (periodEnded && gap.length > 0)) flag |= SENTENCE;
    if (count === 0 || gap.includes('\n')) flag |= LINE_START;
    if (gap === '-' || gap === '\u2010' || gap === '\u2011') flag |= HYPHEN_BEFORE;

    if (value.length > 2 && value.endsWith("'s")) {
      value = value.slice(0, -2);
      to -= 2;
      flag |= POSSESSIVE;
      possessive = 2;
    } else if (folded.charCodeAt(to) === 39 /* ' */ && value.endsWith('s') && !/\p{L}/u.test(folded[to + 1] ?? '')) {
      flag |= POSSESSIVE; // plural possessive: "parties'"
      possessive = 1;
    }
    previousAbbreviation = false;
    if (folded.charCodeAt(to) === 46 /* . */ && (ABBREVIATIONS.has(value) || value.length === 1 || value.includes('.'))) {
      previousAbbreviation = ABBREVIATIONS.has(value) || value.length === 1;
      to += 1;
      value += '.';
    }
    if (value.includes('\u00ad')) value = value.replaceAll('\u00ad', '');

    const firstCode = text.charCodeAt(from);
    const first = text[from] as string;
    if (firstCode >= 48 && firstCode <= 57) flag |= DIGIT;
    else if (isUpper(firstCode, first)) {
      flag |= CAP;
      const original = text.slice(from, to);
      if (original.length >= 2 && original === original.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(original)) flag |= UPPER;
    }

    if (count === start.length) {
      const grow = (array: Int32Array) => {
        const next = new Int32Array(array.length * 2);
        next.set(array);
        return next;
      };
      start = grow(start);
      end = grow(end);
      const growBytes = (array: Uint8Array) => {
        const next = new Uint8Array(array.length * 2);
        next.set(array);
        return next;
      };
      flags = growBytes(flags);
      tail = growBytes(tail);
    }
    start[count] = from;
    end[count] = to;
    flags[count] = flag;
    tail[count] = possessive;
    word.push(value);
    count++;
    previousEnd = to + possessive;
  }
  return { count, start, end, word, flags, tail, folded, text };
}
