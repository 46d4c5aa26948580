import { describe, expect, it } from 'vitest';
import { found } from '../support/found';

describe('spelling variants of one name (utils/entities/variants.ts)', () => {
  it('groups every romanization of a listed person under the list’s key, and the Hangul form beside it', () => {
    const text = 'The leader, Kim Chŏng-ŭn (김정은), spoke. Later Kim Jeong-eun left. Kim Jong-un returned.';
    const people = found(text).filter((s) => s.type === 'PERSON');
    expect(people.map((s) => s.text)).toEqual(['Kim Chŏng-ŭn', '김정은', 'Kim Jeong-eun', 'Kim Jong-un']);
    expect(new Set(people.map((s) => s.key))).toEqual(new Set(['Kim Jong Un']));
  });

  it('finds a listed place under a romanization the list does not spell out', () => {
    const spans = found('Officials met in Pyeongyang and then in Seongcheon County.');
    expect(spans).toContainEqual({ text: 'Pyeongyang', type: 'PLACE', key: 'Pyongyang' });
    expect(spans.find((s) => s.text === 'Seongcheon County')?.type).toBe('PLACE');
  });

  it('gives unlisted variants the key the document uses most', () => {
    const text = 'Ri Chol Gwang said. Ri Chol-gwang added. Ri Ch’ŏl-kwang, a senior official, left.';
    const keys = new Set(found(text).filter((s) => s.type === 'PERSON').map((s) => s.key));
    expect(keys.size).toBe(1);
  });

  it('joins the Wade–Giles spelling of a listed Chinese leader to the list’s pinyin', () => {
    const spans = found("Teng Hsiao-p'ing left. Mao Tse-tung said so. President Hsi Chin-p'ing said more.").filter((s) => s.type === 'PERSON');
    expect(spans.map((s) => s.key)).toEqual(['Deng Xiaoping', 'Mao Zedong', 'Xi Jinping']);
  });

  it('joins Arabic spellings of one person', () => {
    const spans = found('Mohammed el-Baradei said so. Later, Muhammad al-Baradei said more.').filter((s) => s.type === 'PERSON');
    expect(spans).toHaveLength(2);
    expect(spans[0]!.key).toBe(spans[1]!.key);
  });

  it('does not join two places named side by side with "and"', () => {
    const spans = found('Works began in Songchon County and Kimhwa County. Pak Pong Ju and Park Bong-ju spoke.');
    expect(spans.filter((s) => s.type === 'PLACE').map((s) => s.text)).toEqual(['Songchon County', 'Kimhwa County']);
    expect(spans.some((s) => s.text.includes(' and '))).toBe(false);
  });
});
