import { describe, expect, it } from 'vitest';
import { NO_CONTROLS, libraryFilter } from '@/components/popup/library/library-filter';
import { recordArticle, recordFindings } from '@/utils/db/articles-repo';
import { freshDb } from '../../../support/fresh-db';

describe('components/popup/library/library-filter', () => {
  const meta = { title: 'T', byline: null, siteName: 'KCNA', publishedTime: null, lang: 'en', dir: null, excerpt: null, length: 1 };

  it('joins the search text and the controls: tags, colors and outlets add up, dates narrow', async (context) => {
    const db = await freshDb(context, 'library-filter');
    const { filter, issues } = await libraryFilter(db, 'sanctions tag:energy color:pink from:2025-01-01 to:2025-12-31 color:octarine', {
      ...NO_CONTROLS,
      tag: 'policy',
      color: 'green',
      outlet: 'KCNA',
      from: '2025-03-01',
      to: '2025-03-31',
    });
    expect(filter.words).toEqual(['sanctions']);
    expect(filter.tags).toEqual(['energy', 'policy']);
    expect(filter.colors).toEqual(['pink', 'green']);
    expect(filter.outlets).toEqual(['KCNA']);
    expect(filter.from).toBe(new Date(2025, 2, 1).getTime());
    expect(filter.before).toBe(new Date(2025, 3, 1).getTime()); // the "to" day is included
    expect(issues.map((issue) => issue.term)).toEqual(['color:octarine']);
  });

  it('matches an entity and a term list by the articles found to hold them', async (context) => {
    const db = await freshDb(context, 'library-filter-entities');
    for (const id of ['https://a.example/1', 'https://a.example/2']) await recordArticle(db, { id, url: id, canonicalUrl: null, meta });
    await recordFindings(db, 'https://a.example/1', [{ type: 'PERSON', key: 'Kim Jong Un', start: 0, end: 1 }]);
    await recordFindings(db, 'https://a.example/2', [{ type: 'TERM', key: '20x10', list: 'dprk-policy', start: 0, end: 1 }]);
    const { filter } = await libraryFilter(db, '', { ...NO_CONTROLS, entity: 'PERSON:Kim Jong Un', termList: 'dprk-policy' });
    expect(filter.entity).toEqual({ key: 'PERSON:Kim Jong Un', articleIds: ['https://a.example/1'] });
    expect(filter.termList).toEqual({ key: 'dprk-policy', articleIds: ['https://a.example/2'] });
    const none = await libraryFilter(db, '', NO_CONTROLS);
    expect(none.filter.entity).toBeUndefined();
  });
});
