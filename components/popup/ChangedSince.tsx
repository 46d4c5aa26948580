/**
 * The popup's "Changed since you annotated" line: the background compares the text the tab reads
 * now with the version the reader annotated (or the first kept), by paragraph, and the popup says
 * what changed, with a link to the reader page's comparison. Asked again when the reader's
 * annotations of the article change (annotating the text shown now ends the notice).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToExtension } from '@/utils/messaging/send';
import { changedSinceText, comparisonPath, type ArticleChanges } from '@/utils/versions/changes';

export interface ChangedSinceProps {
  articleId: string;
  /** The article's text as the tab reads it now. */
  text: string;
  /** Changes whenever the article's annotations do. */
  annotationsKey: string;
}

export function ChangedSince({ articleId, text, annotationsKey }: ChangedSinceProps) {
  const [changes, setChanges] = useState<ArticleChanges | null>(null);
  useEffect(() => {
    let live = true;
    void sendToExtension('toBackground', 'articleChanges', { articleId, text }).then((result) => live && setChanges(result.ok ? result.value : null));
    return () => {
      live = false;
    };
  }, [articleId, text, annotationsKey]);
  if (!changes) return null;
  return (
    <p class="article-changed" data-testid="article-changed">
      {changedSinceText(changes)}.{' '}
      <a href={browser.runtime.getURL(comparisonPath(articleId, changes))} target="_blank" rel="noopener" data-testid="see-changes">
        See what changed
      </a>
    </p>
  );
}
