/** Messages a tab's content script answers (and, for a page that is not an article, the loader). */
import { def, empty } from './define';
import type { ArticleText, PageState } from './types';

export const toContent = {
  /** What Gloss made of this page so far. */
  getPageState: def<PageState>()('extension', empty),
  /** The article's text as Gloss reads it in the live page (the text model), with its paragraphs. */
  getArticleText: def<ArticleText | null>()('extension', empty),
};

