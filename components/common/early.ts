/**
 * A read a page starts as its script loads, before it renders, and its value once it has come: a
 * first render can use the value without waiting a frame for an effect to ask. A read that fails
 * leaves no value; whoever awaits the promise learns why.
 */
export interface Early<T> {
  promise: Promise<T>;
  value: T | undefined;
}

export function early<T>(promise: Promise<T>): Early<T> {
  const tracked: Early<T> = { promise, value: undefined };
  promise.then(
    (value) => (tracked.value = value),
    () => undefined,
  );
  return tracked;
}
