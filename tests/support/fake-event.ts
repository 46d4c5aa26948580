/** An extension event with a trigger, for the events WXT's fake browser leaves unimplemented (commands, context menus). */
export function fakeEvent() {
  const listeners: ((...args: never[]) => unknown)[] = [];
  return {
    addListener: (listener: (...args: never[]) => unknown) => void listeners.push(listener),
    trigger: async (...args: unknown[]) => {
      for (const listener of listeners) await (listener as (...a: unknown[]) => unknown)(...args);
    },
  };
}
