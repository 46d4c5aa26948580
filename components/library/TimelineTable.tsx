/**
 * An entity's timeline per month (or week) and outlet, as a table under its chart. Its rows are
 * drawn after the page's first frame: on the most named key they were 690 of that frame's 1,186
 * elements and most of its layout and paint (issue 15, session 14), while the chart above says
 * the same at a glance. They take the space they will take from the first frame on (rows of one
 * line at a fixed height, style.css; until they come, one row of their height holds the place),
 * so nothing under the table moves when they are drawn. Caption and column heads are in the first
 * frame; the table says it is busy until its rows are there.
 */
import type { Unit } from './chart-data';
import { useDrawnAfterFirstPaint } from '../common/first-paint';

/** One month or week of a timeline. */
export interface TimelineRow {
  period: string;
  articles: number;
  mentions: number;
  byOutlet: Record<string, number>;
}

/** The outlets a timeline names, in order: the table's columns (and its CSV's). */
export const timelineOutlets = (timeline: readonly TimelineRow[]): string[] => [...new Set(timeline.flatMap((m) => Object.keys(m.byOutlet)))].sort();

export function TimelineTable({ timeline, unit }: { timeline: readonly TimelineRow[]; unit: Unit }) {
  const drawn = useDrawnAfterFirstPaint();
  const outlets = timelineOutlets(timeline);
  const per = unit === 'week' ? 'week' : 'month';
  return (
    <div class="table-wrap">
      <table class="timeline-table" data-testid="timeline-table" aria-busy={drawn ? undefined : 'true'}>
        <caption>Per {per} and outlet (articles per outlet; mentions over all outlets, as they are not kept per outlet)</caption>
        <thead>
          <tr>
            <th scope="col">{unit === 'week' ? 'Week' : 'Month'}</th>
            <th scope="col" class="num">Articles</th>
            <th scope="col" class="num">Mentions</th>
            {outlets.map((o) => (
              <th key={o} scope="col" class="num">
                {o || '(no outlet)'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {drawn ? (
            timeline.map((m) => (
              <tr key={m.period}>
                <th scope="row">{m.period}</th>
                <td class="num">{m.articles}</td>
                <td class="num">{m.mentions}</td>
                {outlets.map((o) => (
                  <td key={o} class="num">
                    {m.byOutlet[o] ?? 0}
                  </td>
                ))}
              </tr>
            ))
          ) : timeline.length ? (
            <tr class="rows-to-come" aria-hidden="true" style={{ '--rows': timeline.length }}>
              <td colSpan={3 + outlets.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
