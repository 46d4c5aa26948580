/** The current article: title, outlet, date and byline. */
import type { ArticleRecord } from '@/utils/article/types';
import { formatPublished } from '@/utils/article/published';

export function ArticleHeader({ article }: { article: ArticleRecord }) {
  const published = formatPublished(article.publishedTime, article.lang);
  return (
    <header class="article" lang={article.lang ?? undefined} dir={article.dir ?? undefined}>
      <h1 class="article-title" data-testid="article-title">
        {article.title || 'Untitled article'}
      </h1>
      <p class="article-meta">
        {article.siteName && <span data-testid="article-outlet">{article.siteName}</span>}
        {published && (
          <time data-testid="article-date" dateTime={article.publishedTime ?? undefined}>
            {published}
          </time>
        )}
      </p>
      {article.byline && (
        <p class="article-byline" data-testid="article-byline">
          {article.byline}
        </p>
      )}
    </header>
  );
}
