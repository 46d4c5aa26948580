import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle, parsePage, textsOf } from '@/utils/article/extract';
import { liveChunks } from '@/utils/article/live-chunks';
import { CORPUS_DIR, SHARED } from '../../scripts/lib/paths.mjs';
import { offlineParser } from '../../scripts/lib/offline-parser.mjs';

interface Expected {
  title: string;
  byline: string | null;
  siteName: string | null;
  lang?: string;
  dir: string | null;
  publishedTime: string | null;
}

const corpus = readdirSync(CORPUS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const whitespace = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() || null;

describe('article/extract', () => {
  it('finds at least a dozen corpus pages to check', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(12);
  });

  it.each(corpus)('extracts the expected metadata from corpus page %s', (name) => {
    const html = readFileSync(join(CORPUS_DIR, name, 'source.html'), 'utf8');
    const expected = JSON.parse(readFileSync(join(CORPUS_DIR, name, 'expected-metadata.json'), 'utf8')) as Expected;
    const meta = extractArticle(parsePage(html, `http://fakehost/test/${name}/`, offlineParser()))?.meta ?? null;
    expect(meta).not.toBeNull();
    // Readability 0.6 agrees with every expected file on these fields: no page needs an exception.
    // (Gloss folds runs of white space, as the popup shows them; the files keep the page's own.)
    const want = (field: keyof Expected) => whitespace(expected[field] as string | null);
    expect(meta!.title).toBe(want('title'));
    expect(meta!.byline).toBe(want('byline'));
    expect(meta!.siteName).toBe(want('siteName'));
    expect(meta!.publishedTime).toBe(want('publishedTime'));
    expect(meta!.lang).toBe(want('lang'));
    expect(meta!.dir).toBe(want('dir'));
  });

  it('extracts the seed article: title, outlet, byline, date, language', () => {
    const html = readFileSync(join(SHARED, 'seed/kcna-songchon-speech.html'), 'utf8');
    const meta = extractArticle(parsePage(html, 'http://127.0.0.1/seed.html', offlineParser()))?.meta ?? null;
    expect(meta).toMatchObject({
      title:
        'Respected Comrade Kim Jong Un Makes Speech at Ground Breaking Ceremony for Regional-industry Factories in Songchon County',
      siteName: 'KCNA Watch',
      byline: 'Chongnyon Chonwi (EN)',
      publishedTime: '2024-05-20T09:14:00+09:00',
      lang: 'en',
    });
    expect(meta!.length).toBeGreaterThan(15_000);
  });

  it('returns null for a page with no article', () => {
    const doc = parsePage('<html><body><nav><a href="/">Home</a></nav><p>Sign in</p></body></html>', 'https://a.example/');
    expect(extractArticle(doc)).toBeNull();
  });

  // happy-dom does not resolve links against <base>; Chromium does. What Gloss controls is the base.
  it("bases the parsed page on its own address, not the extension's", () => {
    const doc = parsePage('<html><head></head><body><a href="story">x</a></body></html>', 'https://news.example/world/');
    expect(doc.querySelectorAll('base')).toHaveLength(1);
    expect(doc.querySelector('base')!.getAttribute('href')).toBe('https://news.example/world/');
  });

  it("keeps the page's own <base>, resolved against its address", () => {
    const html = '<html><head><base href="/en/"></head><body><a href="a">x</a></body></html>';
    const doc = parsePage(html, 'https://n.example/x/y');
    expect(doc.querySelectorAll('base')).toHaveLength(1);
    expect(doc.querySelector('base')!.getAttribute('href')).toBe('https://n.example/en/');
  });

  // Chromium before 156 cut parsed text nodes at 65,536 characters, while a script-made node in
  // the live page stays whole: both sides must read one text per run of adjacent text nodes.
  it('reads a run of adjacent text nodes as one text, however the parser cut it', () => {
    const doc = parsePage('<html><body><article><p>x</p><p>Second <b>bold</b> tail</p></article></body></html>', 'https://n.example/');
    const p = doc.querySelector('p')!;
    p.textContent = '';
    p.append('a'.repeat(65_536), 'b'.repeat(34_464), doc.createTextNode('  '));
    const texts = textsOf(doc.querySelector('article')!);
    expect(texts).toEqual(['a'.repeat(65_536) + 'b'.repeat(34_464) + '  ', 'Second ', 'bold', ' tail']);
    expect(texts).toEqual(liveChunks(doc.querySelector('article')!).map((chunk) => chunk.text).filter((t) => /\S/.test(t)));
  });
});
