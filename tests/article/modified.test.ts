import { describe, expect, it } from 'vitest';
import { modifiedTimeOf } from '@/utils/article/modified';

const doc = (head: string) => new DOMParser().parseFromString(`<html><head>${head}</head><body></body></html>`, 'text/html');

describe('article/modified', () => {
  it('reads the modified time a page states, as it states it', () => {
    expect(modifiedTimeOf(doc('<meta property="article:modified_time" content=" 2026-03-02T10:30:00Z ">'))).toBe('2026-03-02T10:30:00Z');
    expect(modifiedTimeOf(doc('<meta itemprop="dateModified" content="2 March 2026">'))).toBe('2 March 2026');
  });

  it('reads JSON-LD, in a graph too, and skips JSON-LD that does not parse', () => {
    const ld = (value: string) => `<script type="application/ld+json">${value}</script>`;
    expect(modifiedTimeOf(doc(ld('{ broken') + ld('{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","dateModified":"2026-01-05"}]}')))).toBe('2026-01-05');
    expect(modifiedTimeOf(doc(ld('[{"dateModified":"2026-01-06"}]')))).toBe('2026-01-06');
  });

  it('says nothing when the page says nothing, or a paragraph', () => {
    expect(modifiedTimeOf(doc(''))).toBeNull();
    expect(modifiedTimeOf(doc(`<meta property="article:modified_time" content="${'x'.repeat(65)}">`))).toBeNull();
  });
});
