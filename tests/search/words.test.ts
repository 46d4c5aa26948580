import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { searchTokens } from '@/utils/search/tokens';
import { MAX_PAIRS, MAX_WORD_LENGTH, MAX_WORDS, indexWords, matchesWord, outletKey, queryWords, smallWordPairs } from '@/utils/search/words';

function annotation(exact: string, note = '', tags: string[] = []): Pick<AnnotationRecord, 'quote' | 'note' | 'tags'> {
  return { quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, note, tags };
}

/** The stored words, without the pairs of small words (tested apart, below). */
const words = (exact: string) => indexWords(annotation(exact)).filter((key) => !key.startsWith('\u0002'));

/** True when every query word is a prefix of a stored word: how the search matches. */
function finds(stored: string[], query: string): boolean {
  const asked = queryWords(query);
  return asked.length > 0 && asked.every((word) => stored.some((key) => matchesWord(key, word)));
}

describe('search/tokens', () => {
  it('folds case, diacritics and a few letters written out', () => {
    const folded = searchTokens('São Paulo ÆRØ Straße İstanbul Ελληνικός ＳＥＯＵＬ ﬁnal').map((token) => token.text);
    expect(folded).toEqual(['sao', 'paulo', 'aero', 'strasse', 'istanbul', 'ελληνικοσ', 'seoul', 'final']);
  });

  it('keeps offsets in the original text', () => {
    const text = 'Café — “Kim Jong‐un’s” visit';
    expect(searchTokens(text).map(({ text: t, start, end, join }) => [t, text.slice(start, end), join])).toEqual([
      ['cafe', 'Café', ''],
      ['kim', 'Kim', ''],
      ['jong', 'Jong', ''],
      ['un', 'un', '-'],
      ['visit', 'visit', ''],
    ]);
  });

  it('reads a decomposed accent as part of its letter', () => {
    expect(searchTokens('Cafe\u0301 ok').map((t) => t.text)).toEqual(['cafe', 'ok']);
  });
});

describe('search/words', () => {
  it('lowercases, folds diacritics and drops stop words and one-letter words', () => {
    expect(words('The Élysée said a word to São Tomé')).toEqual(['elysee', 'said', 'word', 'sao', 'tome']);
  });

  it('finds a name with or without its possessive', () => {
    const stored = words("Pyongyang's new plan and the parties’ line");
    expect(stored).toEqual(['pyongyang', 'new', 'plan', 'parties', 'line']);
    expect(finds(stored, "Pyongyang's")).toBe(true);
    expect(finds(stored, 'pyongyang’s')).toBe(true);
  });

  it('finds a hyphenated name by its parts, spaced or joined', () => {
    const stored = words('Kim Jong-un inspected');
    expect(stored).toEqual(['kim', 'jong', 'un', 'jongun', 'inspected']);
    for (const query of ['Kim Jong-un', 'kim jong un', 'Jongun', 'jong', 'Un']) expect(finds(stored, query)).toBe(true);
    expect(queryWords('Kim Jong-un')).toEqual(['kim', 'jong', 'un']);
  });

  it('finds an apostrophe name whole or by its last part', () => {
    const stored = words("O'Brien and Côte d’Ivoire");
    expect(stored).toEqual(['brien', 'obrien', 'cote', 'ivoire', 'divoire']);
    expect(queryWords("O'Brien")).toEqual(['obrien']);
    expect(finds(stored, 'ivoire')).toBe(true);
    expect(finds(stored, "d'Ivoire")).toBe(true);
  });

  it('reads 20×10 as one word and as its numbers', () => {
    const stored = words('the 20×10 campaign');
    expect(stored).toEqual(['20', '10', '20x10', 'campaign']);
    expect(queryWords('20×10')).toEqual(['20x10']);
    expect(finds(stored, '20x10')).toBe(true);
    expect(finds(stored, '20 10')).toBe(true);
  });

  it('keeps U.S. and similar dotted abbreviations as one word', () => {
    expect(words('U.S. officials')).toEqual(['us', 'officials']);
    expect(finds(words('U.S. officials'), 'U.S.')).toBe(true);
  });

  it('indexes Chinese as bigrams plus each run’s last character, so any substring is found', () => {
    const stored = words('北京大学的学生');
    expect(stored).toEqual(['北京', '京大', '大学', '学的', '的学', '学生', '生']);
    for (const query of ['北京', '大学', '京', '生', '学生', '北京大学']) expect(finds(stored, query)).toBe(true);
    expect(finds(stored, '京北')).toBe(false);
    expect(queryWords('北京大学')).toEqual(['北京', '京大', '大学']);
  });

  it('indexes Korean syllables as bigrams: a noun is found with its particle attached', () => {
    const stored = words('김정은 위원장이 서울에서');
    expect(finds(stored, '서울')).toBe(true);
    expect(finds(stored, '위원장')).toBe(true);
    expect(finds(stored, '김정은')).toBe(true);
    expect(finds(stored, '부산')).toBe(false);
  });

  it('indexes mixed Japanese and Latin runs separately', () => {
    expect(words('G7サミット')).toEqual(['g7', 'サミ', 'ミッ', 'ット', 'ト']);
  });

  it('folds Arabic diacritics and letter variants, and finds a word without its article', () => {
    const stored = words('وَقَالَتِ الحُكومةُ السورية إنّ');
    expect(stored).toEqual(expect.arrayContaining(['وقالت', 'الحكومه', 'حكومه', 'السوريه', 'سوريه']));
    expect(finds(stored, 'حكومة')).toBe(true);
    expect(finds(stored, 'الحكومة')).toBe(true);
    expect(finds(stored, 'وزير')).toBe(false);
    expect(finds(stored, 'أن')).toBe(true); // إنّ and أن fold alike: hamza and shadda are dropped
    expect(finds(words('أحمد'), 'احمد')).toBe(true);
  });

  it('takes words from tags, outlet, title, quote and note, each once', () => {
    const stored = indexWords(annotation('Seoul talks', 'seoul again', ['Diplomacy', 'inter-Korean']), { title: 'Talks resume', siteName: 'Yonhap' });
    expect(stored).toEqual([outletKey('Yonhap'), 'diplomacy', 'inter', 'korean', 'interkorean', 'yonhap', 'talks', 'resume', 'seoul', 'again']);
  });

  it('stores one key for the whole outlet, which spellings share and no search word reaches', () => {
    expect(outletKey('BBC News')).toBe(outletKey('bbc  news'));
    expect(outletKey('Al-Jazeera')).toBe(outletKey('Al Jazeera'));
    expect(outletKey('BBC News')).not.toBe(outletKey('BBC'));
    expect(queryWords('\u0001outlet:bbc')).toEqual(['outlet', 'bbc']);
  });

  it('caps the number of words and their length, and queries are cut alike', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ');
    const stored = indexWords(annotation('quote'), { title: many, siteName: null });
    expect(stored).toHaveLength(MAX_WORDS);
    const long = 'x'.repeat(80);
    expect(words(long)).toEqual(['x'.repeat(MAX_WORD_LENGTH)]);
    expect(queryWords(long)).toEqual(['x'.repeat(MAX_WORD_LENGTH)]);
  });

  it('stores two small words side by side as a pair, within one text, after the words', () => {
    const stored = indexWords(annotation('one of the two', 'to a'), { title: 'Talks', siteName: null });
    const pairs = stored.filter((key) => key.startsWith('\u0002'));
    expect(pairs).toEqual(['\u0002of the', '\u0002to a']);
    expect(stored.slice(0, -2)).toEqual(['talks', 'one', 'two']);
    // "the" ends the quote and "to" opens the note: no pair across texts.
    expect(pairs).not.toContain('\u0002the to');
    // No search word reaches a pair.
    expect(finds(stored, 'of')).toBe(false);
    expect(queryWords('\u0002of the')).toEqual([]);
  });

  it('pairs small words only, whatever joins them, one key per position', () => {
    expect(smallWordPairs(searchTokens('in the capital of a region'))).toEqual(['\u0002in the', null, null, '\u0002of a', null]);
    expect(smallWordPairs(searchTokens('U.S. officials'))).toEqual(['\u0002u s', null]);
    expect(smallWordPairs(searchTokens('of 北京'))).toEqual([null, null]);
  });

  it('caps the pairs apart from the words: a long text keeps both', () => {
    const small = ['of', 'the', 'to', 'a', 'in', 'on', 'at', 'by', 'i', 'x', 'is', 'it', 'an', 'as', 'or', 'up', 'we', 'un'];
    const text = small.flatMap((first) => small.map((second) => `${first} ${second} word${first}${second}`)).join(' ');
    const stored = indexWords(annotation(text));
    expect(stored.filter((key) => key.startsWith('\u0002'))).toHaveLength(MAX_PAIRS);
    expect(stored.filter((key) => !key.startsWith('\u0002')).length).toBeGreaterThan(MAX_PAIRS);
  });

  it('tolerates records missing fields (old data in an upgrade)', () => {
    expect(indexWords({}, undefined)).toEqual([]);
    expect(indexWords({ note: 'only a note' } as never, null)).toEqual(['only', 'note']);
  });

  it('matches words of three characters or more as prefixes, shorter ones whole', () => {
    expect(matchesWord('korea', 'kor')).toBe(true);
    expect(matchesWord('un', 'un')).toBe(true);
    expect(matchesWord('unification', 'un')).toBe(false);
    expect(matchesWord('北京', '北')).toBe(true);
  });

  it('asks nothing for a query of stop words, one letter or punctuation', () => {
    expect(queryWords('the a — !!')).toEqual([]);
  });
});
