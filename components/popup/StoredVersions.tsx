/**
 * The popup's line on the article's stored versions: how many Gloss keeps, a link to the reader
 * page (the latest, readable when the page is gone), the versions themselves (each opens in the
 * reader page; an older one can be compared with the latest), and a notice when a reading could
 * not be kept (a full disk, the day's cap). The reader can delete the article's copies (asked
 * twice: they cannot be had again once the page changes).
 */
import { useEffect, useState } from 'preact/hooks';
import { sendToExtension } from '@/utils/messaging/send';
import { browser } from 'wxt/browser';
import { formatBytes, formatMoments } from '@/components/common/format';
import { useLiveQuery } from '@/components/common/use-live-query';
import type { GlossDb } from '@/utils/db/database';
import { MAX_VERSIONS_PER_DAY, listVersions } from '@/utils/db/versions-repo';
import { readerPath } from '@/utils/versions/reader-path';
import { noticeText, versionNotice, type VersionNotice } from '@/utils/versions/notices';

/** The notice for an article, kept current while the popup is open. */
function useVersionNotice(articleId: string): VersionNotice | null {
  const [notice, setNotice] = useState<VersionNotice | null>(null);
  useEffect(() => {
    let live = true;
    const read = () => void versionNotice(articleId).then((value) => live && setNotice(value), () => {});
    read();
    const listener = (_changes: unknown, area: string) => area === 'local' && read();
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [articleId]);
  return notice;
}

/** "Delete the copies of this article", confirmed, then done by the background. */
function DeleteCopies({ articleId, count }: { articleId: string; count: number }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const result = await sendToExtension('toBackground', 'deleteArticleVersions', { articleId });
    setAsking(false);
    setError(result.ok ? null : `Gloss could not delete them: ${result.error.message}`);
  };
  return (
    <p>
      {asking ? (
        <>
          <span role="alert">
            Delete {count === 1 ? 'the copy' : `all ${count} copies`} of this article? Your notes stay.
          </span>{' '}
          <button type="button" data-testid="delete-copies-confirm" onClick={() => void remove()}>
            Delete
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Keep them
          </button>
        </>
      ) : (
        <button type="button" class="link-button" data-testid="delete-copies" onClick={() => setAsking(true)}>
          Delete the copies of this article
        </button>
      )}
      {error && (
        <span class="notice" role="alert">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}

export function StoredVersions({ db, articleId }: { db: GlossDb; articleId: string }) {
  const versions = useLiveQuery(() => listVersions(db, articleId), [db, articleId]);
  const notice = useVersionNotice(articleId);
  const count = versions.status === 'ready' ? versions.value.length : 0;
  const latest = versions.status === 'ready' ? versions.value.at(-1) : undefined;
  const newestFirst = versions.status === 'ready' ? [...versions.value].reverse() : [];
  const moments = formatMoments(newestFirst.map((version) => version.firstSeenAt));
  const reader = (query: Record<string, string>) => browser.runtime.getURL(`/reader.html?${new URLSearchParams({ article: articleId, ...query }).toString()}`);
  if (!count && !notice) return null;
  return (
    <section class="stored-versions" data-testid="stored-versions">
      {latest && (
        <p>
          <a
            href={browser.runtime.getURL(readerPath(articleId, latest.id))}
            target="_blank"
            rel="noopener"
            data-testid="open-stored-copy"
          >
            Read the stored copy
          </a>{' '}
          <span class="muted">({count === 1 ? '1 version kept' : `${count} versions kept`})</span>
        </p>
      )}
      {latest && count > 1 && (
        <details class="version-list" data-testid="version-list">
          <summary>Versions</summary>
          <ol>
            {newestFirst.map((version, i) => (
              <li key={version.id}>
                <a href={reader({ version: version.id })} target="_blank" rel="noopener" data-testid="popup-version" data-version={version.id}>
                  {moments[i]}
                </a>
                {i === 0 ? ' (latest)' : ''} <span class="muted">{formatBytes(version.storedBytes)}</span>
                {i > 0 && (
                  <>
                    {' · '}
                    <a href={reader({ compare: version.id, version: latest.id })} target="_blank" rel="noopener" data-testid="popup-compare">
                      what changed since
                    </a>
                  </>
                )}
              </li>
            ))}
          </ol>
          <DeleteCopies articleId={articleId} count={count} />
        </details>
      )}
      {latest && count === 1 && <DeleteCopies articleId={articleId} count={count} />}
      {notice && (
        <p class="notice" role="status" data-testid="version-notice">
          {noticeText(notice, MAX_VERSIONS_PER_DAY)}
        </p>
      )}
    </section>
  );
}
