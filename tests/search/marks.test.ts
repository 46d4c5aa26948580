import { describe, expect, it } from 'vitest';
import { markMatches } from '@/utils/search/marks';

/** The marked parts, in brackets. */
function marked(text: string, words: string[]): string {
  const segments = markMatches(text, words);
  expect(segments.map((s) => s.text).join('')).toBe(text);
  return segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');
}

describe('search/marks', () => {
  it('marks a word whatever its case', () => {
    expect(marked('Talks in Seoul, then SEOUL again', ['seoul'])).toBe('Talks in [Seoul], then [SEOUL] again');
  });

  it('marks the name and not its possessive', () => {
    expect(marked("Pyongyang's answer", ['pyongyang'])).toBe("[Pyongyang]'s answer");
  });

  it('marks the whole word a prefix matched', () => {
    expect(marked('The inspection was inspected', ['inspect'])).toBe('The [inspection] was [inspected]');
  });

  it('marks across diacritics and folded letters', () => {
    expect(marked('São Paulo and Straße', ['sao', 'strasse'])).toBe('[São] Paulo and [Straße]');
    expect(marked('Sao Paulo', ['São'])).toBe('[Sao] Paulo');
  });

  it('marks hyphenated names by part or whole', () => {
    expect(marked('Kim Jong-un spoke', ['jong'])).toBe('Kim [Jong]-un spoke');
    expect(marked('Kim Jong-un spoke', ['jong', 'un'])).toBe('Kim [Jong]-[un] spoke');
    expect(marked('Kim Jong-un spoke', ['Jong-un'])).toBe('Kim [Jong]-[un] spoke');
    expect(marked('Kim Jong-un spoke', ['jongun'])).toBe('Kim [Jong-un] spoke');
  });

  it('marks 20×10 for either spelling', () => {
    expect(marked('the 20×10 plan', ['20x10'])).toBe('the [20×10] plan');
    expect(marked('the 20×10 plan', ['10'])).toBe('the 20×[10] plan');
  });

  it('marks CJK characters where they stand', () => {
    expect(marked('北京大学和北京', ['北京'])).toBe('[北京]大学和[北京]');
    expect(marked('北京大学', ['北京大学'])).toBe('[北京大学]');
    expect(marked('서울에서 만났다', ['서울'])).toBe('[서울]에서 만났다');
  });

  it('marks Arabic words found without their article', () => {
    expect(marked('قالت الحكومة', ['حكومة'])).toBe('قالت [الحكومة]');
  });

  it('leaves stop words unmarked even when a prefix reaches them', () => {
    expect(marked('this thing', ['thi'])).toBe('this [thing]');
  });

  it('marks a two-letter word only where it stands whole', () => {
    expect(marked('The UN and unification', ['un'])).toBe('The [UN] and unification');
  });

  it('returns the text unmarked without words, and nothing for no text', () => {
    expect(markMatches('plain text', [])).toEqual([{ text: 'plain text', match: false }]);
    expect(markMatches('', ['x'])).toEqual([]);
  });
});
