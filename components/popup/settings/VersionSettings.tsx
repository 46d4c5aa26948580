/**
 * Which articles Gloss keeps local copies (versions) of: by default those the reader annotated or
 * where a term of their watchlists was found; or every article read; or only annotated ones.
 */
import { useId } from 'preact/hooks';
import { MAX_VERSIONS_PER_DAY } from '@/utils/db/versions-repo';
import { KEEP_VERSIONS, updateSettings, type KeepVersions, type Settings } from '@/utils/settings/settings';

const LABELS: Readonly<Record<KeepVersions, string>> = {
  'annotated-or-watched': 'Articles I annotate, and articles where a watchlist term is found',
  all: 'Every article I read',
  annotated: 'Only articles I annotate',
};

export function VersionSettings({ settings }: { settings: Settings | null }) {
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
    </details>
  );
}
