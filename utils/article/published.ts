/**
 * How a published time is shown. Only an ISO 8601 date is read as a date, and as the calendar
 * day the outlet wrote (a KCNA item dated 09:14 in Pyongyang stays on its day whatever the
 * reader's time zone). Anything else ("Spring 2024", which JavaScript would read as January 1)
 * is shown as the page gives it.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** [year, month, day] of an ISO 8601 date as written (the outlet's calendar day), or null when it names no real day. */
export function calendarDay(time: string | null | undefined): [number, number, number] | null {
  const match = time ? ISO_DATE.exec(time) : null;
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? [year, month, day] : null;
}

/** A published time as a reader-facing date, in the article's language when it has one. */
export function formatPublished(publishedTime: string | null, lang: string | null): string | null {
  if (!publishedTime) return null;
  const day = calendarDay(publishedTime);
  if (!day) return publishedTime;
  const date = new Date(Date.UTC(day[0], day[1] - 1, day[2]));
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
  try {
    return date.toLocaleDateString(lang ?? undefined, options);
  } catch {
    return date.toLocaleDateString(undefined, options);
  }
}
