/** How Gloss's pages (the reader page, the popup) write a moment and a size. */

/**
 * The formatters of a moment, made once: each `toLocaleDateString` with options builds a
 * formatter anew (a few milliseconds the first time in a fresh page, and again on every call).
 */
let moments: { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat; seconds?: Intl.DateTimeFormat } | null = null;
const formatters = () =>
  (moments ??= { date: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }), time: new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }) });

/** The day of a time Gloss recorded, as `formatMoment` writes it ("Dec 2, 2026" in English). */
export function formatDay(ms: number): string {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? formatters().date.format(date) : 'an unknown day';
}

/** A time Gloss recorded (ms since 1970), in the reader's own locale and zone; to the second with `seconds`. */
export function formatMoment(ms: number, { seconds = false } = {}): string {
  const date = new Date(ms);
  if (!Number.isFinite(date.getTime())) return 'at an unknown time';
  const made = formatters();
  const time = seconds ? (made.seconds ??= new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })) : made.time;
  return `${made.date.format(date)}, ${time.format(date)}`;
}

/**
 * Moments that are shown together (the versions of an article), each to the minute unless another
 * falls in the same minute: those are written to the second, so that no two read alike (a page
 * that changes on every reading is kept several times a minute).
 */
export function formatMoments(times: readonly number[]): string[] {
  const labels = times.map((ms) => formatMoment(ms));
  const seen = new Map<string, number>();
  for (const label of labels) seen.set(label, (seen.get(label) ?? 0) + 1);
  return labels.map((label, i) => ((seen.get(label) ?? 0) > 1 ? formatMoment(times[i] as number, { seconds: true }) : label));
}

/** Bytes as KB or MB, one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
