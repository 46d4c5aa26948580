/**
 * Spelling variants of one name grouped under one key (romanize.ts): "Kim Jong Un", "Kim
 * Jong-un", "Kim Chŏng-ŭn" and "김정은" in one document are one person; "P'yŏngyang" and
 * "Pyeongyang" are the listed Pyongyang. A variant takes a list's key when the list holds the
 * name under another spelling, else the key of the spelling the document uses most.
 */
import type { Candidate } from './names';
import { arabicKey, chineseFamilyFirst, chineseKey, isHangul, koreanKey } from './romanize';
import { CAP, wordAt, type Tokens } from './tokenize';
import type { EntitySpan, EntityType } from './types';

/** The key a list gives a name by its spelling key, if any. */
export type RomanizedLookup = (type: EntityType, spellingKey: string) => string | undefined;

const NAME_TYPES = new Set<EntityType>(['PERSON', 'ORG', 'PLACE']);
/** A romanization's marks in a folded word: breves, an aspiration apostrophe, RR's eo and eu. */
const ROMANIZED = /[ŏŭǒǔ]|[ptk]'|ch'|eo|eu/;

/**
 * Whether `word` holds what ROMANIZED looks for (an apostrophe, "eo" or "eu", or a letter past
 * ASCII): most words hold none, and a regex test per capitalized word was ~1 % of a call.
 */
function mayBeRomanized(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code === 39 || code >= 128 || (code === 101 && (word.charCodeAt(k + 1) === 111 || word.charCodeAt(k + 1) === 117))) return true;
  }
  return false;
}

/**
 * Single capitalized words left free that are a listed place under another romanization
 * ("Pyeongyang", "Sŏngch'ŏn"): only words that carry a romanization's marks are looked at.
 */
export function romanizedPlaces(tokens: Tokens, capitals: Int32Array, taken: Uint8Array, lookup: RomanizedLookup): Candidate[] {
  const found: Candidate[] = [];
  const flags = tokens.flags;
  // The capitalized words (Tokens.capitals).
  for (const i of capitals) {
    if (taken[i] || !((flags[i] as number) & CAP)) continue;
    const word = wordAt(tokens, i);
    if (!mayBeRomanized(word) || !ROMANIZED.test(word)) continue;
    const spelling = koreanKey(word, false);
    const key = spelling && lookup('PLACE', spelling);
    if (key) found.push({ first: i, last: i, type: 'PLACE', key });
  }
  return found;
}

/**
 * Spelling keys made so far, by type, then name: names come back from page to page. (Asked by
 * `type + name`, a string made per span that each look-up then had to join and hash, it was ~1 %
 * of a call.)
 */
const known = new Map<EntityType, Map<string, string | null>>();
/** Keys in `known`, all types together. */
let knownCount = 0;
const KNOWN_MOST = 20_000;

/** The spelling key of a name of `type`, or null when it has none. */
export function spellingKey(name: string, type: EntityType): string | null {
  let ofType = known.get(type);
  let key = ofType?.get(name);
  if (key === undefined) {
    if (knownCount >= KNOWN_MOST) {
      known.clear();
      knownCount = 0;
      ofType = undefined;
    }
    if (!ofType) known.set(type, (ofType = new Map()));
    ofType.set(name, (key = makeSpellingKey(name, type)));
    knownCount++;
  }
  return key;
}

function makeSpellingKey(name: string, type: EntityType): string | null {
  const korean = koreanKey(name, type === 'PERSON');
  if (korean) return korean;
  if (type === 'PERSON' && chineseFamilyFirst(name)) return `chinese:${chineseKey(name)}`;
  return type === 'PERSON' && /\b(?:[ae]l|ul)[-\s]|\bm[ou]h[ae]mm?[ae]d\b/i.test(name) ? `arabic:${arabicKey(name)}` : null;
}

/**
 * Gives the spellings of one name one key (in place), and marks Hangul words that spell a name
 * the document already has ("Kim Jong Un (김정은)"): returns those new spans.
 */
export function joinVariants(text: string, tokens: Tokens, spans: EntitySpan[], lookup: RomanizedLookup): EntitySpan[] {
  const groups = new Map<string, EntitySpan[]>();
  for (const span of spans) {
    if (!NAME_TYPES.has(span.type)) continue;
    const surface = text.slice(span.start, span.end);
    const spelling = spellingKey(surface, span.type);
    if (!spelling) continue;
    const id = `${span.type}:${spelling}`;
    const group = groups.get(id);
    if (group) group.push(span);
    else groups.set(id, [span]);
  }
  for (const [id, group] of groups) {
    const type = group[0]!.type;
    const listed = lookup(type, id.slice(type.length + 1));
    const key = listed ?? mostUsedKey(group);
    for (const span of group) span.key = key;
  }
  return hangulMentions(text, tokens, groups);
}

function mostUsedKey(group: readonly EntitySpan[]): string {
  const count = new Map<string, number>();
  let best = group[0]!.key;
  for (const span of group) {
    const n = (count.get(span.key) ?? 0) + 1;
    count.set(span.key, n);
    if (n > (count.get(best) ?? 0)) best = span.key;
  }
  return best;
}

/** Hangul words (the text's words that open in Hangul) whose reading is a spelling key in `groups`. */
function hangulMentions(text: string, tokens: Tokens, groups: ReadonlyMap<string, EntitySpan[]>): EntitySpan[] {
  const found: EntitySpan[] = [];
  // Most pages have no Hangul (the tokenizer counts the words that open with it): their ~170,000 words per MB are not read again.
  if (!groups.size || tokens.hangul === 0) return found;
  // A page's Hangul repeats its words: each is read once.
  const seen = new Map<string, { type: EntityType; key: string } | null>();
  // Read in the folded text, one kind of string whatever the page's is (Hangul has no case: its
  // characters are the text's), where a read of the text's cost ~70 instructions a word in Node 20.
  const folded = tokens.folded;
  for (let i = 0; i < tokens.count; i++) {
    const k = tokens.start[i] as number;
    if (!isHangul(folded.charCodeAt(k))) continue;
    let end = k + 1;
    while (end < (tokens.end[i] as number) && isHangul(folded.charCodeAt(end))) end++;
    const word = text.slice(k, end);
    let hit = seen.get(word);
    if (hit === undefined) {
      hit = null;
      for (const type of ['PERSON', 'PLACE', 'ORG'] as const) {
        const group = groups.get(`${type}:${koreanKey(word, type === 'PERSON')}`);
        if (group) {
          hit = { type, key: group[0]!.key };
          break;
        }
      }
      seen.set(word, hit);
    }
    if (hit) found.push({ start: k, end, ...hit });
  }
  return found;
}
