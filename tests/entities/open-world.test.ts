import { describe, expect, it } from 'vitest';
import { createRecognizer } from '@/utils/entities/recognizer';

const recognizer = createRecognizer();
/** [surface, type] of every span but TERM, in text order. */
const marked = (text: string, lang?: string | null) =>
  recognizer
    .recognize(text, { lang })
    .filter((span) => span.type !== 'TERM')
    .map((span) => [text.slice(span.start, span.end), span.type]);

describe('entities/open-world: names no list holds', () => {
  it('marks every mention of a company that the document shows to be one, and its rival', () => {
    const text =
      'Shares of Zorblax Inc. fell on Monday. Zorblax said its customers were safe. Later, Zorblax acquired Quentor, a software company based in Brill. Quentor’s shares rose.';
    expect(marked(text)).toEqual([
      ['Zorblax Inc.', 'ORG'],
      ['Monday', 'DATE'],
      ['Zorblax', 'ORG'],
      ['Zorblax', 'ORG'],
      ['Quentor', 'ORG'],
      ['Quentor', 'ORG'],
    ]);
  });

  it('types a person named in full once and then by surname, hyphenated or possessive, and a place by its head', () => {
    const text =
      'The report was written by Harriet Quimby-Vance, a 54-year-old economist. Quimby-Vance said the figures were clear. She added that Quimby-Vance’s team would return to Lake Tarnow in Oskaloosa County.';
    expect(marked(text)).toEqual([
      ['Harriet Quimby-Vance', 'PERSON'],
      ['Quimby-Vance', 'PERSON'],
      ['Quimby-Vance', 'PERSON'],
      ['Lake Tarnow', 'PLACE'],
      ['Oskaloosa County', 'PLACE'],
    ]);
    const keys = new Set(recognizer.recognize(text).filter((s) => s.type === 'PERSON').map((s) => s.key));
    expect(keys.size).toBe(1);
  });

  it('reads a credit in capitals up to the first common word', () => {
    expect(marked('JANE DOE IS THE SEVEN NETWORK CHIEF REPORTER')).toEqual([
      ['JANE DOE', 'PERSON'],
      ['SEVEN NETWORK', 'ORG'],
    ]);
  });

  it('leaves a name unmarked when the evidence is thin, and capitals of style alone', () => {
    expect(marked('Brill is quiet. We went to Brill once. Awesome Bar Themes Learn More')).toEqual([]);
  });

  it('gives every mention of a name one type: "The priest, Fidelis Okafor, …" and later "Fidelis Okafor" at a sentence start', () => {
    const text = 'The priest, Fidelis Okafor, is a mediator. Fidelis Okafor met the generals on Tuesday.';
    expect(marked(text)).toEqual([
      ['Fidelis Okafor', 'PERSON'],
      ['Fidelis Okafor', 'PERSON'],
      ['Tuesday', 'DATE'],
    ]);
  });
});

describe('entities: dates in words', () => {
  it('reads relative months, holidays, centuries and decades', () => {
    expect(marked('He came last March and left in May, before Christmas Eve; in the 19th century, the 1990s, on New Year’s Day and at Easter. May we go?')).toEqual([
      ['last March', 'DATE'],
      ['May', 'DATE'],
      ['Christmas Eve', 'DATE'],
      ['19th century', 'DATE'],
      ['1990s', 'DATE'],
      ['New Year’s Day', 'DATE'],
      ['Easter', 'DATE'],
    ]);
  });
});

describe('entities: pages in other languages', () => {
  const french = 'Laurent Fabius a déclaré jeudi que l’Airbus, arrivé mardi 5 mai 2015 à Katmandou, repartirait samedi.';

  it('marks dates only on a French page (names are recognized in English only)', () => {
    expect(marked(french, 'fr')).toEqual([
      ['jeudi', 'DATE'],
      ['mardi 5 mai 2015', 'DATE'],
      ['samedi', 'DATE'],
    ]);
    expect(marked('Der Bundestag tagte am 3. Mai in Berlin.', 'de-DE').filter(([, type]) => type !== 'DATE')).toEqual([]);
  });

  it('reads names on a page that says it is English, or says nothing', () => {
    for (const lang of ['en-GB', null, undefined, '']) expect(marked('Talks in Seoul went on, said Kim Jong Un.', lang).map(([, type]) => type)).toContain('PERSON');
  });
});
