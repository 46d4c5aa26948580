/** Messages a tab's content script answers (and, for a page that is not an article, the loader). */
import * as v from 'valibot';
import { annotationId, annotationSchema } from './annotation-schema';
import { def, empty } from './define';
import { articleChangesSchema } from '../../versions/changes';
import type { ArticleText, PageState } from './types';

export const toContent = {
  /** What Gloss made of this page so far. */
  getPageState: def<PageState>()('extension', empty),
  /** The article's text as Gloss reads it in the live page (the text model), with its paragraphs. */
  getArticleText: def<ArticleText | null>()('extension', empty),
  /**
   * The reader's annotations of an article changed (in this tab, another, the popup, an import):
   * the records as stored now and the ids removed, so the page repaints just those. (The article
   * id is only compared, so a plain string check will do.)
   */
  annotationsChanged: def<null>()(
    'extension',
    v.strictObject({
      articleId: v.pipe(v.string(), v.maxLength(8192)),
      changed: v.pipe(v.array(annotationSchema), v.maxLength(1000)),
      removed: v.pipe(v.array(annotationId), v.maxLength(10_000)),
    }),
  ),
  /** Scroll to a stretch of the article's text and flash it (a highlight or a mention chosen in the popup). */
  revealText: def<boolean>()(
    'extension',
    v.strictObject({ start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  ),
  /** Scroll to one of the reader's annotations and flash it (or show its card, if it is an orphan). */
  revealAnnotation: def<boolean>()('extension', v.strictObject({ id: v.pipe(v.string(), v.maxLength(100)) })),
  /**
   * What changed in the article since the version the reader annotated (or the first kept), by
   * paragraph, found by the background after the page's text was analyzed; null: nothing did.
   */
  articleChanged: def<null>()(
    'extension',
    v.strictObject({ articleId: v.pipe(v.string(), v.maxLength(8192)), changes: v.nullable(articleChangesSchema) }),
  ),
  /**
   * The reader's display settings changed (in a panel, the popup, another tab): the page repaints
   * under them. Read through `normalizeSettings` on arrival, as from storage.
   */
  settingsChanged: def<null>()('extension', v.strictObject({ settings: v.record(v.string(), v.unknown()) })),
  /** The reader asked (shortcut or context menu) to highlight the selected text. */
  highlightSelection: def<boolean>()('extension', empty),
};

