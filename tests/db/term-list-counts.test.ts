import { describe, expect, it } from 'vitest';
import { MAX_LISTED_TERMS, termListCounts } from '@/utils/db/term-list-counts';
import { writeMentions } from '@/utils/db/mentions-repo';
import type { ArticleRecord } from '@/utils/article/types';
import type { TermList } from '@/utils/entities/term-lists';
import type { ArticleMentions } from '@/utils/mentions/extract';
import { freshDb } from '../support/fresh-db';

const article = (id: string): ArticleRecord => ({
  id, url: id, canonicalUrl: null, title: id, byline: null, siteName: 'KCNA Watch', publishedTime: '2024-05-20T00:00:00Z', lang: 'en', dir: null, excerpt: null, length: 100, firstSeenAt: 1, lastSeenAt: 1,
});
const term = (name: string): ArticleMentions => ({ key: `TERM:${name}`, type: 'TERM', name, spellings: [name], count: 1, snippets: [] });

describe('db/term-list-counts', () => {
  it('lists every term of every list with the articles that name it, found ones first, the rest in the list’s order', async (context) => {
    const db = await freshDb(context, 'term-lists');
    await writeMentions(db, article('a1'), [term('20x10'), term('Juche')]);
    await writeMentions(db, article('a2'), [term('Juche')]);
    const lists: TermList[] = [
      { id: 'dprk-policy', name: 'DPRK policy', builtIn: true, terms: [{ term: 'Songun' }, { term: '20x10', aliases: ['20×10'] }, { term: 'Juche' }, { term: ' Songun ' }] },
      { id: 'watchlist:w1', name: 'Mine', builtIn: false, terms: [{ term: 'Hwasong-18' }] },
    ];
    expect(await termListCounts(db, lists)).toEqual([
      {
        id: 'dprk-policy', name: 'DPRK policy', builtIn: true, total: 3, found: 2,
        terms: [
          { key: 'TERM:Juche', name: 'Juche', articles: 2 },
          { key: 'TERM:20x10', name: '20x10', articles: 1 },
          { key: 'TERM:Songun', name: 'Songun', articles: 0 },
        ],
      },
      { id: 'watchlist:w1', name: 'Mine', builtIn: false, total: 1, found: 0, terms: [{ key: 'TERM:Hwasong-18', name: 'Hwasong-18', articles: 0 }] },
    ]);
  });

  it('sends at most MAX_LISTED_TERMS of a huge list, the found ones among them, and says how many it holds', async (context) => {
    const db = await freshDb(context, 'term-lists-huge');
    const terms = Array.from({ length: MAX_LISTED_TERMS + 500 }, (_, i) => ({ term: `term ${i}` }));
    await writeMentions(db, article('a1'), [term(`term ${MAX_LISTED_TERMS + 499}`)]);
    const [list] = await termListCounts(db, [{ id: 'watchlist:big', name: 'Big', builtIn: false, terms }]);
    expect(list?.total).toBe(MAX_LISTED_TERMS + 500);
    expect(list?.terms).toHaveLength(MAX_LISTED_TERMS);
    expect(list?.terms[0]).toEqual({ key: `TERM:term ${MAX_LISTED_TERMS + 499}`, name: `term ${MAX_LISTED_TERMS + 499}`, articles: 1 });
  });
});
