/**
 * A component loaded on first use (a dynamic import, its own chunk), so a page pays at start only
 * for what it shows first. Renders nothing until the chunk has arrived.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      loading ??= load().then((component) => (loaded = component));
      void loading.then((component) => setComponent(() => component));
    }, []);
    return Component ? <Component {...props} /> : null;
  };
}
