import { describe, expect, it } from 'vitest';
import { anchor, locate } from '@/utils/anchoring/anchor';
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

  describe('a passage the page repeats (a caption)', () => {
    const QUOTE = 'the regional factories would be completed within three years';
    const PAGE = [
      'Officials met in the capital on Monday.',
      `Pictured: ${QUOTE}`,
      `The minister said ${QUOTE}, and that the work would start in spring. Critics doubted it.`,
      'Other news followed in the afternoon session of the assembly.',
    ].join('\n');
    const body = () => at(PAGE, QUOTE, 1);
    const bodyStart = PAGE.lastIndexOf(QUOTE);

    it('keeps an edited body passage on the body, not on the caption that still has its words', () => {
      const { quote, position } = body();
      for (const edited of [PAGE.replace(`said ${QUOTE}`, `said ${QUOTE.replace('completed', 'finished')}`), PAGE.replace(`said ${QUOTE},`, `said ${QUOTE.replace('factories ', 'factories, ')};`)]) {
        const found = anchor(edited, quote, position)!;
        expect(found.start).toBeGreaterThan(edited.indexOf('The minister'));
      }
    });

    it('makes an orphan of a body passage whose paragraph was removed, suggesting the caption', () => {
      const { quote, position } = body();
      const edited = PAGE.split('\n').filter((p) => !p.startsWith('The minister')).join('\n');
      const found = locate(edited, quote, position);
      expect(found).toEqual({ method: 'orphan', suggestion: { start: edited.indexOf(QUOTE), end: edited.indexOf(QUOTE) + QUOTE.length } });
    });

    it("makes an orphan of the caption's own highlight when the caption is removed, even if the body has nearly its words", () => {
      const { quote, position } = at(PAGE, QUOTE);
      const edited = PAGE.replace(`Pictured: ${QUOTE}\n`, '').replace(QUOTE, QUOTE.replace('three', '3'));
      expect(anchor(edited, quote, position)).toBeNull();
      expect(bodyStart).toBeGreaterThan(0);
    });
  });

  it('snaps a fuzzy match to word boundaries', () => {
    const text = 'It was late. Through the window all thought of sleep vanished from her mind that night.\nMore.';
    const { quote, position } = at(text, 'window all thought of sleep vanished from her mind');
    const edited = text.replace('window all thought', 'windows all thoughts');
    const found = anchor(edited, quote, position)!;
    expect(edited.slice(found.start, found.end)).toBe('windows all thoughts of sleep vanished from her mind');
  });

  it('finds a moved paragraph by its own text when neither side of its context came with it', () => {
    const moved = 'A unique paragraph of well over forty characters, which the outlet later moved lower down the page.';
    const text = ['First paragraph of the story.', moved, 'Second paragraph of the story.', 'Third paragraph, near the end.'].join('\n');
    const { quote, position } = at(text, moved);
    const edited = ['First paragraph of the story.', 'Second paragraph of the story.', 'Third paragraph, near the end.', moved].join('\n');
    expect(anchor(edited, quote, position)).toMatchObject({ start: edited.indexOf(moved), method: 'quote' });
  });

  it('refuses an empty quote', () => {
    expect(anchor(ARTICLE, { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' })).toBeNull();
  });
});
