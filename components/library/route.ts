/**
 * Where the library page is, in its address's fragment, so that Back, a reload and a link to an
 * entity work: `#` the table (`#outlet=…&from=YYYY-MM&to=YYYY-MM` within a slice), `#entity=<key>`
 * one entity (`&by=week`: its timeline by week), `#trends=<key>|<key>` the trend chart.
 */
import type { Slice } from '@/utils/db/sliced-entities';
import type { Unit } from './chart-data';

export type Route = { view: 'table'; slice?: Slice } | { view: 'entity'; key: string; by?: Unit } | { view: 'trends'; keys: string[] };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The slice a fragment's parameters name, months that are not months left out (undefined: the whole library). */
function sliceOf(params: URLSearchParams): Slice | undefined {
  const outlet = params.get('outlet');
  const [from, to] = [params.get('from'), params.get('to')].map((m) => (m && MONTH.test(m) ? m : undefined));
  const slice: Slice = { ...(outlet !== null && { outlet }), ...(from && { from }), ...(to && { to }) };
  return Object.keys(slice).length ? slice : undefined;
}

/** The route a fragment names (the table for anything else). */
export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get('entity');
  if (key) return { view: 'entity', key, ...(params.get('by') === 'week' && { by: 'week' as const }) };
  const keys = params.get('trends');
  if (keys !== null) return { view: 'trends', keys: keys.split('|').filter(Boolean) };
  const slice = sliceOf(params);
  return slice ? { view: 'table', slice } : { view: 'table' };
}

/** The fragment of a route. */
export function routeHref(route: Route): string {
  if (route.view === 'entity') return `#${new URLSearchParams({ entity: route.key, ...(route.by === 'week' && { by: 'week' }) }).toString()}`;
  if (route.view === 'trends') return `#${new URLSearchParams({ trends: route.keys.join('|') }).toString()}`;
  const { outlet, from, to } = route.slice ?? {};
  const params = new URLSearchParams({ ...(outlet !== undefined && { outlet }), ...(from && { from }), ...(to && { to }) }).toString();
  return params ? `#${params}` : '#';
}
