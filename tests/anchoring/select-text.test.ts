import { beforeEach, describe, expect, it } from 'vitest';
import { selectText, trimStretch } from '@/utils/anchoring/select-text';
import { buildTextModel } from '@/utils/text/build-text-model';

describe('anchoring/select-text', () => {
  beforeEach(() => {
    document.body.innerHTML = '<header>Site menu</header><article><p>The respected Comrade <b>Kim Jong Un</b> spoke.</p><p>  </p></article><footer>Footer</footer>';
  });
  const model = () => buildTextModel(document.querySelector('article')!);

  it('maps a selection inside the article to its stretch of text, trimmed of white space', () => {
    const m = model();
    const b = document.querySelector('b')!.firstChild!;
    const picked = selectText(m, { startContainer: b, startOffset: 0, endContainer: b, endOffset: 11 });
    expect(picked).toEqual({ start: m.text.indexOf('Kim'), end: m.text.indexOf('Kim') + 11 });
    const padded = trimStretch(m.text, m.text.indexOf(' Kim'), m.text.indexOf('Un') + 3);
    expect('error' in padded ? padded.error : m.text.slice(padded.start, padded.end)).toBe('Kim Jong Un');
  });

  it('keeps only the article part of a selection that runs into the page around it', () => {
    const m = model();
    const header = document.querySelector('header')!.firstChild!;
    const footer = document.querySelector('footer')!.firstChild!;
    const picked = selectText(m, { startContainer: header, startOffset: 2, endContainer: footer, endOffset: 3 });
    expect('error' in picked ? picked.error : m.text.slice(picked.start, picked.end)).toBe('The respected Comrade Kim Jong Un spoke.');
  });

  it('refuses a selection wholly outside the article, a blank one, and one longer than a highlight holds', () => {
    const m = model();
    const footer = document.querySelector('footer')!.firstChild!;
    expect(selectText(m, { startContainer: footer, startOffset: 0, endContainer: footer, endOffset: 6 })).toHaveProperty('error');
    expect(trimStretch('a    b', 1, 5)).toEqual({ error: 'Select some text in the article to highlight it.' });
    const long = 'x'.repeat(100_000);
    expect(trimStretch(long, 0, long.length)).toEqual({ error: expect.stringContaining('at most 20,000') });
    expect(trimStretch(long, 0, 20_000)).toEqual({ start: 0, end: 20_000 });
  });
});
