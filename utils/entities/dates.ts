/**
 * Calendar dates as news writes them: "Feb. 28", "February 8", "May 20, 2024", "28 February
 * 2024", "29/02/2024", "2024-05-20", a year ("in 2024") or decade ("the 1990s"), a weekday ("on Tuesday"), a month with
 * a day or a year. Relative expressions ("today", "last year") are not dates here: nothing in
 * them can be placed on a calendar by itself.
 */
import { CAP, DIGIT, HYPHEN_BEFORE, POSSESSIVE, wordAt, type Tokens } from './tokenize';

const MONTHS = new Map<string, number>([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan.', 1], ['feb.', 2], ['mar.', 3], ['apr.', 4], ['jun.', 6], ['jul.', 7], ['aug.', 8],
  ['sep.', 9], ['sept.', 9], ['oct.', 10], ['nov.', 11], ['dec.', 12],
  ['jan', 1], ['feb', 2], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10],
  ['nov', 11], ['dec', 12],
]);
/** Months shortened without a period: a date only with a day or a year beside them ("22 Dec, 2016"). */
const BARE_ABBREVIATIONS = new Set(['jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** A month's or a weekday's name (folded): "the Museum on Wednesday" is a date after "on", not a subject. */
export const isCalendarWord = (word: string) => MONTHS.has(word) || WEEKDAYS.has(word);
/** Months that are also common words: a date only with a day or a year beside them. */
const AMBIGUOUS_MONTHS = new Set(['may', 'march']);
const DAY = /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/;
const YEAR = /^(?:1[89]\d\d|20\d\d|2100)$/;
const DECADE = /^(?:1[89]|20)\d0s$/;
const NUMERIC_DATE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/;

const isDay = (tokens: Tokens, i: number) => i < tokens.count && DAY.test(wordAt(tokens, i));
const isYear = (tokens: Tokens, i: number) => i < tokens.count && YEAR.test(wordAt(tokens, i));
const gap = (tokens: Tokens, i: number) => tokens.folded.slice(tokens.end[i - 1], tokens.start[i]);
const plainGap = (tokens: Tokens, i: number) => spacesBetween(tokens, i, false);
const commaGap = (tokens: Tokens, i: number) => spacesBetween(tokens, i, true);

/**
 * Only spaces, tabs and no-break spaces (one or more) between word i - 1 and word i, after a
 * comma if `comma` allows one. Read in place: a date's words are looked at around every number.
 */
function spacesBetween(tokens: Tokens, i: number, comma: boolean): boolean {
  let k = i > 0 ? (tokens.end[i - 1] as number) : 0;
  const to = tokens.start[i] as number;
  if (comma && tokens.text.charCodeAt(k) === 44) k++;
  if (k >= to) return false;
  for (; k < to; k++) {
    const code = tokens.text.charCodeAt(k);
    if (code !== 32 && code !== 9 && code !== 0xa0) return false;
  }
  return true;
}

/** Dates among `tokens`, each as the range of its first and last word. */
export function findDates(tokens: Tokens): { first: number; last: number }[] {
  const found: { first: number; last: number }[] = [];
  const { count, flags: wordFlags } = tokens;
  for (let i = 0; i < count; i++) {
    const flags = wordFlags[i] as number;
    if (!(flags & (CAP | DIGIT))) continue;
    if (!mayBeDateWord(tokens, i)) {
      const holiday = flags & CAP ? holidayAt(tokens, i) : -1;
      if (holiday >= i) {
        found.push({ first: i, last: holiday });
        i = holiday;
      }
      continue;
    }
    const word = wordAt(tokens, i);
    let last = -1;
    if (flags & CAP && MONTHS.has(word)) {
      // Month [day][,] [year] | month year | month alone (unless it is also a common word).
      last = monthWithDay(tokens, i);
      if (last === i && AMBIGUOUS_MONTHS.has(word) && !(i > 0 && MONTH_BEFORE.has(wordAt(tokens, i - 1)) && plainGap(tokens, i))) last = -1;
      else if (last === i && BARE_ABBREVIATIONS.has(word)) last = -1;
    } else if (flags & DIGIT && isDay(tokens, i) && i + 1 < tokens.count && tokens.flags[i + 1]! & CAP && MONTHS.has(wordAt(tokens, i + 1)) && plainGap(tokens, i + 1)) {
      // Day month [year]: "28 February 2024".
      last = i + 1;
      if (isYear(tokens, i + 2) && commaGap(tokens, i + 2)) last = i + 2;
    } else if (flags & DIGIT) {
      last = numericDate(tokens, i);
      if (last === -1 && (YEAR.test(word) || DECADE.test(word)) && isStandaloneNumber(tokens, i)) last = i;
      // "the 19th century"
      if (last === -1 && CENTURY.test(word) && wordAt(tokens, i + 1) === 'century' && plainGap(tokens, i + 1)) last = i + 1;
    } else if (flags & CAP && WEEKDAYS.has(word)) {
      // "Wednesday, November 20, 2019", "Thursday Dec. 1": a weekday opens the date after it.
      const month = i + 1 < tokens.count && tokens.flags[i + 1]! & CAP && MONTHS.has(wordAt(tokens, i + 1)) && commaGap(tokens, i + 1);
      last = month ? Math.max(i, monthWithDay(tokens, i + 1)) : i;
      if (last === i + 1) last = i; // the month alone stays apart: "on Friday, May …" is read again from "May"
    } else if (flags & CAP) last = holidayAt(tokens, i);
    if (last >= i) {
      // "last July", "early March": a relative month takes the word that places it; so does a
      // weekday ("last Friday").
      const relative = i > 0 && plainGap(tokens, i) && ((MONTHS.has(word) && RELATIVE.has(wordAt(tokens, i - 1))) || (WEEKDAYS.has(word) && RELATIVE_DAY.has(wordAt(tokens, i - 1))));
      found.push({ first: relative ? i - 1 : i, last });
      i = last;
    }
  }
  return found;
}

const RELATIVE = new Set(['last', 'next', 'early', 'late', 'mid', 'this']);
const RELATIVE_DAY = new Set(['last', 'next', 'this']);

/** The last word of a date that opens with the month at `i` and carries a day or a year; `i` when it has neither. */
function monthWithDay(tokens: Tokens, i: number): number {
  if (isDay(tokens, i + 1) && plainGap(tokens, i + 1)) return isYear(tokens, i + 2) && commaGap(tokens, i + 2) ? i + 2 : i + 1;
  return isYear(tokens, i + 1) && commaGap(tokens, i + 1) ? i + 1 : i;
}

/** Words before "May" or "March" that make it the month: "last March", "in May". */
const MONTH_BEFORE = new Set(['last', 'next', 'this', 'early', 'late', 'mid', 'in', 'since', 'until', 'by', 'through', 'during', 'of', 'from', 'before', 'after']);
const CENTURY = /^(?:[1-9]|1\d|2[01])(?:st|nd|rd|th)$/;
/** Holidays that name a day or a season on the calendar; the second word, when one follows. */
const HOLIDAYS = new Map<string, ReadonlySet<string>>([
  ['christmas', new Set(['eve', 'day'])], ['easter', new Set(['sunday', 'monday'])], ['thanksgiving', new Set(['day'])],
  ['ramadan', new Set()], ['hanukkah', new Set()], ['diwali', new Set()], ['passover', new Set()], ['halloween', new Set()],
  ['new', new Set(['year'])], ['independence', new Set(['day'])], ['labor', new Set(['day'])], ['labour', new Set(['day'])],
  ['memorial', new Set(['day'])], ['victory', new Set(['day'])], ['valentine', new Set(['day'])], ['boxing', new Set(['day'])],
  ['mother', new Set(['day'])], ['father', new Set(['day'])], ['veterans', new Set(['day'])], ['presidents', new Set(['day'])],
  ['black', new Set(['friday'])], ['cyber', new Set(['monday'])], ['election', new Set(['day'])], ['inauguration', new Set(['day'])],
]);
/** Holidays that are dates only as two words ("New Year", not "New"). */
const HOLIDAY_NEEDS_SECOND = new Set(['new', 'independence', 'labor', 'labour', 'memorial', 'victory', 'valentine', 'boxing', 'mother', 'father', 'veterans', 'presidents', 'black', 'cyber', 'election', 'inauguration']);

/** The last word of a holiday starting at `i`, or -1. */
function holidayAt(tokens: Tokens, i: number): number {
  const length = (tokens.end[i] as number) - (tokens.start[i] as number);
  if (length < 3 || length > 12 || !'cethrdpnilmvbf'.includes(tokens.folded[tokens.start[i] as number] as string)) return -1;
  const seconds = HOLIDAYS.get(wordAt(tokens, i));
  if (!seconds) return -1;
  const next = wordAt(tokens, i + 1);
  // "Mother's Day": the possessive stands between the two words.
  const spaced = tokens.flags[i]! & POSSESSIVE ? /^['’]s?[ \t\u00a0]+$/.test(gap(tokens, i + 1)) : plainGap(tokens, i + 1);
  if (seconds.has(next) && tokens.flags[i + 1]! & CAP && spaced) {
    // "New Year's Day": the possessive stays outside a word, and "Day" follows it.
    if (next === 'year' && wordAt(tokens, i + 2) === 'day' && tokens.flags[i + 1]! & POSSESSIVE) return i + 2;
    return isYear(tokens, i + 2) && plainGap(tokens, i + 2) ? i + 2 : i + 1; // "Black Friday 2019"
  }
  return HOLIDAY_NEEDS_SECOND.has(wordAt(tokens, i)) ? -1 : i;
}

/** Months and weekdays are 3 to 9 letters and start with one of a few letters; numbers, 1 to 5. */
function mayBeDateWord(tokens: Tokens, i: number): boolean {
  const length = (tokens.end[i] as number) - (tokens.start[i] as number);
  if ((tokens.flags[i] as number) & DIGIT) return length <= 6;
  return length >= 3 && length <= 9 && 'jfmasondtw'.includes(tokens.folded[tokens.start[i] as number] as string);
}

/** "29/02/2024", "2024-05-20", "20.5.2024" as three number words with the same separator. */
function numericDate(tokens: Tokens, i: number): number {
  if (i + 2 >= tokens.count) return -1;
  const text = tokens.folded.slice(tokens.start[i], tokens.end[i + 2]);
  const match = NUMERIC_DATE.exec(text);
  if (!match) return -1;
  const [a, b, c] = [Number(match[1]), Number(match[3]), Number(match[4])];
  const yearFirst = (match[1] as string).length === 4;
  const [day, month, year] = yearFirst ? [c, b, a] : a > 12 ? [a, b, c] : [b, a, c];
  if (month < 1 || month > 12 || day < 1 || day > 31 || !(year >= 1800 && year <= 2100) && (match[4] as string).length !== 2) {
    return -1;
  }
  return i + 2;
}

/** A year standing alone, not part of a figure ("2,024"), a ratio ("20x10"), money or a range of numbers. */
function isStandaloneNumber(tokens: Tokens, i: number): boolean {
  const before = tokens.folded[tokens.start[i]! - 1] ?? ' ';
  const after = tokens.folded[tokens.end[i]!] ?? ' ';
  if (/[$€£¥.,/:\d]/.test(before) && !(before === '.' || before === ',') ) return false;
  if ((before === ',' || before === '.') && /\d/.test(tokens.folded[tokens.start[i]! - 2] ?? '')) return false;
  if (/[%/:\d]/.test(after) || (after === ',' || after === '.') && /\d/.test(tokens.folded[tokens.end[i]! + 1] ?? '')) return false;
  if (tokens.flags[i]! & HYPHEN_BEFORE && i > 0 && tokens.flags[i - 1]! & DIGIT) return false;
  // A dimension: "1800 x 1920", "1920 × 1080 pixels".
  const times = (k: number) => k >= 0 && k < tokens.count && (wordAt(tokens, k) === 'x' || tokens.text[tokens.start[k]!] === '×');
  const digit = (k: number) => k >= 0 && k < tokens.count && (tokens.flags[k]! & DIGIT) !== 0;
  return !((times(i + 1) && digit(i + 2)) || (times(i - 1) && digit(i - 2)));
}

const FRENCH_MONTHS = new Set(['janvier', 'février', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'aout', 'septembre', 'octobre', 'novembre', 'décembre', 'decembre']);
const FRENCH_WEEKDAYS = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
const FRENCH_DAY = /^(?:1er|[1-9]|[12]\d|3[01])$/;

/**
 * Dates as French writes them, in lower case: "mardi 5 mai", "5 mai 2015", "1er janvier",
 * "mai 2015", a weekday alone ("jeudi"). A month alone is not one ("mars" is also the planet).
 */
export function findFrenchDates(tokens: Tokens): { first: number; last: number }[] {
  const found: { first: number; last: number }[] = [];
  const isMonth = (i: number) => i < tokens.count && FRENCH_MONTHS.has(wordAt(tokens, i));
  const isFrenchDay = (i: number) => i < tokens.count && FRENCH_DAY.test(wordAt(tokens, i)) && plainGap(tokens, i);
  for (let i = 0; i < tokens.count; i++) {
    const word = wordAt(tokens, i);
    let last = -1;
    if (FRENCH_WEEKDAYS.has(word)) {
      last = i;
      if (isFrenchDay(i + 1) && isMonth(i + 2) && plainGap(tokens, i + 2)) last = i + 2;
    } else if (FRENCH_DAY.test(word) && isMonth(i + 1) && plainGap(tokens, i + 1)) last = i + 1;
    else if (isMonth(i) && isYear(tokens, i + 1) && plainGap(tokens, i + 1)) last = i + 1;
    if (last === -1) continue;
    if (last > i && isMonth(last) && isYear(tokens, last + 1) && plainGap(tokens, last + 1)) last++;
    found.push({ first: i, last });
    i = last;
  }
  return found;
}
