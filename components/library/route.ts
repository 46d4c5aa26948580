/**
 * Where the library page is, in its address's fragment, so that Back, a reload and a link to an
 * entity work: `#` the table, `#entity=<key>` one entity, `#trends=<key>,<key>` the trend chart.
 */
export type Route = { view: 'table' } | { view: 'entity'; key: string } | { view: 'trends'; keys: string[] };

/** The route a fragment names (the table for anything else). */
export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get('entity');
  if (key) return { view: 'entity', key };
  const keys = params.get('trends');
  if (keys !== null) return { view: 'trends', keys: keys.split('|').filter(Boolean) };
  return { view: 'table' };
}

/** The fragment of a route. */
export function routeHref(route: Route): string {
  if (route.view === 'entity') return `#${new URLSearchParams({ entity: route.key }).toString()}`;
  if (route.view === 'trends') return `#${new URLSearchParams({ trends: route.keys.join('|') }).toString()}`;
  return '#';
}
