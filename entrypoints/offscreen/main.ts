/**
 * Chrome's offscreen document: parses pages handed over by the background and runs Readability.
 * Being a window, it also asks for persistent storage on the database's behalf.
 */
import { extractFromHtml } from '@/utils/article/extract';
import { requestPersistence } from '@/utils/db/persist';
import { listen } from '@/utils/messaging/listen';
import { toOffscreen } from '@/utils/messaging/protocol/to-offscreen';

listen('toOffscreen', toOffscreen, {
  parseArticle: ({ html, url }) => extractFromHtml(html, url),
});

void requestPersistence();
