/** Messages a tab's content script answers (and, for a page that is not an article, the loader). */
import * as v from 'valibot';
import { def, empty } from './define';
import type { ArticleText, PageState } from './types';

export const toContent = {
  /** What Gloss made of this page so far. */
  getPageState: def<PageState>()('extension', empty),
  /** The article's text as Gloss reads it in the live page (the text model), with its paragraphs. */
  getArticleText: def<ArticleText | null>()('extension', empty),
  /**
   * The reader's annotations of an article changed (in this tab, another, or the popup): place
   * them again if it is this page's. (The id is only compared, so a plain string check will do.)
   */
  annotationsChanged: def<null>()('extension', v.strictObject({ articleId: v.pipe(v.string(), v.maxLength(8192)) })),
  /** Scroll to a stretch of the article's text and flash it (a highlight or a mention chosen in the popup). */
  revealText: def<boolean>()(
    'extension',
    v.strictObject({ start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  ),
  /** Scroll to one of the reader's annotations and flash it (or show its card, if it is an orphan). */
  revealAnnotation: def<boolean>()('extension', v.strictObject({ id: v.pipe(v.string(), v.maxLength(100)) })),
  /** The reader asked (shortcut or context menu) to highlight the selected text. */
  highlightSelection: def<boolean>()('extension', empty),
};

