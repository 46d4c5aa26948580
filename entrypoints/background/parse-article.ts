/**
 * Runs Readability where a DOM exists away from the page: here when this background has one
 * (Firefox's background page), else in the offscreen document (Chrome's service worker has none).
 */
import { extractFromHtml } from '@/utils/article/extract';
import type { ArticleExtract } from '@/utils/article/types';
import { sendToExtension } from '@/utils/messaging/send';
import { ensureOffscreenDocument } from './offscreen-document';

export async function parseArticleOffThread(html: string, url: string): Promise<ArticleExtract | null> {
  if (typeof DOMParser === 'function') return extractFromHtml(html, url);
  await ensureOffscreenDocument();
  const result = await sendToExtension('toOffscreen', 'parseArticle', { html, url });
  if (!result.ok) throw new Error(`The article parser failed: ${result.error.message}`);
  return result.value;
}
