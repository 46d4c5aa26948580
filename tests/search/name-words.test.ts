import { describe, expect, it } from 'vitest';
import { MAX_NAME_WORDS, matchesName, nameQuery, nameWords, summaryWords } from '@/utils/search/name-words';
import { MAX_WORD_LENGTH, queryWords } from '@/utils/search/words';

/** True when a name with these spellings is found by `query`. */
const finds = (spellings: string[], query: string) => {
  const asked = nameQuery(query);
  return asked.length > 0 && matchesName(nameWords(spellings), asked);
};

describe('search/name-words', () => {
  it('finds a name by the start of any of its words, folded', () => {
    const songchon = ['Songchon County'];
    expect(finds(songchon, 'Songch')).toBe(true);
    expect(finds(songchon, 'county songchon')).toBe(true);
    expect(finds(songchon, 'SONGCHŎN')).toBe(true);
    expect(finds(songchon, 'chon')).toBe(false); // a word's inside is not its start
    expect(finds(songchon, 'songchon province')).toBe(false); // every word asked must be there
  });

  it('finds a compound by its parts, written together or apart, and a spelling with diacritics folded', () => {
    const kim = ['Kim Jong Un', 'Kim Jong-un', 'Kim Chŏng-ŭn'];
    expect(finds(kim, 'jong un')).toBe(true);
    expect(finds(kim, 'jong-un')).toBe(true);
    expect(finds(kim, 'jongun')).toBe(true);
    expect(finds(kim, 'Chŏng')).toBe(true);
    expect(finds(kim, 'chong un')).toBe(true);
    expect(finds(['Kim Jong Un'], 'jongun')).toBe(false); // written apart in every spelling: no whole to find
  });

  it('counts the short words and stop words the library search leaves out', () => {
    expect(finds(['Ri Il Hwan'], 'ri il')).toBe(true);
    expect(finds(['Ministry of Foreign Affairs'], 'ministry of')).toBe(true);
    expect(finds(['U.S. Forces Korea'], 'u')).toBe(true);
    expect(finds(['U.S. Forces Korea'], 'u.s. forces')).toBe(true);
    expect(finds(['Ministry of Foreign Affairs'], 'k')).toBe(false);
    // The library search asks none of those words.
    expect(queryWords('of u')).toEqual([]);
    expect(nameQuery('ri of u')).toEqual(['of', 'ri', 'u']);
  });

  it('finds a Hangul or Chinese spelling by any part of a run, but not across a space', () => {
    const kim = ['Kim Jong Un', '김정은', '金正恩'];
    for (const part of ['김', '김정', '정은', '은', '김정은', '金正', '正恩', '金正恩']) expect(finds(kim, part), part).toBe(true);
    expect(finds(kim, '정김')).toBe(false);
    expect(finds(['김 정은'], '김정은')).toBe(false);
    expect(finds(['김 정은'], '김 정은')).toBe(true);
  });

  it('asks each word once, the longest first, leaving out a word that begins another', () => {
    expect(nameQuery('kim k Kim JONG')).toEqual(['jong', 'kim']);
    expect(nameQuery('Kim Jong-un')).toEqual(['jong', 'kim', 'un']);
  });

  it('asks nothing for a query of punctuation or white space', () => {
    expect(nameQuery('')).toEqual([]);
    expect(nameQuery('  ?!… — “” ·')).toEqual([]);
  });

  it('reads at most 200 characters of a query, and cuts long words as it stores them', () => {
    const long = nameQuery(`${'x'.repeat(100)} ${'word '.repeat(200)}`);
    expect(long).toEqual(['x'.repeat(MAX_WORD_LENGTH), 'word']);
    expect(finds(['Mr ' + 'x'.repeat(100)], 'x'.repeat(100))).toBe(true);
    const many = nameQuery(Array.from({ length: 300 }, (_, i) => `w${i}`).join(' '));
    expect(many.length).toBeLessThan(70);
  });

  it('stores at most MAX_NAME_WORDS words for a key, its name’s first', () => {
    const words = summaryWords({ name: 'Kim Jong Un', variants: Array.from({ length: 30 }, (_, i) => `Spelling${i} Other${i} Third${i} Fourth${i}`) });
    expect(words).toHaveLength(MAX_NAME_WORDS);
    expect(words.slice(0, 3)).toEqual(['kim', 'jong', 'un']);
  });
});
