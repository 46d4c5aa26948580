/**
 * Terms over time: one or several keys (terms, or any entity) as bars per month, to compare;
 * articles or mentions; the numbers in a table under the chart, exportable as CSV. The picker
 * offers every term of every list (built-in and the reader's watchlists), found or not yet, with
 * the articles naming each, and the terms found that no list names now; a search narrows them.
 */
import { useState } from 'preact/hooks';
import { csvTable } from '@/utils/export/csv-field';
import type { ListedTerm } from '@/utils/db/term-list-counts';
import type { KeyTrend } from '@/utils/messaging/protocol/types';
import { MAX_TREND_KEYS } from '@/utils/messaging/protocol/define';
import { BarChart } from './BarChart';
import { periodGrid } from './chart-data';
import type { LibraryClient } from './library-client';
import { routeHref } from './route';
import { download } from './download';
import { useAnswer } from './use-answer';

type Measure = 'articles' | 'mentions';
const nameOf = (t: KeyTrend) => t.name ?? t.key.slice(t.key.indexOf(':') + 1);

/** Trends per month as CSV: a column per key. */
export function trendsCsv(trends: readonly KeyTrend[], measure: Measure): string {
  const grid = periodGrid(trends.map((t) => ({ label: nameOf(t), points: t.points.map((p) => ({ period: p.month, value: p[measure] })) })));
  return csvTable([['month', ...trends.map(nameOf)], ...grid.periods.map((month, m) => [month, ...grid.values.map((row) => row[m] ?? 0)])]);
}

export function TermTrends({ client, keys, onKeys, revision = 0 }: { client: LibraryClient; keys: string[]; onKeys: (keys: string[]) => void; revision?: number }) {
  const [measure, setMeasure] = useState<Measure>('articles');
  const [find, setFind] = useState('');
  const lists = useAnswer(() => client.termLists({}), [client], revision);
  const found = useAnswer(() => client.listEntities({ type: 'TERM', limit: 500 }), [client], revision);
  const chosen = keys.slice(0, MAX_TREND_KEYS);
  const trends = useAnswer(() => (chosen.length ? client.entityTrends({ keys: chosen }) : Promise.resolve({ ok: true as const, value: [] })), [client, chosen.join('|')], revision);
  const toggle = (key: string, on: boolean) => onKeys(on ? [...chosen.filter((k) => k !== key), key] : chosen.filter((k) => k !== key));
  const listed = lists.state === 'ready' ? lists.value : [];
  const inLists = new Set(listed.flatMap((list) => list.terms.map((t) => t.key)));
  // Terms found in the articles that no list names now (a watchlist since deleted, a merged key).
  const unlisted: ListedTerm[] = found.state === 'ready' ? found.value.filter((t) => !inLists.has(t.key)).map((t) => ({ key: t.key, name: t.name, articles: t.articles })) : [];
  const offered = new Set([...inLists, ...unlisted.map((t) => t.key)]);
  const extra: ListedTerm[] = chosen.filter((k) => !offered.has(k)).map((key) => ({ key, name: key.slice(key.indexOf(':') + 1), articles: -1 }));
  const wanted = find.trim().toLowerCase();
  const matching = (terms: readonly ListedTerm[]) => (wanted ? terms.filter((t) => t.name.toLowerCase().includes(wanted)) : terms);
  const box = (t: ListedTerm) => (
    <label key={t.key}>
      <input type="checkbox" checked={chosen.includes(t.key)} disabled={!chosen.includes(t.key) && chosen.length >= MAX_TREND_KEYS} onChange={(e) => toggle(t.key, (e.currentTarget as HTMLInputElement).checked)} /> {t.name}
      {t.articles >= 0 && <span class="muted"> · {t.articles ? `${t.articles} ${t.articles === 1 ? 'article' : 'articles'}` : 'not found yet'}</span>}
    </label>
  );

  return (
    <section aria-labelledby="trends-title">
      <h2 id="trends-title">Terms over time</h2>
      <fieldset class="picker">
        <legend>Compare (up to {MAX_TREND_KEYS})</legend>
        <label>
          Find a term <input type="search" value={find} onInput={(e) => setFind((e.currentTarget as HTMLInputElement).value)} data-testid="term-find" />
        </label>
        {(lists.state === 'loading' || found.state === 'loading') && <p role="status">Reading the terms…</p>}
        {lists.state === 'failed' && <p role="alert">{lists.message}</p>}
        {found.state === 'failed' && <p role="alert">{found.message}</p>}
        {extra.map(box)}
        {listed.map((list) => {
          const terms = matching(list.terms);
          if (!terms.length) return null;
          // A list opens when the reader searches it or has chosen one of its terms.
          const open = !!wanted || terms.some((t) => chosen.includes(t.key));
          return (
            <details key={list.id} open={open} data-list={list.id}>
              <summary>
                {list.name}: {list.found} of {list.total} found in your articles{list.terms.length < list.total ? ` (the first ${list.terms.length} listed, found ones first)` : ''}
              </summary>
              {terms.map(box)}
            </details>
          );
        })}
        {matching(unlisted).length > 0 && (
          <details open={!!wanted || unlisted.some((t) => chosen.includes(t.key))} data-list="unlisted">
            <summary>Found in your articles, in no list now: {unlisted.length}</summary>
            {matching(unlisted).map(box)}
          </details>
        )}
        {wanted && !listed.some((list) => matching(list.terms).length) && !matching(unlisted).length && <p class="muted">No term of your lists matches “{find.trim()}”.</p>}
      </fieldset>
      <label>
        Count{' '}
        <select value={measure} onChange={(e) => setMeasure((e.currentTarget as HTMLSelectElement).value as Measure)} data-testid="trend-measure">
          <option value="articles">Articles per month</option>
          <option value="mentions">Mentions per month</option>
        </select>
      </label>
      {!chosen.length && <p class="muted">Choose a term to see it over time.</p>}
      {chosen.length > 0 && trends.state === 'loading' && <p role="status">Reading the library…</p>}
      {trends.state === 'failed' && <p role="alert">Gloss could not read the library: {trends.message}</p>}
      {chosen.length > 0 && trends.state === 'ready' && <TrendResult trends={trends.value} measure={measure} />}
    </section>
  );
}

function TrendResult({ trends, measure }: { trends: KeyTrend[]; measure: Measure }) {
  const series = trends.map((t) => ({ label: nameOf(t), points: t.points.map((p) => ({ period: p.month, value: p[measure] })) }));
  const grid = periodGrid(series);
  return (
    <>
      <BarChart series={series} title={`${measure === 'articles' ? 'Articles' : 'Mentions'} per month: ${series.map((s) => s.label).join(', ')}`} file="gloss-trend" />
      <div class="table-wrap">
        <table data-testid="trend-table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              {trends.map((t) => (
                <th key={t.key} scope="col" class="num">
                  <a href={routeHref({ view: 'entity', key: t.key })}>{nameOf(t)}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.periods.map((month, m) => (
              <tr key={month} data-month={month}>
                <th scope="row">{month}</th>
                {grid.values.map((row, s) => (
                  <td key={s} class="num">
                    {row[m] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={() => download('gloss-trend.csv', 'text/csv', trendsCsv(trends, measure))}>
        Export CSV
      </button>
    </>
  );
}
