/**
 * Sites the reader says are one outlet (an agency and its mirror, a paper's two domains): a page
 * on one may then file itself under a canonical link on the other, so their notes meet in one
 * article. Without a pair, a canonical link on another site is not trusted (a page could pose
 * as any article). Each pair with a button to remove it, and a form to add one.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { parseSite } from '@/utils/settings/sites';
import { updateSettings, type Settings } from '@/utils/settings/settings';
import { FormError, fieldErrorProps } from './FormError';

export function MirrorSettings({ settings }: { settings: Settings | null }) {
  const [draft, setDraft] = useState({ site: '', mirror: '' });
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const id = useId();
  const pairs = settings?.mirrors ?? [];
  const same = (a: readonly string[], b: readonly string[]) => (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);

  const add = (event: Event) => {
    event.preventDefault();
    const site = parseSite(draft.site);
    const mirror = parseSite(draft.mirror);
    if (!site || !mirror) return setError('Enter two sites such as kcna.kp and kcnawatch.org (or paste page addresses).');
    if (site === mirror) return setError(`Both are ${site}: pages of one site already share their articles.`);
    if (pairs.some((pair) => same(pair, [site, mirror]))) return setError(`${site} and ${mirror} are already paired.`);
    setError(null);
    setDraft({ site: '', mirror: '' });
    void updateSettings((s) => ({ ...s, mirrors: [...(s.mirrors ?? []), [site, mirror]] }));
  };
  const remove = (pair: readonly [string, string]) => {
    void updateSettings((s) => ({ ...s, mirrors: (s.mirrors ?? []).filter((other) => !same(other, pair)) }));
    first.current?.focus();
  };

  return (
    <details class="settings-section" data-testid="settings-mirrors">
      <summary>Same outlet on two sites</summary>
      <p class="settings-note">
        A page names the article it shows; Gloss believes it only for an article on the page's own site, or on a site paired
        here.
      </p>
      {settings !== null && pairs.length > 0 && (
        <ul class="settings-list">
          {pairs.map(([site, mirror]) => (
            <li key={`${site} ${mirror}`} class="settings-row">
              <span class="settings-row-main">
                {site} = {mirror}
              </span>
              <button type="button" class="link-button" data-pair={`${site} ${mirror}`} aria-label={`Unpair ${site} and ${mirror}`} onClick={() => remove([site, mirror])}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="settings-form" onSubmit={add}>
        <label for={`${id}-site`}>Site</label>
        <input
          id={`${id}-site`}
          ref={first}
          value={draft.site}
          placeholder="kcna.kp"
          autocomplete="off"
          spellcheck={false}
          {...fieldErrorProps(id, error)}
          onInput={(event) => setDraft((d) => ({ ...d, site: event.currentTarget.value }))}
        />
        <label for={`${id}-mirror`}>is the same outlet as</label>
        <div class="settings-inline">
          <input
            id={`${id}-mirror`}
            value={draft.mirror}
            placeholder="kcnawatch.org"
            autocomplete="off"
            spellcheck={false}
            {...fieldErrorProps(id, error)}
            onInput={(event) => setDraft((d) => ({ ...d, mirror: event.currentTarget.value }))}
          />
          <button type="submit" disabled={settings === null}>
            Pair
          </button>
        </div>
        <FormError id={id} error={error} />
      </form>
    </details>
  );
}
