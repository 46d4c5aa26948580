/**
 * Capitalized names that no list holds, found by the conventions of news writing: a head word
 * ("… County", "… Committee", "Ministry of …"), a title before a person ("President …",
 * "Comrade …"), a known given name or family name, an all-caps
 * dateline at the start of a paragraph ("WASHINGTON —").
 */
import { isCalendarWord } from './dates';
import { CAP, DIGIT, HYPHEN_BEFORE, LINE_START, POSSESSIVE, SENTENCE, UPPER, commaBefore, lettersIn, plainGap, wordAt, type Tokens } from './tokenize';
import type { EntityType } from './types';
import { ARTICLE, CONNECTOR, CORPORATE_SUFFIX, HEADLINE_VERB, NAME_PARTICLE, ORG_HEAD, ORG_OPENER, PERSON_TITLE, PLACE_HEAD, SENTENCE_WORD, TITLE, WORD_NAME, classesAt, inClass, wordClass } from './word-classes';
import { wordInts } from './word-scratch';

export interface Candidate {
  first: number;
  last: number;
  type: EntityType;
  /** Canonical key when a list gave one; else derived from the words. */
  key?: string;
  /** Lists outrank rules when two candidates cover the same words. */
  fromList?: boolean;
}

export interface NameLists {
  givenNames: ReadonlySet<string>;
  /** Family names written first (Korean, Chinese, Vietnamese). */
  familyFirst: ReadonlySet<string>;
  korean: ReadonlySet<string>;
}

/** Collective nouns whose possessive stands inside organization names ("People’s Army"). */
const COLLECTIVE_POSSESSIVES = new Set(['people', 'workers', 'women', 'children', 'farmers', 'youth', 'peoples', 'citizens', 'veterans', 'nations', 'students', 'soldiers', 'men', 'attorney', 'governor', 'mayor', 'magistrates', 'magistrate']);

const isCap = (tokens: Tokens, i: number) => ((tokens.flags[i] as number) & (CAP | UPPER)) !== 0;
const word = (tokens: Tokens, i: number) => wordAt(tokens, i);
const flag = (tokens: Tokens, i: number, bit: number) => ((tokens.flags[i] as number) & bit) !== 0;
const spaced = (tokens: Tokens, i: number) => flag(tokens, i, HYPHEN_BEFORE) || plainGap(tokens, i, 2, false);
const letters = lettersIn;

/** "Procter & Gamble", "AT&T": an ampersand between two capitalized words joins them. */
function ampersand(tokens: Tokens, i: number): boolean {
  if (!isCap(tokens, i) || !isCap(tokens, i - 1)) return false;
  const gap = tokens.text.slice((tokens.end[i - 1] as number) + (tokens.tail[i - 1] as number), tokens.start[i]);
  return gap === ' & ' || gap === '&';
}

/**
 * The capitalized runs of the text: words that may belong to one name, left to right, not across
 * sentences. A run may hold lower-case connectors between capitalized words ("Ministry of
 * National Defence"), hyphen-joined lower-case syllables ("Jong-un"), and collective possessives.
 * Each run is two numbers in a row, its first word and its last: a pair array per run was ~5 % of
 * the recognizer's time. They are written into an array kept between calls (word-scratch.ts), valid
 * until the next call: pushed onto a fresh array, ~50,000 numbers per MB of text, they were ~2 %.
 */
export function capitalizedRuns(tokens: Tokens): Int32Array {
  const runs = wordInts('runs', 2 * tokens.count);
  // The loop is a function of its own: code optimized while in a loop (on-stack replacement) that
  // then met `subarray`, never run when it was compiled, was thrown away at the end of every call.
  return runs.subarray(0, writeRuns(tokens, runs));
}

/**
 * Writes the runs of `tokens` into `runs`; returns how many numbers it wrote. A run opens at a
 * capitalized word or at the word before one (a particle or a number joined to it), so only the
 * capitalized words are tried (`Tokens.capitals`): a test of every word was ~2.5 % of a call.
 */
function writeRuns(tokens: Tokens, runs: Int32Array): number {
  const capitals = tokens.capitals;
  let n = 0;
  // The first word not in a run yet.
  let next = 0;
  for (let c = 0; c < capitals.length; ) {
    const capital = capitals[c] as number;
    if (capital < next) {
      c++;
      continue;
    }
    // A run may open with a particle ("al-Bashir") or a number joined to a capitalized word ("7-Eleven").
    const i = capital > next && flag(tokens, capital, HYPHEN_BEFORE) && (inClass(tokens, capital - 1, NAME_PARTICLE) || (flag(tokens, capital - 1, DIGIT) && lettersIn(tokens, capital - 1) <= 2)) ? capital - 1 : capital;
    const last = runEnd(tokens, i);
    runs[n++] = i;
    runs[n++] = last;
    // A particle may stand alone in its run: the capitalized word after it is tried again.
    next = last + 1;
  }
  return n;
}

/** The last word of the run that opens at word `i`. */
function runEnd(tokens: Tokens, i: number): number {
  let last = i;
  for (let j = i + 1; j < tokens.count; j++) {
    if (flag(tokens, j, SENTENCE) || flag(tokens, j, LINE_START) || !(spaced(tokens, j) || ampersand(tokens, j))) break;
    if (flag(tokens, last, POSSESSIVE) && !COLLECTIVE_POSSESSIVES.has(word(tokens, last))) break;
    if (isCap(tokens, j)) {
      last = j;
      continue;
    }
    if (flag(tokens, j, HYPHEN_BEFORE) && letters(tokens, j) <= 5 && letters(tokens, last) <= 5) {
      last = j; // "Jong-un", "Yo-jong"
      continue;
    }
    // Connectors only between capitalized words: "of the Party", "al-Bashir".
    let k = j;
    while (k < tokens.count && k - j < 2 && inClass(tokens, k, CONNECTOR) && !isCap(tokens, k) && spaced(tokens, k)) k++;
    if (k > j && k < tokens.count && isCap(tokens, k) && spaced(tokens, k) && !flag(tokens, k, SENTENCE)) {
      last = k;
      j = k;
      continue;
    }
    break;
  }
  return last;
}

/** Adds the rule-based candidates within one capitalized run [a, b] to `found`. */
export function candidatesInRun(tokens: Tokens, a: number, b: number, lists: NameLists, found: Candidate[]): void {
  // Leading titles and sentence-opening words are not part of any name, nor what stands before a
  // title near the start ("Tunisian Prime Minister Habib Essid", "Former President …").
  let start = a;
  for (let k = a + 1; k <= Math.min(b - 1, a + 2); k++) {
    if (inClass(tokens, k, TITLE) && !inClass(tokens, a, TITLE)) {
      start = k;
      break;
    }
  }
  let titled = false;
  while (start <= b) {
    const classes = classesAt(tokens, start);
    if (classes & TITLE) titled = true;
    else if (!(start === a && ((flag(tokens, start, SENTENCE) && classes & SENTENCE_WORD) || classes & ARTICLE))) break;
    start++;
  }
  // A title in lower case before the run ("former president Barack Obama") counts before a full
  // name only: "that first Retina display" names no one.
  titled ||= a > 0 && inClass(tokens, a - 1, TITLE) && spaced(tokens, a) && (isCap(tokens, a - 1) || b > a);
  // An office, not a person: "Inspector-General of Intelligence", "Minister for Trade".
  const office = titled && start <= b && !isCap(tokens, start);
  // A run may open with connectors ("How do I …" leaves "do I"): a name starts with a capital.
  while (start <= b && !isCap(tokens, start) && !flag(tokens, start + 1, HYPHEN_BEFORE)) start++;

  // An institution standing alone at the end of the run: "before Parliament rises", "… Inc. The Navy said".
  if (start <= b && inClass(tokens, b, INSTITUTION) && (b === start || inClass(tokens, b - 1, ARTICLE))) found.push({ first: b, last: b, type: 'ORG' });
  // "the House voted", "a House committee": the chamber, inside a sentence ("House prices rose" opens one).
  else if (start === b && word(tokens, b) === 'house' && !flag(tokens, b, SENTENCE | UPPER) && inClass(tokens, b - 1, ARTICLE) && word(tokens, b + 1) !== 'of') found.push({ first: b, last: b, type: 'ORG' });
  headCandidates(tokens, start, b, found);
  if (!office) personCandidates(tokens, start, b, titled, lists, found);
  // A person named after a title inside the run: "NTEU President Tony Reardon"; or by a given
  // name after an abbreviation in capitals: "Cleveland DL Larry Ogunjobi".
  for (let k = start + 1; k < b; k++) {
    if (inClass(tokens, k, PERSON_TITLE) && isCap(tokens, k) && isCap(tokens, k + 1)) personCandidates(tokens, k + 1, b, true, lists, found);
    else if (flag(tokens, k - 1, UPPER) && !flag(tokens, k, UPPER) && lists.givenNames.has(word(tokens, k)) && !inClass(tokens, k, WORD_NAME)) personCandidates(tokens, k, b, false, lists, found);
  }
  datelineCandidate(tokens, a, b, found);
}

/** Institutions named by one capitalized word ("before Parliament rises", "the Senate"). */
const INSTITUTION = wordClass(['parliament', 'senate', 'congress', 'navy', 'army', 'marines', 'politburo', 'presidium', 'kremlin', 'pentagon', 'knesset', 'bundestag', 'duma', 'taliban', 'hamas', 'hezbollah', 'nato', 'interpol', 'europol']);

const LEADING_HEADS = new Set(['lake', 'mount', 'mt.', 'cape', 'fort', 'isle', 'gulf', 'port']);

function headCandidates(tokens: Tokens, a: number, b: number, found: Candidate[]): void {
  for (let h = a; h <= b; h++) {
    const classes = classesAt(tokens, h);
    const org = (classes & ORG_HEAD) !== 0;
    const place = (classes & PLACE_HEAD) !== 0;
    const opener = (classes & ORG_OPENER) !== 0 && h + 1 <= b && word(tokens, h + 1) === 'of';
    if (!(org || place || opener) || !isCap(tokens, h)) continue;
    const w = word(tokens, h);
    // Left over capitalized words, and for an organization over "and"/"&" between them ("World
    // Travel and Tourism Council"), not over another name's head ("Songchon County and Kimhwa County").
    let first = h;
    for (let k = h - 1; k >= a; k--) {
      const w = word(tokens, k);
      if (isCap(tokens, k)) {
        const classes = classesAt(tokens, k);
        // "Former National Security Council official …", "Formerly Verizon Amphitheatre": no name opens so.
        if (classes & (TITLE | HEADLINE_VERB) || w === 'former' || w === 'formerly' || (flag(tokens, k, SENTENCE) && classes & SENTENCE_WORD)) break;
        if (flag(tokens, k, UPPER) && classes & SENTENCE_WORD) break; // in capitals: "… IS THE NINE NETWORK"
        if (classes & ARTICLE) break; // "… Inc. The Navy": a sentence after an abbreviation
        first = k;
      } else if (!(org && (w === 'and' || w === '&') && k - 1 >= a && isCap(tokens, k - 1) && !isHead(tokens, k - 1))) break;
      // "Gensler and Clark Construction Group": a company's suffix closes one name; "&" may join ("Procter & Gamble Co.").
      else if (w === 'and' && inClass(tokens, h, CORPORATE_SUFFIX)) break;
      // "SpaceX, Blue Origin, Ceres Robotics and Tyvak Nano-Satellite Systems": after a comma, "and" ends a list of names.
      else if (w === 'and' && commaBefore(tokens, a)) break;
    }
    // Right over "of [the] …" / "for …" (an organization's "on …": "Committee on Intelligence and
    // Security"), and "and" between capitalized words.
    let last = h;
    if (h + 1 <= b && (word(tokens, h + 1) === 'of' || word(tokens, h + 1) === 'for' || (org && word(tokens, h + 1) === 'on' && !isCalendarWord(word(tokens, h + 2))))) {
      let k = h + 2;
      if (k <= b && word(tokens, k) === 'the') k++;
      while (k <= b && (isCap(tokens, k) || (inClass(tokens, k, CONNECTOR) && k + 1 <= b && isCap(tokens, k + 1)))) {
        // "… of Government Employees President J. David Cox": the name stops before a person's title.
        if (inClass(tokens, k, PERSON_TITLE) && k + 1 <= b && isCap(tokens, k + 1) && !isHead(tokens, k + 1)) break;
        if (isCap(tokens, k)) last = k;
        k++;
      }
    }
    // Heads that come first: "Lake Tarnow", "Mount Paektu", "Cape Cod".
    if (first === h && last === h && place && LEADING_HEADS.has(w)) while (last + 1 <= b && isCap(tokens, last + 1) && !inClass(tokens, last + 1, TITLE)) last++;
    if (first === h && last === h) continue; // a bare head word ("the Party") names nothing by itself
    found.push({ first, last, type: org || opener ? 'ORG' : 'PLACE' });
  }
}

// Module-level, not closures in personCandidates: one closure pair per capitalized run was ~2.6 MB of garbage per MB of text.
const isHead = (tokens: Tokens, i: number) => inClass(tokens, i, ORG_HEAD | PLACE_HEAD);

/** The last word of a person's name starting at `a` within the run [a, b] (at most four words). */
function extent(tokens: Tokens, a: number, b: number): number {
  let last = a;
  for (let i = a + 1; i <= b && i - a < 4; i++) {
    const classes = classesAt(tokens, i);
    if (classes & (ORG_HEAD | PLACE_HEAD) || (!isCap(tokens, i) && !(classes & NAME_PARTICLE) && !flag(tokens, i, HYPHEN_BEFORE))) break;
    // A name in capitals (a credit, a byline) stops at a common word: "LAURIE OAKES IS THE …".
    if (flag(tokens, i, UPPER) && classes & (SENTENCE_WORD | TITLE)) break;
    // "Vanessa Hicks The Federal …": a capitalized "The" inside a run starts something else.
    if (isCap(tokens, i) && classes & ARTICLE) break;
    if (isCap(tokens, i) || flag(tokens, i, HYPHEN_BEFORE)) last = i;
  }
  return last;
}

function personCandidates(tokens: Tokens, a: number, b: number, titled: boolean, lists: NameLists, found: Candidate[]): void {
  if (a > b) return;
  const w = word(tokens, a);
  // Family name first: "Kim Jong Un", "Choe Son Hui", "Xi Jinping", "Moon Jae-in".
  if (lists.familyFirst.has(w) && a + 1 <= b && !isHead(tokens, a + 1)) {
    const korean = lists.korean.has(w);
    let last = a + 1;
    if (korean) {
      if (letters(tokens, a + 1) > 5) return;
      if (a + 2 <= b && letters(tokens, a + 2) <= 5 && !isHead(tokens, a + 2)) last = a + 2;
    } else if (a + 2 <= b && isCap(tokens, a + 2) && !isHead(tokens, a + 2) && (a + 3 > b || !isCap(tokens, a + 3))) {
      last = a + 2; // three-part names: "Nguyen Van Thieu", "Man Haron Monis"
    } else if (a + 2 <= b && flag(tokens, a + 2, HYPHEN_BEFORE) && !isCap(tokens, a + 2) && letters(tokens, a + 2) <= 5) {
      last = a + 2; // a given name's second syllable: "Teng Hsiao-p'ing", "Hu Chin-t'ao"
    }
    found.push({ first: a, last, type: 'PERSON' });
    return;
  }
  if (lists.givenNames.has(w) && a + 1 <= b) {
    const last = extent(tokens, a, b);
    if (last > a) found.push({ first: a, last, type: 'PERSON' });
    return;
  }
  // A name that only says something ("Whole Foods said") is left to the document's evidence (open-world.ts).
  if (titled) {
    if (isHead(tokens, a)) return;
    found.push({ first: a, last: extent(tokens, a, b), type: 'PERSON' });
  }
}

/** "WASHINGTON —" / "SEOUL, South Korea —" at the start of a paragraph. */
function datelineCandidate(tokens: Tokens, a: number, b: number, found: Candidate[]): void {
  if (!flag(tokens, a, LINE_START)) return;
  let last = a;
  while (last + 1 <= b && flag(tokens, last + 1, UPPER)) last++;
  if (!flag(tokens, a, UPPER)) return;
  const after = tokens.folded.slice(tokens.end[last], last + 1 < tokens.count ? tokens.start[last + 1] : tokens.folded.length);
  if (/^,?\s*[—–-]|^\s*\(/.test(after) || /^,\s/.test(after)) found.push({ first: a, last, type: 'PLACE' });
}

/**
 * The key of a mention no list named: its words as written, the first capitalized, joined by
 * single spaces (or the ampersand that stood between them). A possessive inside the name stays,
 * with a straight apostrophe ("People’s Army" and "People's Army" are "People's Army", never
 * "People Army"). One derivation for every rule.
 */
export function keyOf(tokens: Tokens, c: Candidate): string {
  const text = tokens.text;
  let key = '';
  for (let i = c.first; i <= c.last; i++) {
    const original = text.slice(tokens.start[i], tokens.end[i]);
    // Words are joined by one space, or by the ampersand that stood between them ("AT&T").
    if (i > c.first) key += text.slice(tokens.end[i - 1], tokens.start[i]).includes('&') ? (/\s/.test(text[tokens.start[i]! - 1] ?? '') ? ' & ' : '&') : ' ';
    // Small words inside a name keep their case ("Federation of Government Employees").
    key += i === c.first ? original.charAt(0).toUpperCase() + original.slice(1) : original;
    if (i < c.last && flag(tokens, i, POSSESSIVE)) key += tokens.tail[i] === 2 ? "'s" : "'";
  }
  return key;
}
