/** The reader page's header: the outlet, byline and dates of the version shown, and its source. */
import { formatPublished } from '@/utils/article/published';
import type { VersionRecord } from '@/utils/versions/version';
import { formatMoment } from '@/components/common/format';

export function VersionHeader({ version }: { version: VersionRecord }) {
  const published = formatPublished(version.publishedTime, version.lang);
  const modified = formatPublished(version.modifiedTime, version.lang);
  return (
    <header class="version-header" data-testid="version-header">
      <p class="version-meta">
        {version.siteName && <span data-testid="version-outlet">{version.siteName}</span>}
        {version.byline && <span data-testid="version-byline">{version.byline}</span>}
        {published && (
          <span>
            Published <time dateTime={version.publishedTime ?? undefined}>{published}</time>
          </span>
        )}
        {modified && (
          <span>
            Updated <time dateTime={version.modifiedTime ?? undefined}>{modified}</time>
          </span>
        )}
      </p>
      <p class="version-meta">
        <span data-testid="version-seen">
          This version read {formatMoment(version.firstSeenAt)}
          {version.lastSeenAt !== version.firstSeenAt && <> to {formatMoment(version.lastSeenAt)}</>}
        </span>
        <a href={version.url} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer" data-testid="version-source">
          Source
        </a>
        {version.canonicalUrl && version.canonicalUrl !== version.url && (
          <a href={version.canonicalUrl} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">
            Canonical address
          </a>
        )}
      </p>
    </header>
  );
}
