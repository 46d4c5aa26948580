/**
 * Which of the rules' word lists (titles, head words, sentence words…) a text's word is in, as
 * bits: one look-up per word asked about, kept with the text's words (`Tokens.classes`) for the
 * rest of the call, instead of one Set look-up per list per rule. The rules ask about the same
 * capitalized words pass after pass: ~370,000 Set and Map look-ups per MB of text, most of them
 * on keyword lists, each a hash probe on a string.
 *
 * A list gets its bit once, when the module that owns it loads (`wordClass`); words in no list are
 * turned away by their hash (the tokenizer's) before they are made strings.
 */
import { ARTICLES, CONNECTORS, CORPORATE_SUFFIXES, HEADLINE_VERBS, NAME_PARTICLES, ORG_HEADS, ORG_OPENERS, PERSON_TITLES, PLACE_HEADS, PLACE_PREFIXES, POSTAL_CODES, SENTENCE_WORDS, SPEECH_VERBS, STATE_ABBREVIATIONS, TITLES, WORD_NAMES } from './keywords';
import { ODD_CHARACTERS, wordAt, type Tokens } from './tokenize';
import { HashFilter } from './word-hash';

/** The bits of the lists each word is in. */
const classOf = new Map<string, number>();
/**
 * Every word of every list, by hash: ~1,300 words set ~2 % of the bits. (By their first two and
 * last characters and length, a filter read three characters of the text per word asked about.)
 */
const listed = new HashFilter(1 << 16);
/** Bits given so far. The last two are kept: KNOWN, and the sign. */
let given = 0;
/** Set on a word's classes once they are found (a word in no list is KNOWN alone). */
const KNOWN = 1 << 30;

/** A bit of its own for the words of `words` (folded, as `wordAt` makes them); called once per list, at load. */
export function wordClass(words: Iterable<string>): number {
  if (given === 30) throw new Error('word-classes: no bit left for another list');
  const bit = 1 << given++;
  for (const word of words) {
    classOf.set(word, (classOf.get(word) ?? 0) | bit);
    listed.add(word);
  }
  return bit;
}

/** The bits of the lists word `i` of `tokens` is in; 0 past either end. */
export function classesAt(tokens: Tokens, i: number): number {
  if (i < 0 || i >= tokens.count) return 0;
  let classes = tokens.classes[i] as number;
  if (classes === 0) {
    // A word with odd characters reads otherwise folded (wordAt) than its hash says: it is looked up.
    const mayBe = (tokens.flags[i] as number) & ODD_CHARACTERS || listed.mayHold(tokens.hashes[i] as number);
    classes = KNOWN | (mayBe ? (classOf.get(wordAt(tokens, i)) ?? 0) : 0);
    tokens.classes[i] = classes;
  }
  return classes;
}

/** Whether word `i` of `tokens` is in a list of `classes` (one bit or several): `LIST.has(wordAt(tokens, i))`. */
export const inClass = (tokens: Tokens, i: number, classes: number): boolean => (classesAt(tokens, i) & classes) !== 0;

export const TITLE = wordClass(TITLES);
export const SENTENCE_WORD = wordClass(SENTENCE_WORDS);
export const ARTICLE = wordClass(ARTICLES);
export const ORG_HEAD = wordClass(ORG_HEADS);
export const PLACE_HEAD = wordClass(PLACE_HEADS);
export const ORG_OPENER = wordClass(ORG_OPENERS);
export const PERSON_TITLE = wordClass(PERSON_TITLES);
export const CONNECTOR = wordClass(CONNECTORS);
export const NAME_PARTICLE = wordClass(NAME_PARTICLES);
export const WORD_NAME = wordClass(WORD_NAMES);
export const CORPORATE_SUFFIX = wordClass(CORPORATE_SUFFIXES);
export const PLACE_PREFIX = wordClass(PLACE_PREFIXES);
export const HEADLINE_VERB = wordClass(HEADLINE_VERBS);
export const SPEECH_VERB = wordClass(SPEECH_VERBS);
export const STATE_ABBREVIATION = wordClass(STATE_ABBREVIATIONS.keys());
export const POSTAL_CODE = wordClass(POSTAL_CODES.keys());
