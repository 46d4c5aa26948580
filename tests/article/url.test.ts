import { describe, expect, it } from 'vitest';
import { articleIdFor, canonicalHrefOf, normalizeArticleUrl } from '@/utils/article/url';

describe('article/url', () => {
  it.each([
    ['https://News.Example.com/a/b?utm_source=tw&utm_medium=social#comments', 'https://news.example.com/a/b'],
    ['https://n.example/story?id=42&fbclid=abc&page=2', 'https://n.example/story?id=42&page=2'],
    ['https://n.example/story?page=2&id=42', 'https://n.example/story?id=42&page=2'],
    ['http://n.example:80/x', 'http://n.example/x'],
    ['https://user:pw@n.example/x', 'https://n.example/x'],
    ['https://n.example', 'https://n.example/'],
    ['https://n.example/x?UTM_Campaign=a&gclid=1&mc_eid=2&_ga=3', 'https://n.example/x'],
    ['https://kcnawatch.example/newstream/1451896124-73617007/?t=1', 'https://kcnawatch.example/newstream/1451896124-73617007/?t=1'],
  ])('normalizes %s', (raw, normalized) => {
    expect(normalizeArticleUrl(raw)).toBe(normalized);
  });

  it.each(['chrome://settings', 'file:///tmp/a.html', 'javascript:alert(1)', 'not a url', ''])(
    'refuses %s',
    (raw) => {
      expect(normalizeArticleUrl(raw)).toBeNull();
    },
  );

  it('prefers the canonical link, resolved against the page', () => {
    expect(articleIdFor('https://m.n.example/a?utm_source=x', '/amp/a')).toBe('https://m.n.example/amp/a');
    expect(articleIdFor('https://n.example/a?share=1', 'https://n.example/a')).toBe('https://n.example/a');
  });

  it('falls back to the page address when the canonical link is unusable', () => {
    expect(articleIdFor('https://n.example/a#x', 'javascript:void(0)')).toBe('https://n.example/a');
    expect(articleIdFor('https://n.example/a', null)).toBe('https://n.example/a');
    expect(articleIdFor('about:blank', null)).toBeNull();
    expect(articleIdFor('about:blank', 'https://n.example/a')).toBeNull();
  });

  it('trusts a canonical link only where the check allows: by default on the same host', () => {
    expect(articleIdFor('https://evil.example/copy', 'https://n.example/a')).toBe('https://evil.example/copy');
    expect(articleIdFor('https://www.n.example/a', 'https://n.example/a')).toBe('https://www.n.example/a');
    const anySubdomain = (own: string, canonical: string) => new URL(own).hostname.endsWith(new URL(canonical).hostname);
    expect(articleIdFor('https://www.n.example/a', 'https://n.example/a', anySubdomain)).toBe('https://n.example/a');
  });

  it("reads a document's canonical link", () => {
    document.head.innerHTML = '<link rel="Canonical" href="https://n.example/c">';
    expect(canonicalHrefOf(document)).toBe('https://n.example/c');
    document.head.innerHTML = '';
    expect(canonicalHrefOf(document)).toBeNull();
  });
});
