/** A Dexie live query as Preact state: re-runs when the rows it read change, in any context. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveQueryState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; message: string };

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[]): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', message: String(error) }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
