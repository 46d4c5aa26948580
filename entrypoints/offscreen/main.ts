/** Chrome's offscreen document: parses pages handed over by the background and runs Readability. */
import { extractFromHtml } from '@/utils/article/extract';
import { listen } from '@/utils/messaging/listen';
import { toOffscreen } from '@/utils/messaging/protocol/to-offscreen';

listen('toOffscreen', toOffscreen, {
  parseArticle: ({ html, url }) => extractFromHtml(html, url),
});
