/** Messages the offscreen document answers (Chrome only; Firefox parses in the background). */
import * as v from 'valibot';
import type { ArticleExtract } from '../../article/types';
import { MAX_PAGE_HTML, def, httpUrl } from './define';

export const toOffscreen = {
  /** Parse a page's HTML and run Readability on it. */
  parseArticle: def<ArticleExtract | null>()(
    'extension',
    v.strictObject({
      html: v.pipe(v.string(), v.maxLength(MAX_PAGE_HTML)),
      url: httpUrl,
    }),
  ),
};

