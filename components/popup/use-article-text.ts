/**
 * The article's text as the tab reads it (the text model), asked once the tab has an article:
 * the popup places the reader's annotations in it itself, so its list follows every change to
 * the library at once. Null while unknown or when the tab cannot answer.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendToTab } from '@/utils/messaging/send';

export function useArticleText(tabId: number | null, articleId: string | null): string | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    setText(null);
    if (tabId === null || !articleId) return;
    let stopped = false;
    void sendToTab(tabId, 'getArticleText', {}).then((result) => {
      if (!stopped && result.ok && result.value?.articleId === articleId) setText(result.value.text);
    });
    return () => {
      stopped = true;
    };
  }, [tabId, articleId]);
  return text;
}
