/**
 * The article's stored versions, newest first: when each was read, its size as stored, and which
 * is shown. Choosing one shows it (its address goes in the page's URL, so it can be kept).
 */
import type { VersionRecord } from '@/utils/versions/version';
import { formatBytes, formatMoment } from './format';

export interface VersionSwitcherProps {
  versions: readonly VersionRecord[];
  shownId: string | null;
  /** Stored records that are damaged (not listed as versions). */
  damaged: number;
  onChoose: (id: string) => void;
  hrefOf: (id: string) => string;
}

export function VersionSwitcher({ versions, shownId, damaged, onChoose, hrefOf }: VersionSwitcherProps) {
  const newestFirst = [...versions].reverse();
  return (
    <nav class="versions" aria-label="Stored versions" data-testid="versions">
      <h2>
        {versions.length === 1 ? '1 stored version' : `${versions.length} stored versions`}
      </h2>
      <ol>
        {newestFirst.map((version, i) => (
          <li key={version.id}>
            <a
              href={hrefOf(version.id)}
              aria-current={version.id === shownId ? 'page' : undefined}
              data-testid="version-link"
              data-version={version.id}
              onClick={(event) => {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
                event.preventDefault();
                onChoose(version.id);
              }}
            >
              {formatMoment(version.firstSeenAt)}
              {i === 0 && ' (latest)'}
            </a>{' '}
            <span class="version-size" title={`${formatBytes(version.rawBytes)} before compression`}>
              {formatBytes(version.storedBytes)}
            </span>
          </li>
        ))}
      </ol>
      {damaged > 0 && (
        <p class="notice" role="status">
          {damaged === 1 ? 'One stored version is damaged and cannot be listed.' : `${damaged} stored versions are damaged and cannot be listed.`}
        </p>
      )}
    </nav>
  );
}
