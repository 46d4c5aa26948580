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

export function anchor(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): Anchored | null {
  const { exact } = quote;
  if (!exact) return null;
  const distinctive = exact.length >= DISTINCTIVE;

  // 1. Where it was.
  if (position && text.slice(position.start, position.end) === exact) {
    if (distinctive || contextAt(text, position.start, position.end, quote) >= SHORT_CONTEXT) {
      return { start: position.start, end: position.end, method: 'position' };
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

  // 3. Nearly the same words: the article was edited inside the passage.
  if (exact.length < MIN_FUZZY) return null;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  const matches = search(text, exact, maxErrors);
  let best: { start: number; end: number; score: number; context: number; quality: number } | null = null;
  let runnerUpScore = -Infinity;
  for (const match of matches) {
    const quality = 1 - match.errors / exact.length;
    const context = contextAt(text, match.start, match.end, quote);
    const score = 2 * quality + context + 0.5 * nearness(match.start, position, text.length);
    // Overlapping matches of one place are one candidate: keep the best of them.
    if (best && match.start < best.end && match.end > best.start) {
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
