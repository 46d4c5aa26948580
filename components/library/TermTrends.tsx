/**
 * Terms over time: one or several keys (terms, or any entity) as bars per month, to compare;
 * articles or mentions; the numbers in a table under the chart, exportable as CSV.
 */
import { useState } from 'preact/hooks';
import { csvTable } from '@/utils/export/csv-field';
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
  const terms = useAnswer(() => client.listEntities({ type: 'TERM', limit: 500 }), [client], revision);
  const chosen = keys.slice(0, MAX_TREND_KEYS);
  const trends = useAnswer(() => (chosen.length ? client.entityTrends({ keys: chosen }) : Promise.resolve({ ok: true as const, value: [] })), [client, chosen.join('|')], revision);
  const toggle = (key: string, on: boolean) => onKeys(on ? [...chosen.filter((k) => k !== key), key] : chosen.filter((k) => k !== key));
  const offered = terms.state === 'ready' ? terms.value : [];
  const extra = chosen.filter((k) => !offered.some((t) => t.key === k));

  return (
    <section aria-labelledby="trends-title">
      <h2 id="trends-title">Terms over time</h2>
      <fieldset class="picker">
        <legend>Compare (up to {MAX_TREND_KEYS})</legend>
        {terms.state === 'loading' && <p role="status">Reading the terms…</p>}
        {terms.state === 'failed' && <p role="alert">{terms.message}</p>}
        {[...extra.map((key) => ({ key, name: key.slice(key.indexOf(':') + 1) })), ...offered].map((t) => (
          <label key={t.key}>
            <input type="checkbox" checked={chosen.includes(t.key)} disabled={!chosen.includes(t.key) && chosen.length >= MAX_TREND_KEYS} onChange={(e) => toggle(t.key, (e.currentTarget as HTMLInputElement).checked)} /> {t.name}
          </label>
        ))}
        {terms.state === 'ready' && !offered.length && <p class="muted">No terms found in your articles yet.</p>}
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
