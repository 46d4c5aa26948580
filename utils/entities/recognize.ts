/**
 * The recognizer: text in, typed spans out. Lists (places, organizations, people, terms) and
 * rules (names.ts, dates.ts) propose candidates; the longest wins where they overlap (a list
 * before a rule on a tie); then what the document has already established names its later
 * mentions: a surname after the full name, a place's short name after "… County", an acronym
 * after the name it was given for. TERM spans are kept apart and may lie inside another span.
 */
import { findDates, findFrenchDates } from './dates';
import { decideOnce } from './decide-once';
import { enumerationCandidates } from './enumerations';
import { namesRecognizedIn, primaryLanguage } from './language';
import { openWorldCandidates } from './open-world';
import { candidatesInRun, capitalizedRuns, keyOf, type Candidate, type NameLists } from './names';
import type { PhraseIndex } from './phrase-index';
import { CAP, DIGIT, HYPHEN_BEFORE, POSSESSIVE, SENTENCE, UPPER, afterParty, commaBefore, plainGap, tokenize, wordAt, wordIs, type Tokens } from './tokenize';
import { POSTAL_CODES, STATE_ABBREVIATIONS } from './keywords';
import type { EntitySpan, EntityType } from './types';
import { joinVariants, romanizedPlaces, type RomanizedLookup } from './variants';
import { CORPORATE_SUFFIX, NAME_PARTICLE, ORG_HEAD, PLACE_HEAD, PLACE_PREFIX, POSTAL_CODE, SENTENCE_WORD, STATE_ABBREVIATION, TITLE, WORD_NAME, classesAt, inClass } from './word-classes';
import { wordBytes, wordInts } from './word-scratch';

export interface RecognizerData {
  /** Proper names: places, organizations, people. */
  names: PhraseIndex;
  /** Policy terms of every enabled list. */
  terms: PhraseIndex;
  nameLists: NameLists;
  /** A list's key for a name by its spelling key (variants.ts). */
  romanized: RomanizedLookup;
}

const MILITARY_UNITS = new Set(['regiment', 'regiments', 'division', 'divisions', 'brigade', 'brigades', 'battalion', 'battalions', 'corps', 'fleet', 'squadron', 'squadrons', 'army']);
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;

export interface RecognizeOptions {
  /** The page's language (BCP 47, as the article gives it); names are recognized in English only. */
  lang?: string | null;
}

export function recognize(text: string, data: RecognizerData, options: RecognizeOptions = {}): EntitySpan[] {
  const tokens = tokenize(text, { reuseBuffers: true });
  if (!namesRecognizedIn(options.lang)) return datesAndTerms(text, tokens, data, primaryLanguage(options.lang));
  const candidates: Candidate[] = [];

  // Passes over every word read its count and flags once (reloaded after each call inside the loop otherwise).
  const { count, flags: wordFlags } = tokens;
  for (let i = 0; i < count; i++) {
    const flags = wordFlags[i] as number;
    const particleLed = i + 1 < count && ((wordFlags[i + 1] as number) & HYPHEN_BEFORE) !== 0 && inClass(tokens, i, NAME_PARTICLE);
    if (flags & (CAP | UPPER) || particleLed) {
      const match = data.names.match(tokens, i);
      if (match && !partOfLonger(tokens, i, i + match.length - 1, match.phrase.type === 'PLACE' ? data.names : null)) {
        const { phrase, length } = match;
        // "Lower Manhattan", "Northern Virginia": a capitalized point of the compass before a listed place.
        const compass = phrase.type === 'PLACE' && i > 0 && (tokens.flags[i - 1] as number) & CAP && inClass(tokens, i - 1, PLACE_PREFIX) && plainGap(tokens, i, 2, false);
        // "al-Tanf", "el-Sisi": a lower-case particle joined to a listed name belongs to it.
        const particle = !compass && i > 0 && flags & HYPHEN_BEFORE && !((tokens.flags[i - 1] as number) & CAP) && inClass(tokens, i - 1, NAME_PARTICLE);
        // "Prince Andrew", "Pope Francis": a person's title is not part of the name, as everywhere else.
        let first = compass || particle ? i - 1 : i;
        if (phrase.type === 'PERSON') while (first < i + length - 1 && inClass(tokens, first, TITLE)) first++;
        candidates.push({ first, last: i + length - 1, type: phrase.type, key: phrase.key, fromList: true });
      }
    } else if (flags & DIGIT && ORDINAL.test(wordAt(tokens, i)) && MILITARY_UNITS.has(wordAt(tokens, i + 1))) {
      candidates.push({ first: i, last: i + 1, type: 'ORG' });
    }
  }
  const capitals = tokens.capitals;
  const runs = capitalizedRuns(tokens);
  for (let r = 0; r < runs.length; r += 2) candidatesInRun(tokens, runs[r] as number, runs[r + 1] as number, data.nameLists, candidates);
  for (const { first, last } of findDates(tokens)) candidates.push({ first, last, type: 'DATE' });
  theRepublic(tokens, capitals, candidates);
  // A state after its city goes first: on a tie it wins over a list's reading of the same word ("Bristow, VA" is not the VA).
  const states = citiesWithStates(tokens, capitals, data.nameLists.givenNames);

  // concat, not a spread: the spread deoptimized this function (V8: "wrong map") in about every other call.
  const chosen = resolve(withoutListedJoins(tokens, states.concat(candidates)), tokens.count);
  const taken = wordBytes('taken', tokens.count);
  for (const c of chosen) taken.fill(1, c.first, c.last + 1);
  withLegalForms(tokens, chosen, taken);
  for (const c of openWorldCandidates(tokens, runs, taken, chosen, data.nameLists)) {
    taken.fill(1, c.first, c.last + 1);
    chosen.push(c);
  }
  for (const c of enumerationCandidates(tokens, capitals, chosen, taken)) {
    taken[c.first] = 1;
    chosen.push(c);
  }
  chosen.push(...decideOnce(tokens, capitals, chosen, taken));
  for (const c of laterMentions(text, tokens, capitals, chosen, data.nameLists)) {
    taken.fill(1, c.first, c.last + 1);
    chosen.push(c);
  }
  chosen.push(...romanizedPlaces(tokens, capitals, taken, data.romanized));

  const spans: EntitySpan[] = inTextOrder(chosen, tokens.count).map((c) => ({
    start: tokens.start[c.first] as number,
    end: tokens.end[c.last] as number,
    type: c.type,
    key: c.key ?? keyOf(tokens, c),
  }));
  spans.push(...joinVariants(text, tokens, spans, data.romanized));
  spans.push(...findTerms(tokens, data.terms));
  return spans.sort((x, y) => x.start - y.start || y.end - x.end);
}

/**
 * A listed name that is only part of the words it stands in: one half of a hyphenated name
 * ("Quimby-Vance"), or a common word in a line of capitals ("… IS THE …" is not the "IS" of a list).
 * With `places`, a place joined by a hyphen to another listed place is two places ("U.S.-Russia
 * relations", "the India-Pakistan border").
 */
function partOfLonger(tokens: Tokens, first: number, last: number, places: PhraseIndex | null): boolean {
  const capital = (i: number) => i >= 0 && i < tokens.count && ((tokens.flags[i] as number) & (CAP | UPPER)) !== 0;
  const place = (from: number, to: number) => {
    const match = from >= 0 ? places?.match(tokens, from) : null;
    return match?.phrase.type === 'PLACE' && match.length === to - from + 1;
  };
  if ((tokens.flags[first] as number) & HYPHEN_BEFORE && capital(first - 1) && !place(first - 1, first - 1) && !place(first - 2, first - 1)) return true;
  if (last + 1 < tokens.count && (tokens.flags[last + 1] as number) & HYPHEN_BEFORE && capital(last + 1) && !place(last + 1, last + 1) && !place(last + 1, last + 2)) return true;
  if (first === last && (tokens.flags[first] as number) & UPPER && inClass(tokens, first, SENTENCE_WORD)) {
    const upper = (i: number) => i >= 0 && i < tokens.count && ((tokens.flags[i] as number) & UPPER) !== 0;
    return upper(first - 1) || upper(first + 1);
  }
  return false;
}

/** Another language: its dates (when dates.ts knows how it writes them) and the terms. */
function datesAndTerms(text: string, tokens: Tokens, data: RecognizerData, language: string): EntitySpan[] {
  const dates = language === 'fr' ? findFrenchDates(tokens) : findDates(tokens);
  const spans: EntitySpan[] = dates.map((c) => ({
    start: tokens.start[c.first] as number,
    end: tokens.end[c.last] as number,
    type: 'DATE',
    key: keyOf(tokens, { ...c, type: 'DATE' }),
  }));
  spans.push(...findTerms(tokens, data.terms));
  return spans.sort((x, y) => x.start - y.start || y.end - x.end);
}

const JOINS = new Set(['and', 'for']);

/**
 * An organization's name joined over "and" or "for" is not one name when the lists know the words
 * before it as a name of their own: "Li Keqiang and National People's Congress" is two, and so is
 * "Getty Images for Ithaca Holdings".
 */
function withoutListedJoins(tokens: Tokens, candidates: Candidate[]): Candidate[] {
  // Only where a rule's organization starts: a map of every listed name's ends was ~3 % of a warm call.
  const ruleOrgAt = wordBytes('ruleOrgs', tokens.count);
  for (const c of candidates) if (!c.fromList && c.type === 'ORG') ruleOrgAt[c.first] = 1;
  const listedEnds = new Map<number, number[]>();
  for (const c of candidates) {
    if (!c.fromList || !ruleOrgAt[c.first]) continue;
    const ends = listedEnds.get(c.first);
    if (ends) ends.push(c.last);
    else listedEnds.set(c.first, [c.last]);
  }
  return candidates.filter((c) => {
    if (c.fromList || c.type !== 'ORG') return true;
    const ends = listedEnds.get(c.first);
    return !ends?.some((end) => end < c.last && JOINS.has(wordAt(tokens, end + 1)));
  });
}

/**
 * `chosen` by first word, keeping the order of those with the same first word (as a stable sort
 * would). Counted into place: sorting ~20,000 spans per MB of text with a comparison function
 * was ~3 % of a call.
 */
function inTextOrder(chosen: readonly Candidate[], count: number): Candidate[] {
  const next = wordInts('order', count + 1);
  for (const c of chosen) (next[c.first + 1] as number)++;
  runningTotals(next, count);
  const ordered = new Array<Candidate>(chosen.length);
  for (const c of chosen) ordered[(next[c.first] as number)++] = c;
  return ordered;
}

/**
 * Each of `totals[1..count]` plus all before it. A function of its own, ending with its loop: in
 * inTextOrder, what followed this loop had no type feedback in the code V8 compiled while it ran
 * (on-stack replacement), and that code was thrown away at the end of a call (Node 20).
 */
function runningTotals(totals: Int32Array, count: number): void {
  // The total kept in a variable: one read and one write per word.
  let total = totals[0] as number;
  for (let i = 1; i <= count; i++) totals[i] = total += totals[i] as number;
}

/** Longest first (a list before a rule on a tie); each word goes to one span at most. */
function resolve(candidates: Candidate[], count: number): Candidate[] {
  // The order of a stable sort by length (longest first), then lists first, then position in
  // `candidates`, made by placing each candidate in its bucket: spans are a few words long, and a
  // comparison sort of ~15,000 candidates per MB of text cost more than the rest of this function.
  let longest = 0;
  let shortest = 0;
  for (const c of candidates) {
    longest = Math.max(longest, c.last - c.first);
    shortest = Math.min(shortest, c.last - c.first);
  }
  const buckets: Candidate[][] = Array.from({ length: 2 * (longest - shortest + 1) }, () => []);
  for (const c of candidates) buckets[2 * (longest - (c.last - c.first)) + (c.fromList ? 0 : 1)]!.push(c);
  const taken = wordBytes('resolved', count);
  const chosen: Candidate[] = [];
  for (const bucket of buckets) {
    for (const candidate of bucket) {
      let free = true;
      for (let i = candidate.first; i <= candidate.last && free; i++) free = taken[i] === 0;
      if (!free) continue;
      taken.fill(1, candidate.first, candidate.last + 1);
      chosen.push(candidate);
    }
  }
  return chosen;
}

/** Legal forms a company's name may carry after a comma. */
const LEGAL_FORMS = new Set(['inc.', 'inc', 'llc', 'ltd.', 'ltd', 'plc', 'corp.']);

/** "Tyvak Nano-Satellite Systems, Inc.", "Apple, Inc.": the legal form after a comma belongs to the name. */
function withLegalForms(tokens: Tokens, chosen: Candidate[], taken: Uint8Array): void {
  for (const c of chosen) {
    const next = c.last + 1;
    if (c.type !== 'ORG' || next >= tokens.count || taken[next] || !commaBefore(tokens, next) || !LEGAL_FORMS.has(wordAt(tokens, next))) continue;
    c.last = next;
    if (!c.fromList) c.key = undefined; // a listed name keeps its key ("Apple, Inc." is Apple)
    taken[next] = 1;
  }
}

/** KCNA's "the Republic" (not "the Republic of …") is the country itself. */
function theRepublic(tokens: Tokens, capitals: Int32Array, candidates: Candidate[]): void {
  const flags = tokens.flags;
  for (const i of capitals) {
    if (i === 0 || !((flags[i] as number) & CAP) || !wordIs(tokens, i, 'republic')) continue;
    if (wordAt(tokens, i - 1) === 'the' && wordAt(tokens, i + 1) !== 'of') candidates.push({ first: i, last: i, type: 'PLACE', key: 'Republic' });
  }
}

/**
 * "Ozark, Ala.", "Charleston, S.C.", "Tampa, FL": a state or province abbreviated after a comma is
 * a place, and so are the capitalized words before the comma (up to three: "St. Louis, Mo.").
 */
function citiesWithStates(tokens: Tokens, capitals: Int32Array, givenNames: ReadonlySet<string>): Candidate[] {
  const candidates: Candidate[] = [];
  const cap = (i: number) => ((tokens.flags[i] as number) & (CAP | UPPER)) !== 0;
  for (const i of capitals) {
    if (i === 0 || !inClass(tokens, i, STATE_ABBREVIATION | POSTAL_CODE)) continue;
    const word = wordAt(tokens, i);
    const postal = (tokens.flags[i] as number) & UPPER && word.length === 2 ? POSTAL_CODES.get(word) : undefined;
    const state = STATE_ABBREVIATIONS.get(word) ?? postal;
    if (!state) continue;
    // "Paul D. Ryan (R-Wis.)": the lawmaker's state, and no city before it.
    if (!postal && afterParty(tokens.text, tokens.start[i] as number)) {
      candidates.push({ first: i, last: i, type: 'PLACE', key: state, fromList: true });
      continue;
    }
    if (!commaBefore(tokens, i) || !cap(i - 1)) continue;
    // A postal code only after a city in mixed case ("CHICAGO, IN THE …" is a line of capitals),
    // and not before a common word in capitals ("Chicago, IN THE …"); "Camden, NJ @ BB&T Pavilion" is one.
    if (postal && ((tokens.flags[i - 1] as number) & UPPER || (i + 1 < tokens.count && (tokens.flags[i + 1] as number) & UPPER && inClass(tokens, i + 1, SENTENCE_WORD)))) continue;
    let first = i - 1;
    while (first > i - 3 && first > 0 && !((tokens.flags[first] as number) & SENTENCE) && cap(first - 1) && plainGap(tokens, first, 1, false)) first--;
    while (first < i - 1 && inClass(tokens, first, SENTENCE_WORD)) first++; // "Near Falkville, Ala."
    // "Rep. Steny H. Hoyer, Md.": a person's home state, not a city's; "Jane Roe, MD" is a doctor.
    let person = inClass(tokens, first - 1, TITLE);
    for (let k = first; k < i && !person; k++) person = inClass(tokens, k, TITLE) || givenNames.has(wordAt(tokens, k));
    if (postal && person) continue;
    candidates.push({ first: i, last: i, type: 'PLACE', key: state, fromList: true });
    if (inClass(tokens, first, SENTENCE_WORD) || person) continue;
    candidates.push({ first, last: i - 1, type: 'PLACE' });
  }
  return candidates;
}

/**
 * Single capitalized words the document has already named: a person's surname (or a family
 * name written first), the name part of "… County", an acronym given in parentheses after an
 * organization's name. A surname two people share goes to the one named last before it ("Hori
 * Parata … Parata said"), or the first named after it.
 */
function laterMentions(text: string, tokens: Tokens, capitals: Int32Array, chosen: Candidate[], nameLists: NameLists): Candidate[] {
  const known = new Map<string, Known | null>();
  const teach = (word: string, type: EntityType, key: string, at: number) => {
    const previous = known.get(word);
    if (previous === undefined) known.set(word, { type, key, people: [{ at, key }] });
    else if (previous && previous.key !== key) {
      if (type === 'PERSON' && previous.type === 'PERSON') previous.people.push({ at, key });
      else known.set(word, null); // a person's and a place's word: ambiguous
    }
  };
  const taken = wordBytes('mentioned', tokens.count);
  for (const c of chosen) {
    taken.fill(1, c.first, c.last + 1);
    const key = (c.key ??= keyOf(tokens, c));
    const { first, last } = c;
    if (c.type === 'PERSON' && last > first) {
      for (let k = last; k >= first; k--) {
        const surname = wordAt(tokens, k);
        if (inClass(tokens, k, NAME_PARTICLE) || surname.length <= 2) continue;
        teach(surname, 'PERSON', key, first);
        break;
      }
      // A family name written first ("Kim", "Xi"), or a given name used alone later ("Eloise"),
      // unless it is also a common word ("Bill", "Will").
      const opening = wordAt(tokens, first);
      if (nameLists.familyFirst.has(opening) || (nameLists.givenNames.has(opening) && !inClass(tokens, first, WORD_NAME))) teach(opening, 'PERSON', key, first);
    } else if (c.type === 'PERSON' && c.fromList && !inClass(tokens, first, WORD_NAME)) {
      teach(wordAt(tokens, first), 'PERSON', key, first); // "Prince Andrew" named as "Andrew" (the title left out), then "Andrew"
    } else if (c.type === 'PLACE' && last === first + 1 && inClass(tokens, last, PLACE_HEAD)) {
      teach(wordAt(tokens, first), 'PLACE', key, first);
    } else if (c.type === 'ORG' && last === first + 1 && inClass(tokens, last, CORPORATE_SUFFIX)) {
      teach(wordAt(tokens, first), 'ORG', key, first); // "Zorblax Inc.", then "Zorblax"
    } else if (c.type === 'ORG' && last + 1 < tokens.count && (tokens.flags[last + 1] as number) & UPPER) {
      const after = tokens.folded.slice(tokens.end[last], tokens.start[last + 1]);
      const acronym = wordAt(tokens, last + 1);
      if (/^\s*\($/.test(after) && opensAWord(tokens, first, last, acronym)) teach(acronym, 'ORG', key, first);
    }
  }
  const found: Candidate[] = [];
  const wordFlags = tokens.flags;
  for (const i of capitals) {
    const flags = wordFlags[i] as number;
    if (taken[i]) continue;
    const word = wordAt(tokens, i);
    const entry = known.get(word);
    if (!entry) continue;
    const classes = classesAt(tokens, i);
    if (flags & SENTENCE && classes & SENTENCE_WORD) continue;
    if (classes & ORG_HEAD && entry.type !== 'ORG') continue;
    // "Obama Administration" is not a mention of Obama alone, nor "Andrew Colvin" of Andrew Shearer.
    if (i + 1 < tokens.count && !taken[i + 1] && (tokens.flags[i + 1] as number) & CAP && !(flags & POSSESSIVE) && plainGap(tokens, i + 1, 2, true)) continue;
    // "de Blasio", "van Gogh": a lower-case particle before the surname belongs to it.
    const particle = entry.type === 'PERSON' && i > 0 && !taken[i - 1] && inClass(tokens, i - 1, NAME_PARTICLE) && plainGap(tokens, i, 2, false);
    found.push({ first: particle ? i - 1 : i, last: i, type: entry.type, key: entry.people.length > 1 ? nearestBefore(entry.people, i) : entry.key });
  }
  return found;
}

/**
 * Whether `acronym` opens with the initial of one of the words first..last: "Korean Central
 * Television (KCTV)", "Korean Workers' Party (WPK)"; not a language's code after the outlet's name,
 * "Chongnyon Chonwi (EN)".
 */
function opensAWord(tokens: Tokens, first: number, last: number, acronym: string): boolean {
  for (let k = first; k <= last; k++) if (wordAt(tokens, k).charAt(0) === acronym.charAt(0)) return true;
  return false;
}

interface Known {
  type: EntityType;
  key: string;
  /** Where each person with this word was named in full. */
  people: { at: number; key: string }[];
}

/** The key of the person named last before word `i`, or else of the first one named (`people` is never empty). */
function nearestBefore(people: readonly { at: number; key: string }[], i: number): string {
  let before: { at: number; key: string } | null = null;
  let first = people[0] as { at: number; key: string };
  for (const person of people) {
    if (person.at < i && (!before || person.at > before.at)) before = person;
    if (person.at < first.at) first = person;
  }
  return (before ?? first).key;
}

function findTerms(tokens: Tokens, terms: PhraseIndex): EntitySpan[] {
  const spans: EntitySpan[] = [];
  if (!terms.size) return spans;
  const count = tokens.count;
  for (let i = 0; i < count; i++) {
    const match = terms.match(tokens, i);
    if (!match) continue;
    const last = i + match.length - 1;
    spans.push({
      start: tokens.start[i] as number,
      end: tokens.end[last] as number,
      type: 'TERM',
      key: match.phrase.key,
      list: match.phrase.list,
    });
    i = last;
  }
  return spans;
}
