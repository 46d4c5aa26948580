import { describe, expect, it } from 'vitest';
import { createRecognizer } from '@/utils/entities/recognizer';
import type { EntitySpan, EntityType } from '@/utils/entities/types';

const recognizer = createRecognizer();

/** The spans of `text` as "TYPE:surface" strings, TERMs left out unless asked for. */
function found(text: string, withTerms = false): string[] {
  return recognizer
    .recognize(text)
    .filter((span) => withTerms || span.type !== 'TERM')
    .map((span) => `${span.type}:${text.slice(span.start, span.end)}`);
}
const spansOf = (text: string, type: EntityType): EntitySpan[] => recognizer.recognize(text).filter((s) => s.type === type);

describe('entities/recognize', () => {
  describe('people', () => {
    it('leaves titles and honorifics outside the name', () => {
      expect(found('The respected Comrade Kim Jong Un made a speech.')).toContain('PERSON:Kim Jong Un');
      expect(found('President Barack Obama spoke on Friday.')).toContain('PERSON:Barack Obama');
      expect(found('It was a point Mr. Netanyahu made often.')).toContain('PERSON:Netanyahu');
    });

    it('leaves the possessive outside the name', () => {
      expect(found('That was Netanyahu’s answer to Mr. Netanyahu’s critics.')).toEqual(['PERSON:Netanyahu', 'PERSON:Netanyahu']);
    });

    it('groups spelling variants and later surname mentions under one key', () => {
      const text = 'Kim Jong Un met officials. Later Kim Jong-un spoke, and Kim left.';
      const people = spansOf(text, 'PERSON');
      expect(people.map((s) => text.slice(s.start, s.end))).toEqual(['Kim Jong Un', 'Kim Jong-un', 'Kim']);
      expect(new Set(people.map((s) => s.key)).size).toBe(1);
    });

    it('finds a surname after the full name of someone no list knows', () => {
      const text = 'The report was written by Jeffrey Gettleman in Nairobi. Gettleman said the talks stalled.';
      const people = spansOf(text, 'PERSON');
      expect(people.map((s) => text.slice(s.start, s.end))).toEqual(['Jeffrey Gettleman', 'Gettleman']);
      expect(people[0]!.key).toBe(people[1]!.key);
    });

    it('reads romanized Korean, Chinese and Arabic names', () => {
      expect(found('Choe Son Hui met Wang Yi in Beijing.')).toEqual(['PERSON:Choe Son Hui', 'PERSON:Wang Yi', 'PLACE:Beijing']);
      expect(found('The court indicted Omar Hassan al-Bashir last year.')).toContain('PERSON:Omar Hassan al-Bashir');
    });

    it('reads names with no-break spaces and soft hyphens inside', () => {
      expect(found('Comrade Kim\u00a0Jong\u00a0Un arrived.')).toContain('PERSON:Kim\u00a0Jong\u00a0Un');
      expect(found('He visited Song\u00adchon County.')).toContain('PLACE:Song\u00adchon County');
    });

    it('does not take capitalized sentence openers for names', () => {
      expect(found('Today the ground was broken. Officers and men gathered. Let us work.')).toEqual([]);
    });
  });

  describe('organizations and places', () => {
    it('reads names with "of" and "the" inside', () => {
      expect(found('A delegation of the Ministry of National Defence arrived.')).toContain('ORG:Ministry of National Defence');
      expect(found('It was adopted by the Eighth Central Committee of the Party.')).toContain('ORG:Eighth Central Committee of the Party');
    });

    it('reads a head word with its modifiers, and not a bare head word', () => {
      expect(found('The Party Central Committee met in South Phyongan Province.')).toEqual([
        'ORG:Party Central Committee',
        'PLACE:South Phyongan Province',
      ]);
      expect(found('The Party decided.')).toEqual([]);
    });

    it('groups "U.S." with "United States"', () => {
      const text = 'The United States and the U.S. Treasury disagreed; U.S. officials said so.';
      const keys = spansOf(text, 'PLACE').map((s) => s.key);
      expect(new Set(keys)).toEqual(new Set(['United States']));
    });

    it('reads an all-caps dateline as a place', () => {
      expect(found('WASHINGTON — The Senate voted on Tuesday.')).toEqual(['PLACE:WASHINGTON', 'ORG:Senate', 'DATE:Tuesday']);
    });

    it('takes the short name of a county mentioned in full before', () => {
      expect(found('In Songchon County the work began. People from Songchon and other counties came.')).toEqual([
        'PLACE:Songchon County',
        'PLACE:Songchon',
      ]);
    });

    it('keeps a possessive inside a name in its key, with one apostrophe for both ways of writing it', () => {
      const text = 'Officers of the People’s Army marched. The People\'s Army sang.';
      const spans = spansOf(text, 'ORG');
      expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['People’s Army', "People's Army"]);
      expect(new Set(spans.map((s) => s.key))).toEqual(new Set(["People's Army"]));
      // A possessive at a name's end stays outside it and its key.
      expect(spansOf('The Zorblax Trading Corporation’s staff spoke.', 'ORG').map((s) => s.key)).toEqual(['Zorblax Trading Corporation']);
    });

    it('takes an acronym in parentheses after a name only when it opens with one of its words', () => {
      const taught = 'The Zorblax Trading Corporation (ZTC) grew. Later ZTC shrank.';
      expect(spansOf(taught, 'ORG').map((s) => taught.slice(s.start, s.end))).toEqual(['Zorblax Trading Corporation', 'ZTC', 'ZTC']);
      // A language's code after an outlet's name is not its acronym.
      const code = 'Source: Zorblax Trading Corporation (EN) | More from EN';
      expect(spansOf(code, 'ORG').map((s) => code.slice(s.start, s.end))).toEqual(['Zorblax Trading Corporation']);
    });

    it('reads numbered military units', () => {
      expect(found('Officers of the 124th regiments will lead.')).toContain('ORG:124th regiments');
    });
  });

  describe('dates', () => {
    it.each([
      ['on Feb. 28.', 'Feb. 28'],
      ['on February 8 last year', 'February 8'],
      ['Published May 20, 2024 in Seoul', 'May 20, 2024'],
      ['On 28 February 2024 they met', '28 February 2024'],
      ['Date: 29/02/2024 | Source', '29/02/2024'],
      ['At the outset of 2024 the plan began', '2024'],
      ['The vote is on Tuesday', 'Tuesday'],
    ])('finds the date in "%s"', (text, date) => {
      expect(found(text)).toContain(`DATE:${date}`);
    });

    it.each(['He may come.', 'They march on.', 'It cost $2,024 and 2,024 people came.', 'The 20×10 policy.', 'Call 555-2024-1234'])(
      'finds no date in "%s"',
      (text) => {
        expect(found(text).filter((s) => s.startsWith('DATE'))).toEqual([]);
      },
    );
  });

  describe('terms', () => {
    it.each([
      'the Regional Development 20×10 Policy',
      'the regional development 20x10 policy',
      'the REGIONAL DEVELOPMENT 20X10 POLICY',
    ])('matches the policy name written as "%s"', (text) => {
      expect(spansOf(text, 'TERM').map((s) => s.key)).toContain('Regional Development 20×10 Policy');
    });

    it('matches hyphen and space variants, plurals and apostrophes', () => {
      const terms = (text: string) => spansOf(text, 'TERM').map((s) => text.slice(s.start, s.end));
      expect(terms('in a mood of self reliance')).toEqual(['self reliance']);
      expect(terms('a mood of Self-Reliance')).toEqual(['Self-Reliance']);
      expect(terms('two new five-year plans')).toEqual(['new five-year plans']);
    });

    it('keeps a term inside an organization, and the organization', () => {
      const text = 'He spoke to the Juche Idea Study Group.';
      const types = recognizer.recognize(text).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
      expect(types).toContain('ORG:Juche Idea Study Group');
      expect(types.some((t) => t.startsWith('TERM:Juche'))).toBe(true);
    });

    it('prefers the longest of overlapping terms', () => {
      const text = 'comprehensive regional rejuvenation';
      expect(spansOf(text, 'TERM').map((s) => text.slice(s.start, s.end))).toEqual(['comprehensive regional rejuvenation']);
    });
  });
});
