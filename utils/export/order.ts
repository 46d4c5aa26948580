/**
 * The order every readable export shares: articles newest first, each article's annotations in
 * text order. "Newest" is the publication date when the page gave one Gloss can read, else when
 * the reader first saw the article, else when they first annotated it.
 */
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';

export interface ArticleGroup {
  articleId: string;
  /** Undefined when the library holds annotations of an article it has no record of. */
  article: ArticleRecord | undefined;
  annotations: AnnotationRecord[];
}

function timeOf(group: ArticleGroup): number {
  const published = group.article?.publishedTime ? Date.parse(group.article.publishedTime) : NaN;
  if (Number.isFinite(published)) return published;
  return group.article?.firstSeenAt ?? group.annotations.reduce((first, a) => Math.min(first, a.createdAt), Infinity);
}

const byText = (a: AnnotationRecord, b: AnnotationRecord) =>
  a.position.start - b.position.start || a.position.end - b.position.end || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The annotations grouped per article: articles newest first, annotations in text order. */
export function groupByArticle(annotations: readonly AnnotationRecord[], articles: readonly ArticleRecord[]): ArticleGroup[] {
  const articleById = new Map(articles.map((article) => [article.id, article]));
  const groups = new Map<string, ArticleGroup>();
  for (const annotation of annotations) {
    let group = groups.get(annotation.articleId);
    if (!group) {
      group = { articleId: annotation.articleId, article: articleById.get(annotation.articleId), annotations: [] };
      groups.set(annotation.articleId, group);
    }
    group.annotations.push(annotation);
  }
  const sorted = [...groups.values()].map((group) => ({ group, time: timeOf(group) }));
  sorted.sort((a, b) => b.time - a.time || (a.group.articleId < b.group.articleId ? -1 : 1));
  return sorted.map(({ group }) => ({ ...group, annotations: group.annotations.sort(byText) }));
}
