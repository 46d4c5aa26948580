import { describe, expect, it } from 'vitest';
import { arabicKey, chineseFamilyFirst, chineseKey, hangulToLatin, koreanKey } from '@/utils/entities/romanize';

describe('koreanKey (utils/entities/romanize.ts)', () => {
  it('gives a person the same key in every romanization, and in Hangul', () => {
    const spellings = ['Kim Jong Un', 'Kim Jong-un', 'Kim Jong-Un', 'Kim Chŏng-ŭn', "Kim Ch'ong-un", 'Kim Jeong-eun', 'Kim Jongun', '김정은'];
    const keys = new Set(spellings.map((name) => koreanKey(name, true)));
    expect([...keys]).toEqual(['kim chonkun']);
  });

  it('joins the English spellings of a family name', () => {
    expect(koreanKey('Park Bong-ju', true)).toBe(koreanKey('Pak Pong Ju', true));
    expect(koreanKey('Lee Pyong Chol', true)).toBe(koreanKey('Ri Pyong Chol', true));
    expect(koreanKey('Choi Son Hui', true)).toBe(koreanKey('Choe Son Hui', true));
  });

  it('gives a place one key across systems, with its English head word kept', () => {
    expect(new Set(['Pyongyang', "P'yŏngyang", 'Pyeongyang', 'Phyongyang', '평양'].map((name) => koreanKey(name, false))).size).toBe(1);
    expect(koreanKey("Sŏngch'ŏn County", false)).toBe(koreanKey('Songchon County', false));
    expect(koreanKey('Seongcheon County', false)).toBe('sonkchon county');
    expect(koreanKey('Songchon County', false)).not.toBe(koreanKey('Songchon', false));
  });

  it('keeps different names apart', () => {
    expect(koreanKey('Kim Jong Un', true)).not.toBe(koreanKey('Kim Jong Il', true));
    expect(koreanKey('Kim Yo Jong', true)).not.toBe(koreanKey('Kim Jong Un', true));
    expect(koreanKey('Kaesong', false)).not.toBe(koreanKey('Kangso', false));
  });

  it('has no key for names that no romanization of Korean spells', () => {
    for (const name of ['Mohammed', 'Georgia', 'Smith', 'Christchurch', 'Kim Smith']) expect(koreanKey(name, name.includes(' '))).toBeNull();
    expect(koreanKey('Kim', true)).toBeNull(); // a family name alone is not one person
  });

  it('reads Hangul syllables in Revised Romanization', () => {
    expect(hangulToLatin('김정은')).toBe('gimjeongeun');
    expect(hangulToLatin('평양 (Pyongyang)')).toBe('pyeongyang (Pyongyang)');
  });
});

describe('chineseKey (utils/entities/romanize.ts)', () => {
  it('gives pinyin and Wade–Giles one key', () => {
    const pairs = [['Mao Zedong', 'Mao Tse-tung'], ['Xi Jinping', "Hsi Chin-p'ing"], ['Deng Xiaoping', "Teng Hsiao-p'ing"], ['Zhou Enlai', 'Chou En-lai'], ['Jiang Zemin', 'Chiang Tse-min'], ['Zhao Ziyang', 'Chao Tzu-yang']];
    for (const [pinyin, wadeGiles] of pairs) expect(chineseKey(pinyin as string), pinyin).toBe(chineseKey(wadeGiles as string));
    expect(chineseKey('Xi Jinping')).not.toBe(chineseKey('Li Keqiang'));
  });

  it('knows a Chinese family name in either system, and nothing else', () => {
    expect(chineseFamilyFirst("Hsi Chin-p'ing")).toBe(true);
    expect(chineseFamilyFirst('Deng Xiaoping')).toBe(true);
    expect(chineseFamilyFirst('Barack Obama')).toBe(false);
  });
});

describe('arabicKey (utils/entities/romanize.ts)', () => {
  it('joins al-/el- and the spellings of Muhammad', () => {
    expect(arabicKey('Mohammed el-Baradei')).toBe(arabicKey('Muhammad al-Baradei'));
    expect(arabicKey('Mohamed ElBaradei')).not.toBe(arabicKey('Ahmed Ali'));
  });
});
