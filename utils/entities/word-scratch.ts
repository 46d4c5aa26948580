/**
 * Zeroed arrays of one value per word, kept between calls. A call on a megabyte of text made
 * eight of them anew (~2.4 MB, a byte or an int per word: which words are taken, the type starting
 * at each, the order of the spans), each a large zeroed allocation (in Chromium, memory outside
 * the heap that hastens collections). Each caller has its own `slot`, whose array is valid until
 * that slot is asked for again: within one call of the recognizer. An array grows to the longest
 * text seen; the call that grows one runs its callers unoptimized for a while (their code was
 * made when growing had never happened), once per new longest text.
 */

/** The callers, one slot each (two calls that use arrays at once must not share one). */
export type WordSlot = 'taken' | 'resolved' | 'mentioned' | 'ruleOrgs' | 'typeCodes' | 'headlines' | 'typedAt' | 'order' | 'runs';

const bytes = new Map<WordSlot, Uint8Array>();
const ints = new Map<WordSlot, Int32Array>();

/** A zeroed byte per word: `length` of them. */
export function wordBytes(slot: WordSlot, length: number): Uint8Array {
  const kept = bytes.get(slot);
  if (kept && kept.length >= length) return kept.fill(0, 0, length).subarray(0, length);
  const made = new Uint8Array(length);
  bytes.set(slot, made);
  return made;
}

/** A zeroed int per word: `length` of them. */
export function wordInts(slot: WordSlot, length: number): Int32Array {
  const kept = ints.get(slot);
  if (kept && kept.length >= length) return kept.fill(0, 0, length).subarray(0, length);
  const made = new Int32Array(length);
  ints.set(slot, made);
  return made;
}
