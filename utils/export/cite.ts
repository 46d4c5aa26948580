/**
 * "Cite" for a stored version of an article: a Chicago-style reference (notes and bibliography,
 * a news or web article) and a CSL-JSON item for reference managers (Zotero, Pandoc's citeproc).
 * Both carry the day the version was read (`accessed`: when Gloss first kept this text) and the
 * version's fingerprint (SHA-256 of its text), so a reader can show which text they quoted.
 *
 * The byline is cited as the page gave it, less a leading "By": inverting names ("Doe, Jane") is
 * wrong for too many bylines (agencies, several authors, names written family name first).
 * A published time is read as the calendar day the outlet wrote (published.ts), in English month
 * names whatever the article's language (Chicago's); anything else is left out of the date.
 */
import type { VersionRecord } from '../versions/version';
import { calendarDay } from '../article/published';
import { stripBidiControls } from './bidi';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** [year, month, day] of a moment Gloss recorded, in the reader's time zone. */
function dayOf(ms: number): [number, number, number] {
  const date = new Date(ms);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
}

const longDate = ([year, month, day]: [number, number, number]) => `${MONTHS[month - 1]} ${day}, ${year}`;

/** Text as one line: white space runs as one space, bidi controls out. */
const oneLine = (text: string | null) => stripBidiControls(text ?? '').replace(/\s+/g, ' ').trim();

/** The byline as cited: as given, without a leading "By". */
const author = (byline: string | null) => oneLine(byline).replace(/^by\s+/i, '');

/** Where the version was read: its canonical address when the page named one, else the address read without its fragment. */
const citedUrl = (version: VersionRecord) => version.canonicalUrl ?? version.url.replace(/#.*$/s, '');

/** A Chicago-style reference to the version, with the day it was read and its fingerprint. */
export function chicagoReference(version: VersionRecord): string {
  const parts: string[] = [];
  const by = author(version.byline);
  if (by) parts.push(/[.!?]$/.test(by) ? by : `${by}.`);
  const title = oneLine(version.title) || 'Untitled article';
  parts.push(`“${/[.!?]$/.test(title) ? title : `${title}.`}”`);
  const published = calendarDay(version.publishedTime);
  const outlet = oneLine(version.siteName);
  if (outlet || published) parts.push(`${[outlet, published && longDate(published)].filter(Boolean).join(', ')}.`);
  parts.push(`${citedUrl(version)}.`);
  parts.push(`Accessed ${longDate(dayOf(version.firstSeenAt))}.`);
  parts.push(`Stored copy, SHA-256 ${version.hash}.`);
  return parts.join(' ');
}

/** The version as a CSL-JSON item (an array of one, as reference managers import it). */
export function cslJson(version: VersionRecord): Record<string, unknown>[] {
  const published = calendarDay(version.publishedTime);
  const by = author(version.byline);
  const outlet = oneLine(version.siteName);
  return [
    {
      id: `gloss-${version.hash.slice(0, 16)}`,
      type: 'article-newspaper',
      title: oneLine(version.title) || 'Untitled article',
      ...(outlet && { 'container-title': outlet }),
      ...(by && { author: [{ literal: by }] }),
      ...(published && { issued: { 'date-parts': [published] } }),
      accessed: { 'date-parts': [dayOf(version.firstSeenAt)] },
      URL: citedUrl(version),
      ...(version.lang && { language: version.lang }),
      note: `Stored copy read ${new Date(version.firstSeenAt).toISOString()}, SHA-256 ${version.hash}`,
    },
  ];
}
