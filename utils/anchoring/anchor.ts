/**
 * Finds a stored passage in the article's current text. In order: the stored position, if the
 * quote is still there and its context agrees; where its neighbours moved to, if its whole
 * context moved with it; a bounded fuzzy match near where it was (Myers' algorithm,
 * approx-string-match), tried even when the same words exist elsewhere, because an edited passage
 * whose words are repeated in a caption or pull quote is still the passage where it was; an exact
 * occurrence elsewhere that carries the passage's own context (the paragraph moved); a fuzzy match
 * anywhere, on the same terms. What none of them finds with confidence is an orphan: a passage is
 * never attached to the wrong text, and a repeated passage is never chosen because its words
 * match. When the words are still somewhere (another copy, or nearly), the orphan carries that
 * place as a suggestion for the reader to accept or not.
 *
 * "Its own context": the stored prefix and suffix up to the nearest paragraph break ("\n" in the
 * text model). That part moves with the passage when its paragraph moves; the part beyond the
 * break belongs to the old neighbours. A copy of the words in a caption, pull quote or repeated
 * heading has other words around it on the passage's side of the break, or a break where the
 * passage had words, so it does not agree. (What the text alone cannot tell: a passage that was a
 * whole paragraph, removed, while another whole paragraph holds the same words. It is placed
 * there as moved when it is long enough to be one passage; see MOVED_EVIDENCE.)
 */
import search from 'approx-string-match';
import { CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from './selectors';
import { similarity } from './similarity';

export interface Anchored {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

/** Not placed; `suggestion` is where the same (or nearly the same) words are now, if anywhere. */
export interface Unplaced {
  method: 'orphan';
  suggestion: { start: number; end: number } | null;
}

/** Below this length a quote is short: its few words recur, so it is judged by most of its whole context (SHORT_CONTEXT, SHORT_SIDE_AGREES). */
const DISTINCTIVE = 24;
/** Shorter quotes are not matched fuzzily. */
const MIN_FUZZY = 16;
/** The fuzzy match may differ from the quote by this share of its length, at most. */
const MAX_ERROR_RATE = 0.2;
/**
 * How much the whole stored context (both sides, 32 characters each, on average) must agree for
 * a short quote to be at its place: most of both sides (see UNRELATED for what noise scores).
 */
const SHORT_CONTEXT = 0.75;
/** Context characters each side a short quote needs to be placed by its neighbours' move. */
const MIN_CONTEXT = 8;
/**
 * A side of the passage's own context (up to the paragraph break) agrees when it is this alike:
 * a word changed in 32 characters leaves about 0.8; unrelated text scores under 0.35.
 */
const SIDE_AGREES = 0.75;
/** The same for a quote shorter than DISTINCTIVE: about one character in ten may differ. */
const SHORT_SIDE_AGREES = 0.9;
/**
 * Below this a side is unrelated text. Two unrelated 32-character stretches of the corpus agree
 * 0.13 on average by edit distance, 0.28 at the 99th percentile and 0.34 at the 99.9th.
 */
const UNRELATED = 0.4;
/** How far from where the stored context put it the found paragraph break may be (punctuation edits). */
const BREAK_SLACK = 3;
/**
 * Characters (quote plus its own agreeing context) that make an exact occurrence the passage
 * moved, even when neither side's old neighbours came with it. 40 characters of running text are
 * about seven words: such a stretch recurs in news text only as a deliberate copy (a caption,
 * a pull quote), and a copy is told apart by its own context, not its length. A quote of a whole
 * paragraph has no own context: its words alone must reach this length and be there once.
 */
const MOVED_EVIDENCE = 40;
/** How far around its expected place a fuzzy match is looked for first. */
const FUZZY_REACH = 256;
/** Exact occurrences examined at most (a very common quote is decided by context alone). */
const MAX_OCCURRENCES = 2000;
/** Candidates whose context scores differ by less than this are not told apart by context. */
const CLEAR_MARGIN = 0.15;

/** How well the text around [start, end) agrees with the stored context (0 … 1). */
function contextAt(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  const side = (stored: string, found: string) => (stored.length === 0 && found.length === 0 ? 1 : stored.length === 0 ? 0.5 : similarity(stored, found));
  return (side(quote.prefix, before) + side(quote.suffix, after)) / 2;
}

/**
 * How many characters of one side of the stored context agree at [start, end); -1 when it
 * disagrees. Where the stored side holds a paragraph break, the found text must have its break in
 * the same place (BREAK_SLACK) and agree up to it; the side then counts whole when all of it agrees
 * (its old neighbours came along), else only up to the break (the passage's paragraph moved).
 * A side cut short by the text's edge is bounded by that edge like a break. A short quote's side
 * must agree more closely (its few words recur with nearly the same words around them), and
 * with words: a break alone (a repeated heading's line) does not count for it.
 */
function sideAgreement(text: string, start: number, end: number, quote: TextQuoteSelector, side: 'prefix' | 'suffix'): number {
  const short = quote.exact.length < DISTINCTIVE;
  const agrees = short ? SHORT_SIDE_AGREES : SIDE_AGREES;
  const stored = quote[side];
  const before = side === 'prefix';
  const around = (length: number) => (before ? text.slice(Math.max(0, start - length), start) : text.slice(end, end + length));
  const cut = before ? stored.lastIndexOf('\n') : stored.indexOf('\n');
  const whole = stored.length > 0 && similarity(stored, around(stored.length)) >= agrees;
  if (cut < 0 && stored.length >= CONTEXT_LENGTH) return whole ? stored.length : -1;
  const own = cut < 0 ? stored : before ? stored.slice(cut + 1) : stored.slice(0, cut);
  if (own && similarity(own, around(own.length)) < agrees) return -1;
  const edge = before ? start - own.length : end + own.length;
  const atEdge = before ? edge - BREAK_SLACK <= 0 : edge + BREAK_SLACK >= text.length;
  if (!atEdge && !text.slice(Math.max(0, edge - BREAK_SLACK - 1), edge + BREAK_SLACK + 1).includes('\n')) return -1;
  if (whole) return stored.length;
  return short && own.length < MIN_CONTEXT ? -1 : own.length;
}

/**
 * Whether the place [start, end) is the passage moved anywhere: both sides agree (see
 * `sideAgreement`), and the agreeing context and the quote's matching characters (`evidence`)
 * make MOVED_EVIDENCE together. (An average over both sides is not enough: one side's strong
 * agreement would carry a side that disagrees, and a copy of a passage often shares one side.)
 */
function samePassage(text: string, start: number, end: number, quote: TextQuoteSelector, evidence: number): boolean {
  const before = sideAgreement(text, start, end, quote, 'prefix');
  const after = before < 0 ? -1 : sideAgreement(text, start, end, quote, 'suffix');
  return after >= 0 && evidence + before + after >= MOVED_EVIDENCE;
}

/**
 * Whether the place [start, end), near where the passage was, is the passage: as `samePassage`,
 * or, since where it was is evidence too, one side agreeing with real words (MIN_CONTEXT, see
 * `sideAgreement`) while the other is still more alike than unrelated text (a word changed
 * beside the passage). A short quote needs most of its whole context, neither side unrelated.
 */
function nearPassage(text: string, start: number, end: number, quote: TextQuoteSelector, evidence: number): boolean {
  const { prefix, suffix } = quote;
  const before = prefix ? similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)) : 1;
  const after = suffix ? similarity(suffix, text.slice(end, end + suffix.length)) : 1;
  if (quote.exact.length < DISTINCTIVE) return (before + after) / 2 >= SHORT_CONTEXT && Math.min(before, after) >= UNRELATED;
  if (samePassage(text, start, end, quote, evidence)) return true;
  if (Math.min(before, after) < UNRELATED) return false;
  return sideAgreement(text, start, end, quote, 'prefix') >= MIN_CONTEXT || sideAgreement(text, start, end, quote, 'suffix') >= MIN_CONTEXT;
}

/**
 * Where the stored context still closes, both sides exactly, around a stretch near `expected`:
 * the passage's place is still there (its words perhaps edited). Searched in a window only.
 */
function placeHeld(text: string, quote: TextQuoteSelector, expected: number): [number, number] | null {
  const { prefix, suffix, exact } = quote;
  if (prefix.length < MIN_CONTEXT || suffix.length < MIN_CONTEXT) return null;
  const from = Math.max(0, expected - FUZZY_REACH - prefix.length);
  const window = text.slice(from, expected + FUZZY_REACH + 2 * exact.length + suffix.length + 16);
  for (let at = window.indexOf(prefix); at !== -1; at = window.indexOf(prefix, at + 1)) {
    const s = at + prefix.length;
    const e = window.indexOf(suffix, s);
    if (e !== -1 && e - s <= 2 * exact.length + 16) return [from + s, from + e];
  }
  return null;
}

/** True when the text holds the quote's prefix and suffix side by side (one space at most between). */
function contextClosed(text: string, quote: TextQuoteSelector): boolean {
  if (quote.prefix.trim().length < 8 || quote.suffix.trim().length < 8) return false;
  const joined = `${quote.prefix.trimEnd()} ${quote.suffix.trimStart()}`;
  return text.includes(quote.prefix + quote.suffix) || text.includes(joined) || text.includes(quote.prefix.trimEnd() + quote.suffix.trimStart());
}

/** 1 at `expected`, falling to 0 a whole text away. */
function nearness(start: number, expected: number | undefined, length: number): number {
  return expected === undefined ? 0 : 1 - Math.min(1, Math.abs(start - expected) / Math.max(1, length));
}

/** The quote at `start` with the whole of its stored context around it, character for character. */
function wholeAt(text: string, start: number, quote: TextQuoteSelector): boolean {
  return (
    start >= quote.prefix.length &&
    text.startsWith(quote.exact, start) &&
    text.startsWith(quote.prefix, start - quote.prefix.length) &&
    text.startsWith(quote.suffix, start + quote.exact.length)
  );
}

/**
 * Finds `quote` in `text`, or says it is an orphan (with a suggested place, if its words are
 * there). `moves` are shifts that placed the passages before this one (text inserted or removed
 * above them): where the passage would be had it moved with them is tried first.
 */
export function locate(text: string, quote: TextQuoteSelector, position?: TextPositionSelector, moves: readonly number[] = []): Anchored | Unplaced {
  const { exact } = quote;
  if (!exact) return { method: 'orphan', suggestion: null };
  const distinctive = exact.length >= DISTINCTIVE;

  // 1. Where it was; else where its neighbours moved to, if its whole context moved with it.
  // Its words at its place are not enough: a copy of them (a caption, a repeated heading) may
  // have slid into that place when the passage itself moved away.
  if (position && text.slice(position.start, position.end) === exact) {
    if (nearPassage(text, position.start, position.end, quote, exact.length)) {
      return { start: position.start, end: position.end, method: 'position' };
    }
  }
  if (position && (distinctive || quote.prefix.length + quote.suffix.length >= 2 * MIN_CONTEXT)) {
    for (const move of moves) {
      const start = position.start + move;
      if (wholeAt(text, start, quote)) return { start, end: start + exact.length, method: 'position' };
    }
  }

  // 2. Nearly the same words where it should be (edited in place, or moved with its neighbours),
  // unless the context there now closes over nothing. Tried even when the exact words are
  // elsewhere: a caption repeating the passage is not the passage. Bounded: only that stretch is
  // searched fuzzily, so a long article costs little more than a short one.
  if (position && exact.length >= MIN_FUZZY) {
    const reach = exact.length + FUZZY_REACH;
    for (const move of new Set([0, ...moves])) {
      const from = Math.max(0, position.start + move - reach);
      const to = position.end + move + reach;
      const stretch = text.slice(from, to);
      if (contextClosed(stretch, quote)) break;
      // The same words here, with the passage's context: it moved a little (the cheap, common case).
      for (let at = stretch.indexOf(exact); at !== -1; at = stretch.indexOf(exact, at + 1)) {
        if (nearPassage(text, from + at, from + at + exact.length, quote, exact.length)) return { start: from + at, end: from + at + exact.length, method: 'quote' };
      }
      const found = fuzzy(text, quote, position.start + move, from, to, true);
      if (found?.confident) return found.at;
    }
  }
  // Its whole context still closes around a stretch where it was: that stretch is the passage,
  // edited. Taken when nearly the same words (a short quote is not matched fuzzily above), else
  // an orphan: another copy of the words is not the passage while its place is still there.
  let held: [number, number] | null = null;
  for (const move of position ? new Set([0, ...moves]) : []) {
    held = placeHeld(text, quote, position!.start + move);
    if (!held) continue;
    const words = text.slice(held[0], held[1]);
    if (words === exact) return { start: held[0], end: held[1], method: 'quote' };
    if (words.trim() && similarity(exact, words) >= 1 - MAX_ERROR_RATE) return { start: held[0], end: held[1], method: 'fuzzy' };
    break;
  }

  // The stored context now closes over nothing: the passage was cut out. Any other place with
  // the same words is another passage (offered, not taken).
  const cutOut = contextClosed(text, quote);

  // 3. The same words elsewhere, taken only where they carry the passage's context.
  const expectedAt = position ? [...new Set([0, ...moves])].map((move) => position.start + move) : [];
  const expected = expectedAt[1] ?? expectedAt[0];
  const occurrences: { at: number; context: number }[] = [];
  for (let at = text.indexOf(exact); at !== -1 && occurrences.length < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    occurrences.push({ at, context: contextAt(text, at, at + exact.length, quote) });
  }
  if (occurrences.length) {
    occurrences.sort((a, b) => b.context - a.context || nearness(b.at, expected, text.length) - nearness(a.at, expected, text.length));
    const best = occurrences[0]!;
    const suggestion: Unplaced = { method: 'orphan', suggestion: { start: best.at, end: best.at + exact.length } };
    if (cutOut || held) return suggestion;
    const near = (at: number) => expectedAt.some((e) => Math.abs(at - e) <= FUZZY_REACH);
    const same = occurrences.filter(({ at }) => (near(at) ? nearPassage : samePassage)(text, at, at + exact.length, quote, exact.length));
    const chosen = same[0];
    // Another place with the words whose context is about as close (whether or not it passed):
    // which one the reader meant is not known.
    if (!chosen || occurrences.some((o) => o !== chosen && chosen.context - o.context < CLEAR_MARGIN)) return suggestion;
    return { start: chosen.at, end: chosen.at + exact.length, method: 'quote' };
  }

  // 4. Nearly the same words, anywhere: the article was edited inside the passage and moved.
  if (exact.length < MIN_FUZZY || cutOut || held) return { method: 'orphan', suggestion: null };
  const found = fuzzy(text, quote, position?.start, 0, text.length, false);
  if (found?.confident) return found.at;
  return { method: 'orphan', suggestion: found ? { start: found.at.start, end: found.at.end } : null };
}

/** Finds `quote` in `text` (see `locate`); null when it is an orphan. */
export function anchor(text: string, quote: TextQuoteSelector, position?: TextPositionSelector, moves: readonly number[] = []): Anchored | null {
  const found = locate(text, quote, position, moves);
  return found.method === 'orphan' ? null : found;
}

const WORD = /[\p{L}\p{N}]/u;
const isWord = (ch: string | undefined) => ch !== undefined && WORD.test(ch);

/**
 * [start, end) moved to word boundaries where the quote had them: a fuzzy match may begin or end
 * inside a word ("dow all thought" for "window all thought"). Of the two boundaries around a cut
 * word, the one whose text agrees better with the quote's own opening (or closing) is kept.
 */
function snapToWords(text: string, start: number, end: number, quote: TextQuoteSelector): [number, number] {
  const { exact, prefix, suffix } = quote;
  const k = Math.min(exact.length, 12);
  let s = start;
  let e = end;
  if (!/^\s/.test(exact)) while (s < e && /\s/.test(text[s]!)) s++;
  if (!/\s$/.test(exact)) while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (!(isWord(prefix.at(-1)) && isWord(exact[0])) && isWord(text[s - 1]) && isWord(text[s])) {
    let left = s;
    while (left > 0 && isWord(text[left - 1])) left--;
    let right = s;
    while (right < e && isWord(text[right])) right++;
    while (right < e && !isWord(text[right])) right++;
    const opening = exact.slice(0, k);
    s = right < e && similarity(opening, text.slice(right, right + k)) > similarity(opening, text.slice(left, left + k)) ? right : left;
  }
  if (!(isWord(exact.at(-1)) && isWord(suffix[0])) && isWord(text[e - 1]) && isWord(text[e])) {
    let right = e;
    while (right < text.length && isWord(text[right])) right++;
    let left = e;
    while (left > s && isWord(text[left - 1])) left--;
    while (left > s && !isWord(text[left - 1])) left--;
    const closing = exact.slice(-k);
    e = left > s && similarity(closing, text.slice(Math.max(0, left - k), left)) > similarity(closing, text.slice(Math.max(0, right - k), right)) ? left : right;
  }
  return e > s ? [s, e] : [start, end];
}

/**
 * The best fuzzy match of the quote within text[from, to) (snapped to words), and whether it is
 * confidently the passage: it carries the passage's context (see `samePassage`, its own context
 * counting only when it agrees) and no other place comes close.
 */
function fuzzy(text: string, quote: TextQuoteSelector, expected: number | undefined, from: number, to: number, near: boolean): { at: Anchored; confident: boolean } | null {
  const { exact } = quote;
  from = Math.max(0, from);
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  // The search answers only the closest matches: an exact copy in the stretch (a caption beside
  // the passage) would hide the edited passage itself. Copies are blanked (same length, so offsets
  // hold); step 3 judges them on their own.
  const stretch = from === 0 && to >= text.length ? text : text.slice(from, to);
  const matches = search(stretch.includes(exact) ? stretch.split(exact).join('\0'.repeat(exact.length)) : stretch, exact, maxErrors).map((match) => ({
    ...match,
    start: match.start + from,
    end: match.end + from,
  }));
  let best: { start: number; end: number; score: number; context: number; quality: number } | null = null;
  let runnerUpScore = -Infinity;
  // Fewest errors first: a match that could not beat the best (or come within reach of it as a
  // runner-up) even with a perfect context is not scored, which spares most context comparisons.
  for (const match of matches.sort((a, b) => a.errors - b.errors)) {
    const quality = 1 - match.errors / exact.length;
    const near = 0.5 * nearness(match.start, expected, text.length);
    const overlapsBest = best !== null && match.start < best.end && match.end > best.start;
    if (best && 2 * quality + 1 + near <= (overlapsBest ? best.score : Math.max(runnerUpScore, best.score - 0.2))) continue;
    const context = contextAt(text, match.start, match.end, quote);
    const score = 2 * quality + context + near;
    // Overlapping matches of one place are one candidate: keep the best of them.
    if (best && overlapsBest) {
      if (score > best.score) best = { start: match.start, end: match.end, score, context, quality };
      continue;
    }
    if (!best || score > best.score) {
      if (best) runnerUpScore = Math.max(runnerUpScore, best.score);
      best = { start: match.start, end: match.end, score, context, quality };
    } else runnerUpScore = Math.max(runnerUpScore, score);
  }
  if (!best) return null;
  const [start, end] = snapToWords(text, best.start, best.end, quote);
  const context = contextAt(text, start, end, quote);
  // Changed words are no evidence: only the share of the quote that matched counts.
  const confident =
    best.score - runnerUpScore >= 0.2 &&
    (exact.length >= DISTINCTIVE || context >= SHORT_CONTEXT) &&
    (near ? nearPassage : samePassage)(text, start, end, quote, Math.floor(exact.length * best.quality));
  return { at: { start, end, method: text.slice(start, end) === exact ? 'quote' : 'fuzzy' }, confident };
}
