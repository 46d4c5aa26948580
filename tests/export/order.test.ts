import { describe, expect, it } from 'vitest';
import { groupByArticle } from '@/utils/export/order';
import { GONE, OLDER, sampleLibrary, SPEECH } from '../support/library';

describe('export/order', () => {
  it('puts articles newest first: by publication date, else first seen, else first annotated', () => {
    const { annotations, articles } = sampleLibrary();
    expect(groupByArticle(annotations, articles).map((group) => group.articleId)).toEqual([SPEECH, OLDER, GONE]);
    const undated = articles.map((article) => ({ ...article, publishedTime: 'yesterday', firstSeenAt: article.id === OLDER ? 2e12 : 1 }));
    expect(groupByArticle(annotations, undated).map((group) => group.articleId)).toEqual([OLDER, SPEECH, GONE]);
  });

  it("lists an article's annotations in text order, and keeps an article it has no record of", () => {
    const { annotations, articles } = sampleLibrary();
    const [speech, , gone] = groupByArticle(annotations, articles);
    expect(speech!.annotations.map((a) => a.position.start)).toEqual([10, 50]);
    expect(gone).toMatchObject({ articleId: GONE, article: undefined });
  });
});
