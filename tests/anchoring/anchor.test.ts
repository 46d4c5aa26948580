import { describe, expect, it } from 'vitest';
import { anchor } from '@/utils/anchoring/anchor';
import { describeText } from '@/utils/anchoring/selectors';

const ARTICLE = [
  'The respected Comrade Kim Jong Un made a speech at the ground breaking ceremony for regional-industry factories in Songchon County.',
  'He said the Regional Development 20×10 Policy is a great revolution for the regional people.',
  'The Party will carry out the policy. The Party will never forget the people.',
].join('\n');

const at = (text: string, quote: string, nth = 0) => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  return describeText(text, start, start + quote.length);
};

describe('anchoring/anchor', () => {
  it('finds an unchanged passage where it was', () => {
    const { quote, position } = at(ARTICLE, 'Regional Development 20×10 Policy');
    expect(anchor(ARTICLE, quote, position)).toMatchObject({ start: position.start, method: 'position' });
  });

  it('finds a passage that moved, by its quote', () => {
    const { quote, position } = at(ARTICLE, 'Regional Development 20×10 Policy');
    const edited = 'A new first paragraph was added.\n' + ARTICLE;
    const found = anchor(edited, quote, position)!;
    expect(edited.slice(found.start, found.end)).toBe('Regional Development 20×10 Policy');
    expect(found.method).toBe('quote');
  });

  it('chooses among repeats by context', () => {
    const { quote, position } = at(ARTICLE, 'The Party will', 1);
    const edited = 'Intro.\n' + ARTICLE;
    const found = anchor(edited, quote, position)!;
    expect(found.start).toBe(edited.lastIndexOf('The Party will'));
  });

  it('finds a passage whose words were edited, fuzzily', () => {
    const { quote, position } = at(ARTICLE, 'made a speech at the ground breaking ceremony for regional-industry factories');
    const edited = ARTICLE.replace('ground breaking ceremony', 'groundbreaking ceremony');
    const found = anchor(edited, quote, position)!;
    expect(found.method).toBe('fuzzy');
    expect(edited.slice(found.start, found.end)).toContain('groundbreaking ceremony for regional-industry');
  });

  it('makes an orphan of a passage that is gone, even when similar words remain', () => {
    const { quote, position } = at(ARTICLE, 'The Party will never forget the people.');
    const edited = ARTICLE.replace(' The Party will never forget the people.', '');
    expect(anchor(edited, quote, position)).toBeNull();
  });

  it('makes an orphan of a short repeated quote whose context is gone', () => {
    const { quote, position } = at(ARTICLE, 'The Party', 1);
    const edited = ARTICLE.replace('the policy. The Party will never forget the people.', 'it.').replace('He said', 'The Party said');
    expect(anchor(edited, quote, position)).toBeNull();
  });

  it('refuses an empty quote', () => {
    expect(anchor(ARTICLE, { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' })).toBeNull();
  });
});
