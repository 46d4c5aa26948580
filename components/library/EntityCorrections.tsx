/**
 * The reader's corrections of one entity, on its page: rename it, hide it from the table (or show
 * it again), merge it into another entity found by name, and split back out what was merged into
 * it. Each is one message to the background, which refuses a merge that would make a loop and
 * says why; the page then reads its views again (the background's announcement reaches every
 * library page, this one included).
 */
import { useState } from 'preact/hooks';
import { keyName, MAX_NAME, type CorrectionEdit } from '@/utils/corrections/correction';
import type { ShownEntity } from '@/utils/db/entity-groups';
import { ENTITY_TYPE_SINGULAR, type EntityType } from '@/utils/entities/types';
import type { LibraryClient } from './library-client';
import { NameSearchBox } from './NameSearchBox';
import { routeHref } from './route';
import { useNameSearch } from './use-name-search';

/** Entities offered to merge into, at most. */
export const MERGE_CHOICES = 8;

const typeOf = (key: string) => ENTITY_TYPE_SINGULAR[key.slice(0, key.indexOf(':')) as EntityType] ?? '';

export function EntityCorrections({ client, summary, onChanged }: { client: LibraryClient; summary: ShownEntity; onChanged: () => void }) {
  const [status, setStatus] = useState<{ text: string; refused?: boolean } | null>(null);
  const [name, setName] = useState(summary.name);
  const [search, setSearch] = useState('');
  // The same search as the table's, over every name: the entity itself may be among the most named found.
  const searched = useNameSearch(client, search, { limit: MERGE_CHOICES + 1 });
  const found = searched.query && searched.found && 'value' in searched.found ? searched.found.value.rows : null;
  const own = new Set([summary.key, ...(summary.merged ?? [])]);
  const choices = (found ?? []).filter((e) => e.type !== 'DATE' && !own.has(e.key)).slice(0, MERGE_CHOICES);

  const correct = async (edit: CorrectionEdit, done: string, then?: () => void) => {
    setStatus(null);
    const result = await client.correctKey(edit);
    if (!result.ok) return setStatus({ text: result.error.message, refused: true });
    setStatus({ text: done });
    onChanged();
    then?.();
  };
  const rename = (e: Event) => {
    e.preventDefault();
    void correct({ kind: 'rename', key: summary.key, name }, `Shown as “${name.trim()}”.`);
  };

  return (
    <section aria-labelledby="corrections-title" class="corrections" data-testid="corrections">
      <h3 id="corrections-title">Corrections</h3>
      <form class="actions" onSubmit={rename}>
        <label>
          Name{' '}
          <input value={name} maxLength={MAX_NAME} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} data-testid="rename-input" />
        </label>
        <button type="submit">Rename</button>
        {summary.recognizedName && (
          <button type="button" onClick={() => void correct({ kind: 'rename', key: summary.key, name: null }, `Shown as “${summary.recognizedName}” again.`)}>
            Use “{summary.recognizedName}”
          </button>
        )}
      </form>
      <div class="actions">
        <button type="button" data-testid="hide-toggle" onClick={() => void correct({ kind: 'hide', key: summary.key, hidden: !summary.hidden }, summary.hidden ? 'Shown in the table again.' : 'Hidden from the table and from who appears with whom.')}>
          {summary.hidden ? 'Unhide' : 'Hide'}
        </button>
        {summary.hidden && <span class="muted">Hidden from the table and from who appears with whom.</span>}
      </div>
      {summary.merged && (
        <div>
          <h4>Merged into this one</h4>
          <ul class="merged" data-testid="merged-keys">
            {summary.merged.map((key) => (
              <li key={key}>
                {keyName(key)} <span class="muted">({typeOf(key)})</span>{' '}
                <button type="button" onClick={() => void correct({ kind: 'split', key }, `“${keyName(key)}” is shown on its own again.`)}>
                  Split out {keyName(key)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="merge">
        <NameSearchBox label="Merge into" value={search} onInput={setSearch} testId="merge-search" />
        {searched.query && !searched.found && <p role="status">Reading the library…</p>}
        {searched.query && searched.found && 'error' in searched.found && <p role="alert">Gloss could not search the library: {searched.found.error}</p>}
        {found && !choices.length && !searched.pending && <p class="muted">No other entity has that name.</p>}
        {choices.length > 0 && (
          <ul class="merge-choices" data-testid="merge-choices">
            {choices.map((e) => (
              <li key={e.key}>
                <button
                  type="button"
                  onClick={() =>
                    void correct({ kind: 'merge', key: summary.key, into: e.key }, `“${summary.name}” is now shown as “${e.name}”.`, () => {
                      location.hash = routeHref({ view: 'entity', key: e.key });
                    })
                  }
                >
                  Merge into {e.name}
                </button>{' '}
                <span class="muted">
                  ({ENTITY_TYPE_SINGULAR[e.type]}, {e.articles} {e.articles === 1 ? 'article' : 'articles'})
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {status && (
        <p role={status.refused ? 'alert' : 'status'} class={status.refused ? 'refused' : undefined} data-testid="correction-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
