import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle, parsePage } from '@/utils/article/extract';
import { pageHtml } from '@/utils/article/page-html';
import { CORPUS_DIR, SEED_PATH, SHARED } from '../../scripts/lib/paths.mjs';
import { offlineParser } from '../../scripts/lib/offline-parser.mjs';

const URL_OF = 'http://fakehost/test/page.html';
const corpus = readdirSync(CORPUS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(CORPUS_DIR, entry.name, 'source.html'));
const pages = [...corpus, join(SHARED, SEED_PATH.replace(/^\/shared\//, ''))];

/** What the extension finds in `html`: the article's metadata and texts. */
const found = (html: string) => {
  const article = extractArticle(parsePage(html, URL_OF, offlineParser()));
  return article && { meta: article.meta, texts: article.texts, modifiedTime: article.modifiedTime };
};

describe('article/page-html', () => {
  it.each(pages)('finds the same article in the cut HTML as in the whole page: %s', (path) => {
    const live = offlineParser().parseFromString(readFileSync(path, 'utf8'), 'text/html');
    const whole = found(live.documentElement.outerHTML);
    expect(whole).not.toBeNull();
    expect(found(pageHtml(live))).toEqual(whole);
  });

  it('keeps the head’s metadata, base, links and JSON-LD, and drops its styles and scripts', () => {
    const live = offlineParser().parseFromString(
      '<html lang="fr" dir="ltr"><head><base href="/x/"><title>T</title><meta name="author" content="A"><style>p{}</style>' +
        '<script>var big = 1;</script><script type="application/ld+json">{"@type":"NewsArticle"}</script><link rel="canonical" href="/c"></head>' +
        '<body class="b"><p>Text</p><script>var inBody = 1;</script></body></html>',
      'text/html',
    );
    const html = pageHtml(live);
    expect(html).toBe(
      '<html lang="fr" dir="ltr"><head><base href="/x/"><title>T</title><meta name="author" content="A">' +
        '<script type="application/ld+json">{"@type":"NewsArticle"}</script><link rel="canonical" href="/c"></head>' +
        '<body class="b"><p>Text</p><script>var inBody = 1;</script></body></html>',
    );
  });

  it('is smaller than the whole page on the corpus, where heads carry styles and scripts', () => {
    let whole = 0;
    let cut = 0;
    for (const path of corpus) {
      const live = offlineParser().parseFromString(readFileSync(path, 'utf8'), 'text/html');
      whole += live.documentElement.outerHTML.length;
      cut += pageHtml(live).length;
    }
    expect(cut).toBeLessThan(whole);
  });
});
