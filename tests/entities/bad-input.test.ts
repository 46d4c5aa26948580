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
});
