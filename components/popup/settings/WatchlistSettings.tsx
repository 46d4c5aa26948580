/**
 * The reader's watchlists, live from the database: each with its term count, opened to edit it;
 * a field to start a new one, and the import from a text file.
 */
import { useId, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/common/use-live-query';
import type { GlossDb } from '@/utils/db/database';
import { createWatchlist, listWatchlists } from '@/utils/db/watchlists-repo';
import { WatchlistImport } from './WatchlistImport';
import { WatchlistItem } from './WatchlistItem';
import { FormError, fieldErrorProps } from './FormError';

export function WatchlistSettings({ db }: { db: GlossDb }) {
  const lists = useLiveQuery(() => listWatchlists(db), [db]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** The list just created, opened for its first terms. */
  const [created, setCreated] = useState<string | null>(null);
  const id = useId();

  const create = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) return setError('Give the new watchlist a name.');
    try {
      const { watchlist } = await createWatchlist(db, { name, terms: [] });
      setCreated(watchlist.id);
      setName('');
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <details class="settings-section" data-testid="settings-watchlists">
      <summary>Watchlists</summary>
      <p class="settings-note">Your own terms, highlighted as policy terms wherever they appear.</p>
      {lists.status === 'loading' ? (
        <p class="settings-note">…</p>
      ) : lists.status === 'error' ? (
        <p class="settings-error" role="alert">
          Gloss can't read the watchlists: {lists.message}
        </p>
      ) : lists.value.length === 0 ? (
        <p class="settings-note">No watchlists yet.</p>
      ) : (
        <ul class="watchlists">
          {lists.value.map((watchlist) => (
            <li key={watchlist.id}>
              <WatchlistItem db={db} watchlist={watchlist} open={watchlist.id === created} />
            </li>
          ))}
        </ul>
      )}
      <form class="settings-form" onSubmit={(event) => void create(event)}>
        <label for={`${id}-name`}>New watchlist</label>
        <div class="settings-inline">
          <input
            id={`${id}-name`}
            name="name"
            value={name}
            placeholder="e.g. Sanctions"
            {...fieldErrorProps(id, error)}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <button type="submit" data-action="create">
            Create
          </button>
        </div>
        <FormError id={id} error={error} />
      </form>
      <WatchlistImport db={db} />
    </details>
  );
}
