import { describe, expect, it } from 'vitest';
import { hasPhrase } from '@/utils/search/phrase';
import { asciiStandIn, searchTokens } from '@/utils/search/tokens';

/** The tokenizer's answer, token by token: what hasPhrase must always say. */
function reference(text: string, phrase: readonly string[]): boolean {
  const tokens = searchTokens(text).map((token) => token.text);
  for (let i = 0; i + phrase.length <= tokens.length; i++) if (phrase.every((word, k) => tokens[i + k] === word)) return true;
  return false;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Letters the phrases use, and everything around words the tokenizer treats apart: joiners
// (ASCII and not), possessives, accents precomposed and combining, letters written out (ß, ﬁ),
// numbers that fold to two digits (½), an invisible soft hyphen, CJK, Cyrillic, punctuation.
const PIECES = ['to', 'the', 'up', 'a', 's', 'e', 'fi', 'ss', '12', 'To', 'THE', 'Up', ' ', ' ', ' ', "'", '’', "'s", '’s', '-', '‐', '.', '×', ',', '\n', 'é', 'É', 'e\u0301', '\u0301', 'ß', 'ﬁ', '½', '\u00ad', '北', 'д', '“', '”', '_'];
const WORDS = ['to', 'the', 'up', 'a', 's', 'e', 'fi', 'ss', '12', 'tothe', 'theup'];

describe('search/phrase', () => {
  it('finds a phrase as whole words, whatever stands between them', () => {
    expect(hasPhrase('Pledged to the up-and-coming leader', ['to', 'the', 'up'])).toBe(true);
    expect(hasPhrase('went on to the “Up” stage', ['to', 'the', 'up'])).toBe(true);
    expect(hasPhrase('back to theupper floor', ['to', 'the', 'up'])).toBe(false);
    expect(hasPhrase('onto the up road', ['to', 'the', 'up'])).toBe(false);
    expect(hasPhrase('the Café’s menu changed', ['cafe', 'menu'])).toBe(true);
    expect(hasPhrase('the café’s-owner menu', ['cafe', 'menu'])).toBe(false);
    // A possessive is dropped between two words, unless a joiner continues it.
    expect(hasPhrase('up’s the', ['up', 'the'])).toBe(true);
    expect(hasPhrase('up’s-the', ['up', 'the'])).toBe(false);
    expect(hasPhrase("up's.the", ['up', 's', 'the'])).toBe(true);
  });

  it('answers as the tokenizer does on thousands of texts mixing every kind of character', () => {
    const next = random(20261201);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
    let fast = 0;
    for (let c = 0; c < 20000; c++) {
      const text = Array.from({ length: Math.floor(next() * 24) }, () => pick(PIECES)).join('');
      const phrase = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(WORDS));
      const plain = [...text].every((char) => char.charCodeAt(0) < 128 || asciiStandIn(char.codePointAt(0)!) !== null) && !phrase.includes('s');
      if (plain) fast++;
      expect({ text, phrase, found: hasPhrase(text, phrase) }).toEqual({ text, phrase, found: reference(text, phrase) });
    }
    // Both ways of answering were compared, each on thousands of texts.
    expect(fast).toBeGreaterThan(4000);
    expect(20000 - fast).toBeGreaterThan(4000);
  });

  it('answers as the tokenizer does around possessives and joiners', () => {
    const next = random(7);
    const pieces = ['up', 'the', 's', "'", '’', "'s", '’s', '-', '.', '×', ' ', 'é'];
    for (let c = 0; c < 20000; c++) {
      const text = Array.from({ length: Math.floor(next() * 10) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const phrase = next() < 0.5 ? ['up', 'the'] : ['the', 'up'];
      expect({ text, found: hasPhrase(text, phrase) }).toEqual({ text, found: reference(text, phrase) });
    }
  });

  it('gives the characters above ASCII their stand-ins, or none where only the tokenizer can tell', () => {
    expect(['é', 'ß', 'ﬁ', '½', '\u0301', '’', '×', '“', '\u00a0'].map((char) => asciiStandIn(char.codePointAt(0)!))).toEqual(['e', 'ss', 'fi', '12', '', "'", '.', ' ', ' ']);
    expect(['北', 'д', '\u00ad', 'α'].map((char) => asciiStandIn(char.codePointAt(0)!))).toEqual([null, null, null, null]);
  });
});
