/**
 * Which languages Gloss recognizes names in: its lists and rules read English news. On a page in
 * another language it marks dates (in the languages dates.ts knows) and the reader's terms only:
 * an English rule guessing at French capitals would mark the wrong words with confidence.
 */

/** English, or a page that does not say (most pages without a `lang` are English). */
export function namesRecognizedIn(lang: string | null | undefined): boolean {
  return !lang || /^en(?:-|$)/i.test(lang.trim());
}

/** The language's primary subtag, lower case ("fr" for "fr-CA"); '' when none is given. */
export function primaryLanguage(lang: string | null | undefined): string {
  return (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}
