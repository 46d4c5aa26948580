import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryView } from '@/components/popup/library/LibraryView';
import { askFirstSearch } from '@/components/popup/library/use-library-search';
import { describeText } from '@/utils/anchoring/selectors';
import { createAnnotation } from '@/utils/db/annotations-repo';
import { recordArticle } from '@/utils/db/articles-repo';
import type { GlossDb } from '@/utils/db/database';
import { DEFAULT_COLOR_NAMES } from '@/utils/settings/color-names';
import { keepVersion } from '@/utils/db/versions-repo';
import { freshDb } from '../../../support/fresh-db';

const TEXT = 'Kim Jong Un visited Songchon County. The harvest in South Hwanghae was praised. Sanctions were not mentioned.';

describe('components/popup/library/LibraryView', () => {
  let db: GlossDb;
  let root: HTMLElement;
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'library-view');
    root = document.createElement('div');
    document.body.append(root);
    const meta = (title: string, siteName: string) => ({ title, byline: null, siteName, publishedTime: null, lang: 'en', dir: null, excerpt: null, length: 1 });
    await recordArticle(db, { id: 'https://kcna.example/1', url: 'https://kcna.example/1', canonicalUrl: null, meta: meta('Leader visits county', 'KCNA') });
    await recordArticle(db, { id: 'https://yonhap.example/2', url: 'https://yonhap.example/2', canonicalUrl: null, meta: meta('Harvest report', 'Yonhap') });
    const make = (articleId: string, quote: string, note: string, tags: string[], at: number) => {
      const start = TEXT.indexOf(quote);
      return createAnnotation(db, { articleId, ...describeText(TEXT, start, start + quote.length), color: 'yellow', note, tags, textHash: '' }, at);
    };
    await make('https://kcna.example/1', 'Kim Jong Un visited Songchon County', 'A <b>site visit</b>, the first this year', ['leadership'], 1000);
    await make('https://yonhap.example/2', 'The harvest in South Hwanghae was praised', 'Compare with the terrain argument', ['agriculture'], 2000);
    await make('https://kcna.example/1', 'Sanctions were not mentioned', 'Silence on sanctions', ['sanctions'], 3000);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const settle = async () => {
    for (let i = 0; i < 20; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  };
  const items = () => [...root.querySelectorAll('[data-testid="library-item"]')].map((item) => item.getAttribute('data-id'));
  const quotes = () => [...root.querySelectorAll('.library-quote')].map((q) => q.textContent);

  it('lists every highlight newest first, then finds one by a word of its note and marks it', async () => {
    await act(() => render(<LibraryView db={db} colorNames={DEFAULT_COLOR_NAMES} />, root));
    await settle();
    expect(quotes()).toEqual(['Sanctions were not mentioned', 'The harvest in South Hwanghae was praised', 'Kim Jong Un visited Songchon County']);
    expect(root.querySelector('[data-testid="library-count"]')?.textContent).toContain('3 highlights');

    const search = root.querySelector<HTMLInputElement>('[data-testid="library-search"]')!;
    await act(() => {
      search.value = 'terrain';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect(quotes()).toEqual(['The harvest in South Hwanghae was praised']);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['terrain']);
    // A note's markup is shown as text. ("visit" also finds the other highlight of the article
    // titled "Leader visits county": titles are searched too.)
    await act(() => {
      search.value = 'visit';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect(quotes()).toEqual(['Sanctions were not mentioned', 'Kim Jong Un visited Songchon County']);
    expect([...root.querySelectorAll('.library-note')].map((n) => n.textContent)).toContain('A <b>site visit</b>, the first this year');
    expect(root.querySelector('.library-note b')).toBeNull();
  });

  it('shows the search asked before it mounted at its first render, then follows the library live; a later view asks its own', async () => {
    const firstSearch = askFirstSearch(db);
    const asked = firstSearch.take();
    expect(asked).toBeDefined();
    await asked!.promise;
    // A highlight made after the early search: not in its answer, found once the view follows the library.
    const start = TEXT.indexOf('Songchon County');
    await createAnnotation(db, { articleId: 'https://yonhap.example/2', ...describeText(TEXT, start, start + 15), color: 'blue', note: '', tags: [], textHash: '' }, 4000);
    const again = askFirstSearch(db);
    await again.take()!.promise;
    expect(again.take()).toBeUndefined();
    const early = { take: () => asked };
    render(<LibraryView db={db} colorNames={DEFAULT_COLOR_NAMES} firstSearch={early} />, root);
    expect(quotes()).toEqual(['Sanctions were not mentioned', 'The harvest in South Hwanghae was praised', 'Kim Jong Un visited Songchon County']);
    await settle();
    expect(items()).toHaveLength(4);
  });

  it('groups by article and follows a new highlight live', async () => {
    await act(() => render(<LibraryView db={db} colorNames={DEFAULT_COLOR_NAMES} />, root));
    await settle();
    await act(() => root.querySelector<HTMLInputElement>('.library-group input')!.click());
    await settle();
    expect([...root.querySelectorAll('.library-article-head')].map((h) => h.textContent)).toEqual(['Leader visits county · KCNA', 'Harvest report · Yonhap']);
    const start = TEXT.indexOf('Songchon County');
    await createAnnotation(db, { articleId: 'https://yonhap.example/2', ...describeText(TEXT, start, start + 15), color: 'blue', note: '', tags: [], textHash: '' }, 4000);
    await settle();
    expect(items()).toHaveLength(4);
  });

  it('offers the stored copy of an article Gloss keeps one of, beside its highlights', async () => {
    await keepVersion(db, {
      articleId: 'https://kcna.example/1', url: 'https://kcna.example/1', canonicalUrl: null, html: '<p>x</p>', text: 'x',
      meta: { title: 'Leader visits county', byline: null, siteName: 'KCNA', publishedTime: null, modifiedTime: null, lang: 'en', dir: null },
    });
    render(<LibraryView db={db} colorNames={DEFAULT_COLOR_NAMES} />, root);
    await settle();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    await settle();
    const links = [...root.querySelectorAll('[data-testid="library-stored"]')].map((link) => new URL(link.getAttribute('href')!));
    expect(links).toHaveLength(2);
    expect(links.map((url) => [url.pathname, url.searchParams.get('article'), url.searchParams.get('version')])).toEqual([
      ['/reader.html', 'https://kcna.example/1', null],
      ['/reader.html', 'https://kcna.example/1', null],
    ]);
    // Beside the item's button, not inside it.
    expect(root.querySelector('button [data-testid="library-stored"]')).toBeNull();
  });
});
