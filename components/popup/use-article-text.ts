/**
 * The article as the tab reads it (its text model and the entities found in it), asked once the
 * tab has an article: the popup places the reader's annotations in the text itself, so its list
 * follows every change to the library at once. Null while unknown or when the tab cannot answer.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ArticleText } from '@/utils/messaging/protocol';
import { sendToTab } from '@/utils/messaging/send';

export function useArticleText(tabId: number | null, articleId: string | null): ArticleText | null {
  const [reading, setReading] = useState<ArticleText | null>(null);
  useEffect(() => {
    setReading(null);
    if (tabId === null || !articleId) return;
    let stopped = false;
    void sendToTab(tabId, 'getArticleText', {}).then((result) => {
      const reading = result.ok ? result.value : null;
      // An answer of another shape (an older article script after an update) is no answer.
      if (!stopped && reading?.articleId === articleId && typeof reading.text === 'string' && Array.isArray(reading.entities)) setReading(reading);
    });
    return () => {
      stopped = true;
    };
  }, [tabId, articleId]);
  return reading;
}
