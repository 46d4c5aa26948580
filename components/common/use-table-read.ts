/**
 * A read of the database as Preact state, read again when a write in any context touches one of
 * the tables it names. For reads that depend on whole tables (a count, the last key, every key of
 * an index), where watching tables says as much as watching the ranges read.
 *
 * Why not a live query: Dexie's `liveQuery` keeps the ranges its query read and, until one of
 * them changes, merges the ranges of every write it hears of, from every context, into a set it
 * keeps. After an import, while the background fills the library in (hundreds of writes of
 * entities and mentions, each with the words it indexes), that merging took ~20 ms of each search
 * of the popup's library (docs/FINDINGS.md, session 15). Here a write costs a look at the names
 * of the tables it touched. Writes heard while a read runs are followed by one more read.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { LiveQueryState } from './use-live-query';

/**
 * `read`'s answer, read again whenever a write touches one of `tables` of `db` (the state of
 * useLiveQuery). With no tables, only a change of `deps` (or of every table) reads it again.
 */
export function useTableRead<T>(db: Dexie, tables: readonly string[], read: () => Promise<T> | T, deps: readonly unknown[]): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>({ status: 'loading' });
  useEffect(() => {
    const parts = tables.map((table) => `idb://${db.name}/${table}/`);
    let closed = false;
    let reading = false;
    let again = false;
    let last: { value: T } | undefined;
    const readNow = async () => {
      reading = true;
      do {
        again = false;
        try {
          const value = await read();
          // The same answer again (a read that waits for its inputs answers undefined) renders nothing.
          if (!closed && !(last && Object.is(last.value, value))) setState({ status: 'ready', value });
          last = { value };
        } catch (error) {
          if (!closed) setState({ status: 'error', message: String(error) });
        }
      } while (again && !closed);
      reading = false;
    };
    const touched = (changed: ObservabilitySet) => !!changed.all || Object.keys(changed).some((key) => parts.some((part) => key.startsWith(part)));
    const listener = (changed: ObservabilitySet) => {
      if (closed || !touched(changed)) return;
      if (reading) again = true;
      else void readNow();
    };
    Dexie.on('storagemutated', listener);
    void readNow();
    return () => {
      closed = true;
      Dexie.on.storagemutated.unsubscribe(listener);
    };
  }, [db, ...tables, ...deps]);
  return state;
}
