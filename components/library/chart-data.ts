/**
 * The numbers behind a bar chart of counts per month or per ISO week: every period from the first
 * to the last that any series has (periods with nothing are 0, so a gap shows as a gap), one value
 * per series.
 */
import { weekOf, weekStart } from '@/utils/mentions/types';

export type Unit = 'month' | 'week';

export interface Series {
  label: string;
  /** `period`: 'YYYY-MM' or 'YYYY-Www' as the chart's unit. */
  points: readonly { period: string; value: number }[];
}

export interface PeriodGrid {
  periods: string[];
  /** values[s][p]: series s in period p. */
  values: number[][];
  max: number;
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The ISO week after 'YYYY-Www'. */
export const nextWeek = (week: string): string => weekOf(weekStart(week) + 7 * 86_400_000);

/** Most periods a chart spans (a key first seen in 1900 and last in 2026 is cut to its latest 240 months, or weeks). */
export const MAX_PERIODS = 240;

export function periodGrid(series: readonly Series[], unit: Unit = 'month'): PeriodGrid {
  const next = unit === 'week' ? nextWeek : nextMonth;
  const seen = series.flatMap((s) => s.points.map((p) => p.period)).sort();
  const first = seen[0];
  const last = seen.at(-1);
  const periods: string[] = [];
  if (first && last) for (let p = first; p <= last; p = next(p)) periods.push(p);
  const shown = periods.slice(-MAX_PERIODS);
  const index = new Map(shown.map((p, i) => [p, i]));
  const values = series.map((s) => {
    const row = shown.map(() => 0);
    for (const p of s.points) {
      const i = index.get(p.period);
      if (i !== undefined) row[i] = (row[i] ?? 0) + p.value;
    }
    return row;
  });
  return { periods: shown, values, max: Math.max(0, ...values.flat()) };
}
