/**
 * Finds a stored passage in the article's current text. In order: the stored position, if the
 * quote is still there and its context agrees; an exact occurrence of the quote, chosen by its
 * context; a bounded fuzzy match (Myers' algorithm, approx-string-match) scored by quote,
 * context and position. What none of them finds with confidence is an orphan (null): a passage
 * is never attached to the wrong text. Short quotes need their context to agree, because the
 * same few words recur.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';
import { similarity } from './similarity';

export interface Anchored {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

/** A quote at least this long is distinctive by itself. */
const DISTINCTIVE = 24;
/** Shorter quotes are not matched fuzzily. */
const MIN_FUZZY = 16;
/** The fuzzy match may differ from the quote by this share of its length, at most. */
const MAX_ERROR_RATE = 0.2;
/** How much context a short quote needs to be trusted anywhere; a distinctive one elsewhere. */
const SHORT_CONTEXT = 0.75;
const DISTINCTIVE_CONTEXT = 0.3;
/** Context characters each side a short quote needs to be placed by its neighbours' move. */
const MIN_CONTEXT = 8;
/** How far around its expected place a fuzzy match is looked for first. */
const FUZZY_REACH = 256;
/** Exact occurrences examined at most (a very common quote is decided by context alone). */
const MAX_OCCURRENCES = 2000;

/** How well the text around [start, end) agrees with the stored context (0 … 1). */
function contextAt(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  const side = (stored: string, found: string) => (stored.length === 0 && found.length === 0 ? 1 : stored.length === 0 ? 0.5 : similarity(stored, found));
  return (side(quote.prefix, before) + side(quote.suffix, after)) / 2;
}

/** True when the text holds the quote's prefix and suffix side by side (one space at most between). */
function contextClosed(text: string, quote: TextQuoteSelector): boolean {
  if (quote.prefix.trim().length < 8 || quote.suffix.trim().length < 8) return false;
  const joined = `${quote.prefix.trimEnd()} ${quote.suffix.trimStart()}`;
  return text.includes(quote.prefix + quote.suffix) || text.includes(joined) || text.includes(quote.prefix.trimEnd() + quote.suffix.trimStart());
}

/** 1 at the stored position, falling to 0 a whole text away. */
function nearness(start: number, position: TextPositionSelector | undefined, length: number): number {
  return position ? 1 - Math.min(1, Math.abs(start - position.start) / Math.max(1, length)) : 0;
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
 * Finds `quote` in `text`. `moves` are shifts that placed the passages before this one (text
 * inserted or removed above them): where the passage would be had it moved with them is tried
 * first, exactly and then fuzzily, before the whole text is searched.
 */
export function anchor(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
  moves: readonly number[] = [],
): Anchored | null {
  const { exact } = quote;
  if (!exact) return null;
  const distinctive = exact.length >= DISTINCTIVE;

  // 1. Where it was; else where its neighbours moved to, if its whole context moved with it.
  if (position && text.slice(position.start, position.end) === exact) {
    if (distinctive || contextAt(text, position.start, position.end, quote) >= SHORT_CONTEXT) {
      return { start: position.start, end: position.end, method: 'position' };
    }
  }
  if (position && (distinctive || quote.prefix.length + quote.suffix.length >= 2 * MIN_CONTEXT)) {
    for (const move of moves) {
      const start = position.start + move;
      if (wholeAt(text, start, quote)) return { start, end: start + exact.length, method: 'position' };
    }
  }

  // Nearly the same words where it should be (edited in place, or moved with its neighbours),
  // unless the context there now closes over nothing or the exact words are elsewhere. Bounded:
  // only that stretch is searched fuzzily, so a long article costs little more than a short one.
  if (position && exact.length >= MIN_FUZZY) {
    const reach = exact.length + FUZZY_REACH;
    for (const move of new Set([0, ...moves])) {
      const from = Math.max(0, position.start + move - reach);
      const to = position.end + move + reach;
      const found = fuzzy(text, quote, position, from, to);
      // An exact copy elsewhere is the passage moved (step 2 decides then), not this near one.
      if (found && !contextClosed(text.slice(from, to), quote) && !text.includes(exact)) return found;
    }
  }

  // The stored context now closes over nothing: the passage was cut out. Any other place with
  // the same words is another passage.
  if (contextClosed(text, quote)) return null;

  // 2. The same words elsewhere, chosen by context (then by nearness).
  const occurrences: number[] = [];
  for (let at = text.indexOf(exact); at !== -1 && occurrences.length < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    occurrences.push(at);
  }
  if (occurrences.length) {
    const scored = occurrences
      .map((at) => ({ at, context: contextAt(text, at, at + exact.length, quote) }))
      .sort((a, b) => b.context - a.context || nearness(b.at, position, text.length) - nearness(a.at, position, text.length));
    const best = scored[0]!;
    const runnerUp = scored[1];
    const clear = !runnerUp || best.context - runnerUp.context >= 0.15;
    const trusted = clear && best.context >= (distinctive ? DISTINCTIVE_CONTEXT : SHORT_CONTEXT);
    if (trusted) return { start: best.at, end: best.at + exact.length, method: 'quote' };
    // The words are still there but not in a place Gloss can vouch for: the passage itself is
    // gone or they recur. A fuzzy match would only find the same untrusted words again.
    return null;
  }

  // 3. Nearly the same words, anywhere: the article was edited inside the passage.
  return exact.length < MIN_FUZZY ? null : fuzzy(text, quote, position, 0, text.length);
}

/** The confident fuzzy match of the quote within text[from, to), or null. */
function fuzzy(text: string, quote: TextQuoteSelector, position: TextPositionSelector | undefined, from: number, to: number): Anchored | null {
  const { exact } = quote;
  const distinctive = exact.length >= DISTINCTIVE;
  from = Math.max(0, from);
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  const matches = search(from === 0 && to >= text.length ? text : text.slice(from, to), exact, maxErrors).map((match) => ({
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
    const near = 0.5 * nearness(match.start, position, text.length);
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
  const confident = distinctive
    ? best.context >= 0.5 || (best.quality >= 0.9 && exact.length >= 2 * DISTINCTIVE)
    : best.context >= SHORT_CONTEXT;
  if (!confident || best.score - runnerUpScore < 0.2) return null;
  return { start: best.start, end: best.end, method: 'fuzzy' };
}
