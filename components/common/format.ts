/** How Gloss's pages (the reader page, the popup) write a moment and a size. */

/**
 * The formatters of a moment, made once: each `toLocaleDateString` with options builds a
 * formatter anew (a few milliseconds the first time in a fresh page, and again on every call).
 */
let moments: { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat } | null = null;

/** A time Gloss recorded (ms since 1970), in the reader's own locale and zone. */
export function formatMoment(ms: number): string {
  const date = new Date(ms);
  if (!Number.isFinite(date.getTime())) return 'at an unknown time';
  moments ??= { date: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }), time: new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }) };
  return `${moments.date.format(date)}, ${moments.time.format(date)}`;
}

/** Bytes as KB or MB, one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
