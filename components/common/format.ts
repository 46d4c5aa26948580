/** How Gloss's pages (the reader page, the popup) write a moment and a size. */

/** A time Gloss recorded (ms since 1970), in the reader's own locale and zone. */
export function formatMoment(ms: number): string {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toLocaleDateString(undefined, { dateStyle: 'medium' }) + ', ' + date.toLocaleTimeString(undefined, { timeStyle: 'short' }) : 'at an unknown time';
}

/** Bytes as KB or MB, one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
