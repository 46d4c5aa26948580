import { describe, expect, it } from 'vitest';
import { createRecognizer } from '@/utils/entities/recognizer';

const recognizer = createRecognizer();

describe('entities/recognize on bad input', () => {
  it('finds nothing in empty text', () => {
    expect(recognizer.recognize('')).toEqual([]);
    expect(recognizer.recognize('   \n\n  ')).toEqual([]);
  });

  it('survives a 200 KB single "word"', () => {
    const word = 'A' + 'b'.repeat(200 * 1024);
    expect(recognizer.recognize(`${word} said Kim Jong Un.`).some((s) => s.type === 'PERSON')).toBe(true);
  });

  it('survives control characters and mixed scripts, and still finds the names', () => {
    const text = '\u0000\u0007Kim Jong Un\u001b visited 평양 and Москва; \u202eBeijing\u202c agreed. 金正恩 وزير الخارجية.';
    const spans = recognizer.recognize(text);
    const found = spans.map((s) => text.slice(s.start, s.end));
    expect(found).toContain('Kim Jong Un');
    for (const span of spans) expect(span.end).toBeLessThanOrEqual(text.length);
  });

  it('reads 1 MB of Hangul beside romanized names: the Hangul spelling of a name in it is marked, nothing else', () => {
    const hangul = '평양의 날씨는 맑았다 '.repeat(Math.ceil((1024 * 1024) / 11));
    const text = `Kim Jong Un (김정은) and Kim Chŏng-ŭn spoke. ${hangul} 김정은`;
    const spans = recognizer.recognize(text);
    const people = spans.filter((s) => s.type === 'PERSON');
    expect(people.map((s) => text.slice(s.start, s.end))).toEqual(['Kim Jong Un', '김정은', 'Kim Chŏng-ŭn', '김정은']);
    expect(new Set(people.map((s) => s.key))).toEqual(new Set(['Kim Jong Un']));
    for (const span of spans) expect(span.end).toBeLessThanOrEqual(text.length);
  });

  it('answers the same for a text whatever it recognized before (buffers are reused)', () => {
    const short = 'Talks with al-Qaeda failed, said Kim Jong Un';
    const alone = createRecognizer().recognize(short);
    recognizer.recognize('A long text about al-Shabab and al-Qaeda-linked groups, ' + 'and NATO (North Atlantic Treaty Organization) '.repeat(500));
    expect(recognizer.recognize(short)).toEqual(alone);
    expect(recognizer.recognize('Seoul al')).toEqual(createRecognizer().recognize('Seoul al'));
  });

  it('reads 5 MB of text and returns spans inside it', () => {
    const paragraph = 'On Feb. 28 President Barack Obama met officials of the Ministry of National Defence in Seoul. ';
    const text = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
    const spans = recognizer.recognize(text);
    expect(spans.length).toBeGreaterThan(200_000);
    expect(spans.at(-1)!.end).toBeLessThanOrEqual(text.length);
  });

  describe('pages the open-world rules could run away on', () => {
    /** Spans inside the text, in bounded time (generous: the machine is shared). */
    const check = (text: string) => {
      const start = performance.now();
      const spans = recognizer.recognize(text);
      const ms = performance.now() - start;
      for (const span of spans) {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(text.length);
        expect(span.end).toBeGreaterThan(span.start);
      }
      expect(ms).toBeLessThan(5_000);
      return spans;
    };

    it('a page entirely in capitals marks no run of common words as a name', () => {
      const text = 'THE MINISTER SAID ON TUESDAY THAT THE PLAN WOULD GO AHEAD IN SEOUL. '.repeat(2_000);
      const spans = check(text);
      const surfaces = new Set(spans.map((s) => text.slice(s.start, s.end)));
      for (const surface of surfaces) expect(surface.split(' ').length, surface).toBeLessThanOrEqual(2);
    });

    it('a page of title-case lines (a list of headlines) gets no names from capitals alone', () => {
      const lines = Array.from({ length: 3_000 }, (_, i) => `Markets Rally As Traders Weigh Rate Cut Number ${i}`).join('\n');
      const names = check(lines).filter((s) => s.type === 'PERSON' || s.type === 'ORG' || s.type === 'PLACE');
      expect(names).toEqual([]);
    });

    it('a table of 5,000 names, and a text with no sentence punctuation', () => {
      const table = Array.from({ length: 5_000 }, (_, i) => `Zorbo${i} Quentrell\tCEO\tAcme${i} Inc.\t${1990 + (i % 30)}`).join('\n');
      check(table);
      const run = 'the report by Harriet Quimby said rates rose in Oskaloosa County and Zorblax acquired Quentor '.repeat(20_000);
      expect(check(run).length).toBeGreaterThan(20_000);
    });
  });
});
