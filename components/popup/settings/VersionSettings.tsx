/**
 * Which articles Gloss keeps local copies (versions) of: by default those the reader annotated or
 * where a term of their watchlists was found; or every article read; or only annotated ones. How
 * much room the copies take, and pruning: keep each article's first version, its last N and the
 * versions the reader annotated (the background removes the rest, through the library writer).
 */
import { useId, useRef, useState } from 'preact/hooks';
import { formatBytes } from '@/components/common/format';
import { useLiveQuery } from '@/components/common/use-live-query';
import type { GlossDb } from '@/utils/db/database';
import { MAX_VERSIONS_PER_DAY, versionStats } from '@/utils/db/versions-repo';
import { sendToExtension } from '@/utils/messaging/send';
import { formatCount } from '@/utils/text/count';
import { KEEP_VERSIONS, updateSettings, type KeepVersions, type Settings } from '@/utils/settings/settings';

const LABELS: Readonly<Record<KeepVersions, string>> = {
  'annotated-or-watched': 'Articles I annotate, and articles where a watchlist term is found',
  all: 'Every article I read',
  annotated: 'Only articles I annotate',
};

/** Versions kept of each article when pruning, unless the reader says otherwise. */
const DEFAULT_KEEP = 10;

function Pruning({ db }: { db: GlossDb }) {
  const stats = useLiveQuery(() => versionStats(db), [db]);
  const keep = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const prune = async (event: Event) => {
    event.preventDefault();
    const keepLast = Number(keep.current?.value.trim() || NaN);
    if (!Number.isInteger(keepLast) || keepLast < 1 || keepLast > 1000) {
      setStatus({ text: 'Keep a whole number of versions, from 1 to 1,000.', error: true });
      return;
    }
    setBusy(true);
    const result = await sendToExtension('toBackground', 'pruneVersions', { keepLast });
    setBusy(false);
    setStatus(
      result.ok
        ? { text: result.value.removed ? `${formatCount(result.value.removed)} older ${result.value.removed === 1 ? 'version' : 'versions'} removed.` : 'Nothing to remove.' }
        : { text: `Gloss could not remove them: ${result.error.message}`, error: true },
    );
  };
  return (
    <>
      <p class="settings-note" data-testid="version-stats">
        {stats.status === 'ready'
          ? stats.value.versions
            ? `${formatCount(stats.value.versions)} ${stats.value.versions === 1 ? 'version' : 'versions'} of ${formatCount(stats.value.articles)} ${stats.value.articles === 1 ? 'article' : 'articles'}: ${formatBytes(stats.value.storedBytes)} stored (${formatBytes(stats.value.rawBytes)} before compression).`
            : 'No copies kept yet.'
          : stats.status === 'error'
            ? `Gloss could not count the copies: ${stats.message}`
            : 'Counting the copies…'}
      </p>
      <form class="settings-row" noValidate onSubmit={(event) => void prune(event)} data-testid="prune-versions">
        <label for={id}>Keep each article’s first version and its last</label>{' '}
        <input id={id} type="number" min={1} max={1000} step={1} ref={keep} defaultValue={String(DEFAULT_KEEP)} style={{ width: '4.5em' }} data-testid="prune-keep" />{' '}
        <button type="submit" disabled={busy} data-testid="prune-submit">
          Remove older versions
        </button>
      </form>
      <p class="settings-note">The versions you annotated are always kept.</p>
      {status && (
        <p class={status.error ? 'settings-error' : 'settings-note'} role={status.error ? 'alert' : 'status'} data-testid="prune-status">
          {status.text}
        </p>
      )}
    </>
  );
}

export function VersionSettings({ settings, db }: { settings: Settings | null; db?: GlossDb }) {
  const name = useId();
  const chosen = settings?.keepVersions ?? 'annotated-or-watched';
  return (
    <details class="settings-section" data-testid="settings-versions">
      <summary>Copies of articles</summary>
      <p class="settings-note">
        Gloss keeps a private copy of each version of these articles, readable when the page changes or is gone (at most{' '}
        {MAX_VERSIONS_PER_DAY} versions of an article a day). An article that has copies keeps getting them.
      </p>
      <fieldset class="settings-choices" disabled={settings === null}>
        <legend class="visually-hidden">Keep copies of</legend>
        {KEEP_VERSIONS.map((choice) => (
          <label key={choice} class="settings-row">
            <input
              type="radio"
              name={name}
              value={choice}
              checked={chosen === choice}
              data-testid={`keep-versions-${choice}`}
              onChange={() => void updateSettings((s) => ({ ...s, keepVersions: choice }))}
            />{' '}
            {LABELS[choice]}
          </label>
        ))}
      </fieldset>
      {db && <Pruning db={db} />}
    </details>
  );
}
