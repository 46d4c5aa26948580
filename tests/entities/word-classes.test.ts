import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES, CONNECTORS, NAME_PARTICLES, ORG_HEADS, PLACE_HEADS, POSTAL_CODES, SENTENCE_WORDS, STATE_ABBREVIATIONS, TITLES } from '@/utils/entities/keywords';
import { tokenize, wordAt } from '@/utils/entities/tokenize';
import { ARTICLE, CONNECTOR, NAME_PARTICLE, ORG_HEAD, PLACE_HEAD, POSTAL_CODE, SENTENCE_WORD, STATE_ABBREVIATION, TITLE, classesAt, inClass, wordClass } from '@/utils/entities/word-classes';
import { SHARED } from '../../scripts/lib/paths.mjs';

const LISTS: [string, number, ReadonlySet<string>][] = [
  ['TITLES', TITLE, TITLES],
  ['SENTENCE_WORDS', SENTENCE_WORD, SENTENCE_WORDS],
  ['ARTICLES', ARTICLE, ARTICLES],
  ['ORG_HEADS', ORG_HEAD, ORG_HEADS],
  ['PLACE_HEADS', PLACE_HEAD, PLACE_HEADS],
  ['CONNECTORS', CONNECTOR, CONNECTORS],
  ['NAME_PARTICLES', NAME_PARTICLE, NAME_PARTICLES],
  ['STATE_ABBREVIATIONS', STATE_ABBREVIATION, new Set(STATE_ABBREVIATIONS.keys())],
  ['POSTAL_CODES', POSTAL_CODE, new Set(POSTAL_CODES.keys())],
];

describe('entities/word-classes', () => {
  it('answers as each list does, for every word of the seed and of words with odd characters', () => {
    const seed = readFileSync(join(SHARED, 'seed/kcna-songchon-speech.txt'), 'utf8');
    const odd = ' Let’s see: Mr. Kim, the Party’s Ministry of the Interior, al-Bashir and van der Berg met in Ozark, Ala., and Tampa, FL. I’m 20×10 soft\u00adhyphen.';
    const tokens = tokenize(seed + odd, { reuseBuffers: true });
    const disagreements: string[] = [];
    let members = 0;
    for (let i = -1; i <= tokens.count; i++) {
      const word = wordAt(tokens, i);
      for (const [name, bit, list] of LISTS) {
        if (list.has(word)) members++;
        if (inClass(tokens, i, bit) !== list.has(word)) disagreements.push(`${name} ${i} "${word}"`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(members).toBeGreaterThan(1000);
  });

  it('gives each list a bit of its own, and a word the bits of every list it is in', () => {
    const bit = wordClass(['zorblax', 'the']);
    for (const [, other] of LISTS) expect(bit & other).toBe(0);
    const tokens = tokenize('Zorblax met the press.');
    expect(inClass(tokens, 0, bit)).toBe(true);
    expect(classesAt(tokens, 2) & (bit | ARTICLE | SENTENCE_WORD | CONNECTOR)).toBe(bit | ARTICLE | SENTENCE_WORD | CONNECTOR);
    expect(inClass(tokens, 3, ORG_HEAD)).toBe(true);
    expect(inClass(tokens, 1, bit | ARTICLE)).toBe(false);
  });

  it('reads no word of an earlier text into the next one on the same buffers', () => {
    const first = tokenize('The Senate met.', { reuseBuffers: true });
    expect(inClass(first, 0, ARTICLE)).toBe(true);
    const next = tokenize('Senate the met.', { reuseBuffers: true });
    expect(inClass(next, 0, ARTICLE)).toBe(false);
    expect(inClass(next, 1, ARTICLE)).toBe(true);
  });

  it('places past either end of the text in no list', () => {
    const tokens = tokenize('the');
    expect(classesAt(tokens, -1)).toBe(0);
    expect(classesAt(tokens, 1)).toBe(0);
  });
});
