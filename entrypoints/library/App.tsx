/**
 * The library page: what the reader's articles say across articles (issue 15). Three views, each
 * at its own address fragment (components/library/route.ts): the entity table, one entity, and
 * terms over time. Everything is asked of the background through the message protocol; every
 * view is asked again when the reader's corrections change (here or on another library page).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { EntityTable } from '@/components/library/EntityTable';
import { EntityView } from '@/components/library/EntityView';
import type { LibraryClient } from '@/components/library/library-client';
import { parseRoute, routeHref, type Route } from '@/components/library/route';
import { TermTrends } from '@/components/library/TermTrends';

export function LibraryApp({ client }: { client: LibraryClient }) {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const [revision, setRevision] = useState(0);
  const changed = () => setRevision((n) => n + 1);
  useEffect(() => client.onCorrections(changed), [client]);
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    document.title = route.view === 'entity' ? `${route.key.slice(route.key.indexOf(':') + 1)} · Gloss library` : route.view === 'trends' ? 'Terms over time · Gloss library' : 'Gloss library';
    // A new view (not the first): the keyboard's place moves to its start, so Tab goes on from there
    // rather than from a link that is gone.
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [route]);

  return (
    <div class="library">
      <header class="library-head">
        <h1>Gloss library</h1>
        <nav aria-label="Library views">
          <a href={routeHref({ view: 'table' })} aria-current={route.view === 'table' ? 'page' : undefined}>
            Entities
          </a>
          <a href={routeHref({ view: 'trends', keys: route.view === 'trends' ? route.keys : [] })} aria-current={route.view === 'trends' ? 'page' : undefined}>
            Terms over time
          </a>
        </nav>
      </header>
      <main ref={main} tabIndex={-1}>
        {route.view === 'table' && <EntityTable client={client} revision={revision} slice={route.slice} onSlice={(slice) => (location.hash = routeHref({ view: 'table', slice }))} />}
        {route.view === 'entity' && (
          <EntityView key={route.key} client={client} entityKey={route.key} revision={revision} onChanged={changed} by={route.by} onBy={(by) => (location.hash = routeHref({ view: 'entity', key: route.key, by }))} />
        )}
        {route.view === 'trends' && <TermTrends client={client} keys={route.keys} onKeys={(keys) => (location.hash = routeHref({ view: 'trends', keys }))} revision={revision} />}
      </main>
    </div>
  );
}
