/**
 * The entity card's "Add to a watchlist": choose one of the reader's watchlists, or name a new
 * one, and add the entity's name with the other spellings the article used. The lists are read
 * when the picker opens; what happened is said in the card (added, already there, or why not).
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { Result } from '@/utils/messaging/result';
import type { WatchlistName } from '@/utils/messaging/protocol/types';
import type { WatchlistTarget } from '@/utils/db/watchlists-repo';

export interface WatchlistActions {
  list(): Promise<Result<WatchlistName[]>>;
  add(target: WatchlistTarget): Promise<Result<WatchlistName & { added: boolean }>>;
}

export interface WatchlistPickerProps {
  /** The name to add, as the card shows it. */
  name: string;
  /** What a new list is called unless the reader says otherwise ("People to watch"). */
  newListName: string;
  actions: WatchlistActions;
}

const NEW = '';

export function WatchlistPicker({ name, newListName, actions }: WatchlistPickerProps) {
  const id = useId();
  const [lists, setLists] = useState<WatchlistName[] | null>(null);
  const [choice, setChoice] = useState(NEW);
  const [newName, setNewName] = useState(newListName);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    void actions.list().then((result) => {
      if (!live) return;
      if (!result.ok) return setSaid({ text: `Your watchlists could not be read: ${result.error.message}`, error: true });
      setLists(result.value);
      if (result.value[0]) setChoice(result.value[0].id);
    });
    return () => void (live = false);
    // Read once, when the picker opens: the card re-renders as the pointer moves.
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const listName = newName.trim();
    if (choice === NEW && !listName) return setSaid({ text: 'Give the new watchlist a name.', error: true });
    setBusy(true);
    const result = await actions.add(choice === NEW ? { name: listName } : { id: choice });
    setBusy(false);
    if (!result.ok) return setSaid({ text: `Not added: ${result.error.message}`, error: true });
    const { added, name: list } = result.value;
    setSaid({ text: added ? `Added “${name}” to ${list}.` : `“${name}” is already in ${list}.`, error: false });
    if (added && choice === NEW) {
      setLists((previous) => [...(previous ?? []), { id: result.value.id, name: list }]);
      setChoice(result.value.id);
    }
  };

  return (
    <form class="card-watch" onSubmit={(event) => void submit(event)} data-testid="card-watch">
      <label for={`${id}-list`}>Watchlist</label>
      <select id={`${id}-list`} value={choice} disabled={!lists} onChange={(event) => setChoice(event.currentTarget.value)}>
        {lists?.map((list) => (
          <option key={list.id} value={list.id}>
            {list.name}
          </option>
        ))}
        <option value={NEW}>New watchlist…</option>
      </select>
      {choice === NEW && (
        <>
          <label for={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={newName} maxLength={100} onInput={(event) => setNewName(event.currentTarget.value)} />
        </>
      )}
      <button type="submit" disabled={busy || !lists}>
        Add
      </button>
      {said && (
        <p class={said.error ? 'card-watch-error' : 'card-watch-done'} role={said.error ? 'alert' : 'status'}>
          {said.text}
        </p>
      )}
    </form>
  );
}
