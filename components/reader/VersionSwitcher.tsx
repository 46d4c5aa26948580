/**
 * The article's stored versions, newest first: when each was read, its size as stored, and which
 * is shown. Choosing one shows it (its address goes in the page's URL, so it can be kept); beside
 * each other version, "compare" shows what changed between it and the one shown, and while
 * comparing, "read alone" goes back to the version shown.
 */
import type { VersionRecord } from '@/utils/versions/version';
import { formatBytes, formatMoments } from '@/components/common/format';

export interface VersionSwitcherProps {
  versions: readonly VersionRecord[];
  shownId: string | null;
  /** Stored records that are damaged (not listed as versions). */
  damaged: number;
  /** Shows version `id`, compared with `compare` when given. */
  onChoose: (id: string, compare?: string | null) => void;
  hrefOf: (id: string, compare?: string | null) => string;
  /** The version the shown one is compared with; null when not comparing. */
  comparingId?: string | null;
}

/** Follows a plain left click in the page; a click that opens a tab or window is left to the browser. */
const inPage = (event: MouseEvent, go: () => void) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  go();
};

export function VersionSwitcher({ versions, shownId, damaged, onChoose, hrefOf, comparingId = null }: VersionSwitcherProps) {
  const newestFirst = [...versions].reverse();
  const moments = formatMoments(newestFirst.map((version) => version.firstSeenAt));
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
              onClick={(event) => inPage(event, () => onChoose(version.id))}
            >
              {moments[i]}
              {i === 0 && ' (latest)'}
            </a>{' '}
            <span class="version-size" title={`${formatBytes(version.rawBytes)} before compression`}>
              {formatBytes(version.storedBytes)}
            </span>
            {shownId && version.id === comparingId && <span class="muted"> (compared)</span>}
            {shownId && version.id !== shownId && version.id !== comparingId && (
              <>
                {' '}
                <a
                  class="version-compare"
                  href={hrefOf(shownId, version.id)}
                  data-testid="version-compare"
                  data-version={version.id}
                  aria-label={`Compare with the version read ${moments[i]}`}
                  onClick={(event) => inPage(event, () => onChoose(shownId, version.id))}
                >
                  compare
                </a>
              </>
            )}
            {shownId && version.id === shownId && comparingId && (
              <>
                {' '}
                <a class="version-compare" href={hrefOf(shownId)} data-testid="read-alone" onClick={(event) => inPage(event, () => onChoose(shownId))}>
                  read alone
                </a>
              </>
            )}
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
