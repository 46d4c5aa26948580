import { describe, expect, it } from 'vitest';
import { found } from '../support/found';

describe('entities/enumerations (through recognize)', () => {
  const ofType = (text: string, type: string) => found(text).filter((s) => s.type === type).map((s) => s.text);

  it('gives an enumeration’s free names the one type its typed names share', () => {
    expect(ofType('Stolen cards were used in Athens, Clanton, Falkville, Huntsville and Prattville.', 'PLACE')).toEqual(
      expect.arrayContaining(['Athens', 'Clanton', 'Falkville', 'Huntsville', 'Prattville']),
    );
  });

  it('takes a free name of several words as one item', () => {
    expect(ofType('Prices rose at Walmart, Kroger, Trader Joe and Costco this year.', 'ORG')).toEqual(['Walmart', 'Kroger', 'Trader Joe', 'Costco']);
  });

  it('gives nothing when the typed names disagree, or when the list does not close', () => {
    const names = (text: string) => found(text).map((s) => s.text);
    expect(names('He named Paris, Obama, Quimbyville and Zurbin.')).not.toContain('Zurbin');
    expect(names('They visited Paris, London, Quimbyville, Narbo, Zurbin.')).not.toContain('Zurbin');
  });
});
