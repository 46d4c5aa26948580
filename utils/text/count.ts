/**
 * A count as English writes it, with commas between thousands: 12,000. Not
 * `toLocaleString('en')`: the first use of Intl in a content script's world costs about 50 ms of
 * the page's main thread (measured with `npm run bench` on the seed page: 55 ms of 120), and
 * message schemas build their error texts when the script loads.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole = '', fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
