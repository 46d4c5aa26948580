/**
 * One of the reader's watchlists, opened: rename it, delete it (after asking), and add, edit or
 * remove its terms. Long lists are filtered rather than shown whole. An entry the watchlist check
 * refuses is not saved, and the reasons stay beside the form; problems with older entries that
 * the repository drops on save are listed once it has saved.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { GlossDb } from '@/utils/db/database';
import { deleteWatchlist, updateWatchlist } from '@/utils/db/watchlists-repo';
import type { TermEntry } from '@/utils/entities/term-lists';
import { checkTerms, type WatchlistRecord } from '@/utils/entities/watchlist';
import { TermForm } from './TermForm';
import { formatCount } from '@/utils/text/count';

/** Terms shown at once; the filter finds the others. */
const SHOWN = 100;

const termCount = (n: number) => `${formatCount(n)} ${n === 1 ? 'term' : 'terms'}`;

export function WatchlistItem({ db, watchlist, open }: { db: GlossDb; watchlist: WatchlistRecord; open?: boolean }) {
  const [name, setName] = useState(watchlist.name);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; problems: string[] } | null>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const id = useId();

  useEffect(() => setName(watchlist.name), [watchlist.name]);
  // Back from editing a term, the keyboard returns to that term's Edit button.
  const lastEdited = useRef<number | null>(null);
  const termList = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (editing === null && lastEdited.current !== null) {
      termList.current?.querySelector<HTMLElement>(`[data-edit-index="${lastEdited.current}"]`)?.focus();
    }
    lastEdited.current = editing;
  }, [editing]);
  // A removed term takes its Remove button along: the keyboard goes to the next term's.
  const removedAt = useRef<number | null>(null);
  const section = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (removedAt.current === null) return;
    const next = Math.min(removedAt.current, watchlist.terms.length - 1);
    removedAt.current = null;
    section.current?.querySelector<HTMLElement>(next >= 0 ? `[data-remove-index="${next}"]` : '.watchlist-add input')?.focus();
  }, [watchlist.terms]);
  // Asking moves the keyboard to the safe answer; keeping the list brings it back.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (asked.current) deleteButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  /** Saves `terms` unless the entry at `changed` is refused; answers the refusals. */
  const saveTerms = async (terms: TermEntry[], changed: number | null): Promise<string[]> => {
    if (changed !== null) {
      const refused = checkTerms(watchlist.name, terms).problems.filter((problem) => problem.index === changed);
      if (refused.length) return refused.map((problem) => problem.message);
    }
    const saved = await updateWatchlist(db, watchlist.id, { name: watchlist.name, terms });
    setMessage(saved.problems.length ? { text: 'Saved. Some older entries could not be used and were left out:', problems: saved.problems.map((p) => p.message) } : null);
    return [];
  };

  const rename = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) return setMessage({ text: 'A watchlist needs a name.', problems: [] });
    await updateWatchlist(db, watchlist.id, { name, terms: watchlist.terms });
    setMessage({ text: `Renamed to “${name.trim()}”.`, problems: [] });
  };

  const needle = filter.trim().toLowerCase();
  const matching = watchlist.terms
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => !needle || [entry.term, ...(entry.aliases ?? [])].some((text) => text.toLowerCase().includes(needle)));

  return (
    <details class="watchlist" ref={section} data-watchlist={watchlist.id} open={open}>
      <summary>
        <span class="watchlist-name">{watchlist.name}</span> <span class="watchlist-count">{termCount(watchlist.terms.length)}</span>
      </summary>
      <form class="settings-form" onSubmit={(event) => void rename(event)}>
        <label for={`${id}-name`}>Name</label>
        <div class="settings-inline">
          <input id={`${id}-name`} name="name" value={name} onInput={(event) => setName(event.currentTarget.value)} />
          <button type="submit" data-action="rename" disabled={name.trim() === watchlist.name}>
            Rename
          </button>
        </div>
      </form>

      {message && (
        <div class={message.problems.length ? 'settings-error' : 'settings-note'} role="status">
          <p>{message.text}</p>
          {message.problems.length > 0 && (
            <ul>
              {message.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {watchlist.terms.length > 10 && (
        <label class="settings-form">
          Find a term
          <input type="search" value={filter} onInput={(event) => setFilter(event.currentTarget.value)} />
        </label>
      )}
      {watchlist.terms.length === 0 ? (
        <p class="settings-note">No terms yet.</p>
      ) : (
        <ul class="settings-list term-list" ref={termList} aria-label={`Terms of ${watchlist.name}`}>
          {matching.slice(0, SHOWN).map(({ entry, index }) =>
            editing === index ? (
              <li key={index} class="term-row editing">
                <TermForm
                  initial={entry}
                  submitLabel="Save term"
                  onSubmit={async (edited) => {
                    const refused = await saveTerms(watchlist.terms.map((old, i) => (i === index ? edited : old)), index);
                    if (!refused.length) setEditing(null);
                    return refused;
                  }}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={index} class="settings-row term-row" data-term={entry.term}>
                <span class="settings-row-main">
                  <span class="term-text">{entry.term}</span>
                  {entry.aliases?.length ? <span class="term-aliases">also {entry.aliases.join(', ')}</span> : null}
                  {entry.note && <span class="term-note">{entry.note}</span>}
                </span>
                <button type="button" class="link-button" data-action="edit-term" data-edit-index={index} aria-label={`Edit ${entry.term}`} onClick={() => setEditing(index)}>
                  Edit
                </button>
                <button
                  type="button"
                  class="link-button"
                  data-action="remove-term"
                  data-remove-index={index}
                  aria-label={`Remove ${entry.term}`}
                  onClick={() => {
                    setEditing(null);
                    removedAt.current = index;
                    void saveTerms(watchlist.terms.filter((_, i) => i !== index), null);
                  }}
                >
                  Remove
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      {matching.length > SHOWN && (
        <p class="settings-note">
          Showing {SHOWN} of {formatCount(matching.length)}: type in “Find a term” to narrow them.
        </p>
      )}

      <h4 class="settings-subhead">Add a term</h4>
      <div class="watchlist-add">
        <TermForm submitLabel="Add term" onSubmit={(entry) => saveTerms([...watchlist.terms, entry], watchlist.terms.length)} />
      </div>

      <div class="watchlist-delete">
        {confirming ? (
          <div role="alertdialog" aria-label={`Delete ${watchlist.name}?`} class="confirm">
            <p>
              Delete “{watchlist.name}” and its {termCount(watchlist.terms.length)}? This cannot be undone.
            </p>
            <div class="settings-inline">
              <button type="button" class="danger" data-action="confirm-delete" onClick={() => void deleteWatchlist(db, watchlist.id)}>
                Delete
              </button>
              <button
                type="button"
                data-action="cancel-delete"
                ref={keepButton}
                onClick={() => setConfirming(false)}
              >
                Keep it
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="link-button danger" data-action="delete" ref={deleteButton} onClick={() => setConfirming(true)}>
            Delete this watchlist…
          </button>
        )}
      </div>
    </details>
  );
}
