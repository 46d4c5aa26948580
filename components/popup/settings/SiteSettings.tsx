/**
 * The sites where Gloss is off ("Never on this site" in the page panel): each with a button to
 * turn Gloss back on, and a field to add one by host name.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { parseHost } from '@/utils/settings/sites';
import { updateSettings, type Settings } from '@/utils/settings/settings';
import { FormError, fieldErrorProps } from './FormError';

export function SiteSettings({ settings }: { settings: Settings | null }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const sites = settings?.disabledSites ?? [];

  const add = (event: Event) => {
    event.preventDefault();
    const host = parseHost(draft);
    if (!host) return setError('Enter a host name such as news.example.com (or paste the page address).');
    if (sites.includes(host)) return setError(`Gloss is already off on ${host}.`);
    setError(null);
    setDraft('');
    void updateSettings((s) => ({ ...s, disabledSites: [...new Set([...s.disabledSites, host])] }));
  };
  const remove = (host: string) => {
    void updateSettings((s) => ({ ...s, disabledSites: s.disabledSites.filter((site) => site !== host) }));
    // The row and its button go away: leave the keyboard in the section.
    input.current?.focus();
  };

  return (
    <details class="settings-section" data-testid="settings-sites">
      <summary>Sites where Gloss is off</summary>
      {settings === null ? (
        <p class="settings-note">…</p>
      ) : sites.length === 0 ? (
        <p class="settings-note">Gloss runs on every site.</p>
      ) : (
        <ul class="settings-list">
          {sites.map((host) => (
            <li key={host} class="settings-row">
              <span class="settings-row-main">{host}</span>
              <button type="button" class="link-button" data-site={host} aria-label={`Turn Gloss back on at ${host}`} onClick={() => remove(host)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="settings-form" onSubmit={add}>
        <label for={`${id}-host`}>Turn Gloss off on</label>
        <div class="settings-inline">
          <input
            id={`${id}-host`}
            ref={input}
            value={draft}
            placeholder="news.example.com"
            autocomplete="off"
            spellcheck={false}
            {...fieldErrorProps(id, error)}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <button type="submit" disabled={settings === null}>
            Add
          </button>
        </div>
        <FormError id={id} error={error} />
      </form>
    </details>
  );
}
