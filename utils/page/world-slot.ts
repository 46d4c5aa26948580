/**
 * A value kept on the `window` of the extension's isolated world, under `key`: how Gloss's scripts
 * in one frame (the loader, the article script, the editor, the panel's views) meet. Page scripts
 * cannot see that `window`; nothing else of Gloss's is kept there.
 */
export interface WorldSlot<T> {
  get(): T | undefined;
  set(value: T | undefined): void;
}

export function worldSlot<T>(key: string): WorldSlot<T> {
  const world = () => window as unknown as Record<string, unknown>;
  return {
    get: () => world()[key] as T | undefined,
    set: (value) => void (world()[key] = value),
  };
}
