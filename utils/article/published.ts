/**
 * How a published time is shown. Only an ISO 8601 date is read as a date, and as the calendar
 * day the outlet wrote (a KCNA item dated 09:14 in Pyongyang stays on its day whatever the
 * reader's time zone). Anything else ("Spring 2024", which JavaScript would read as January 1)
 * is shown as the page gives it. The library files an article by the outlet's clock too
 * (`outletClock`), so its months and weeks are the outlet's.
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

/** Hours, minutes, seconds and fraction after an ISO 8601 day (the offset, if any, follows). */
const ISO_TIME = /^.{10}[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?/;

/**
 * An ISO 8601 time as the outlet's own clock shows it, read as if it were UTC (ms): its UTC
 * calendar day and month are the ones the outlet wrote ('2024-03-01T08:00:00+09:00' gives
 * 2024-03-01T08:00Z, where the instant is 29 February 23:00 UTC). Null when it names no real day;
 * a day without a time, or with a time that is not one, is its midnight.
 */
export function outletClock(time: string | null | undefined): number | null {
  const day = calendarDay(time);
  if (!day) return null;
  const [, hours = 0, minutes = 0, seconds = 0, fraction = ''] = ISO_TIME.exec(time as string) ?? [];
  const [h, m, s] = [Number(hours), Number(minutes), Number(seconds)];
  const sinceMidnight = h < 24 && m < 60 && s < 60 ? ((h * 60 + m) * 60 + s) * 1000 + Number(String(fraction).padEnd(3, '0')) : 0;
  return Date.UTC(day[0], day[1] - 1, day[2]) + sinceMidnight;
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
