/** How a published time is shown: the page's own string when it is not a date Gloss can read. */

/** A published time as a reader-facing date, in the article's language when it has one. */
export function formatPublished(publishedTime: string | null, lang: string | null): string | null {
  if (!publishedTime) return null;
  const date = new Date(publishedTime);
  if (Number.isNaN(date.getTime())) return publishedTime;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long' };
  try {
    return date.toLocaleDateString(lang ?? undefined, options);
  } catch {
    return date.toLocaleDateString(undefined, options);
  }
}
