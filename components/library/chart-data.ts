/**
 * The numbers behind a bar chart of counts per month: every month from the first to the last
 * that any series has (months with nothing are 0, so a gap shows as a gap), one value per series.
 */
export interface Series {
  label: string;
  points: readonly { month: string; value: number }[];
}

export interface MonthGrid {
  months: string[];
  /** values[s][m]: series s in month m. */
  values: number[][];
  max: number;
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** Most months a chart spans (a key first seen in 1900 and last in 2026 is cut to its latest months). */
export const MAX_MONTHS = 240;

export function monthGrid(series: readonly Series[]): MonthGrid {
  const seen = series.flatMap((s) => s.points.map((p) => p.month)).sort();
  const first = seen[0];
  const last = seen.at(-1);
  const months: string[] = [];
  if (first && last) for (let m = first; m <= last; m = nextMonth(m)) months.push(m);
  const shown = months.slice(-MAX_MONTHS);
  const index = new Map(shown.map((m, i) => [m, i]));
  const values = series.map((s) => {
    const row = shown.map(() => 0);
    for (const p of s.points) {
      const i = index.get(p.month);
      if (i !== undefined) row[i] = (row[i] ?? 0) + p.value;
    }
    return row;
  });
  return { months: shown, values, max: Math.max(0, ...values.flat()) };
}
