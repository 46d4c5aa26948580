/**
 * A component loaded on first use (a dynamic import, its own chunk), so a page pays at start only
 * for what it shows first. Renders nothing until the chunk has arrived.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P extends object> = ComponentType<P> & {
  /** Starts loading now (when it is known to be needed before it renders). */
  preload(): void;
};

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => void (loading ??= load().then((component) => (loaded = component)));
  function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      preload();
      void loading!.then((component) => setComponent(() => component));
    }, []);
    return Component ? <Component {...props} /> : null;
  }
  return Object.assign(Lazy, { preload });
}
