/**
 * What changed between two versions of an article, on their text model strings (utils/text/):
 * first by paragraph (the text split at its "\n" block boundaries), then word by word inside each
 * paragraph that was edited. Every piece keeps its offsets in the text it comes from, so the
 * reader's annotations, anchored in either text, can be told apart as touched or not (flags.ts).
 *
 * The comparison itself is jsdiff's `diffArrays` (Myers' O(ND) algorithm) on sequences made here:
 * paragraphs, then tokens (a word, a run of spaces, or one other character). jsdiff's own
 * `diffWords` is not used: it drops whitespace from its tokens and gives pieces whose text is not
 * a slice of either input, which offsets cannot follow.
 *
 * Cost is bounded, whatever the texts:
 * - paragraphs: at most `MAX_PARAGRAPH_EDITS` paragraph edits are looked for (O((P + Q) · 2,000)
 *   for P and Q paragraphs); past that, every paragraph counts as changed and is paired in order;
 * - a removed paragraph is paired with an added one (an edit) only among the next
 *   `PAIR_WINDOW` added ones, by the share of words they have in common (≥ `EDITED_SIMILARITY`);
 *   each check is linear in the two paragraphs' words;
 * - words: at most `MAX_WORD_EDITS` word edits per paragraph pair (O((n + m) · 1,000) for n and
 *   m words); past that the paragraph is shown replaced whole (`words: null`).
 * Paragraphs that were not paired are never compared word by word, so two unrelated 200 KB
 * paragraphs cost one similarity check.
 */
import { diffArrays } from 'diff';

/** Paragraph edits looked for, at most, between two texts. */
export const MAX_PARAGRAPH_EDITS = 2_000;
/** Word edits looked for, at most, inside one edited paragraph. */
export const MAX_WORD_EDITS = 1_000;
/** Added paragraphs a removed one may be paired with: those just after the last pairing. */
export const PAIR_WINDOW = 8;
/**
 * Share of words two paragraphs must have in common (Dice coefficient over their words) to count
 * as one paragraph edited rather than one removed and another added. At one half, a paragraph
 * with a sentence changed or added is edited; one rewritten in other words is replaced.
 */
export const EDITED_SIMILARITY = 0.5;

/** A paragraph of one of the texts: its text and where it starts in that text. */
export interface Paragraph {
  text: string;
  start: number;
}

/** A stretch of an edited paragraph: kept in both, removed from the old text, or added in the new. */
export type WordPiece =
  | { kind: 'same'; text: string; oldStart: number; newStart: number }
  | { kind: 'removed'; text: string; oldStart: number }
  | { kind: 'added'; text: string; newStart: number };

export type ParagraphChange =
  | { kind: 'same'; old: Paragraph; new: Paragraph }
  | { kind: 'removed'; old: Paragraph }
  | { kind: 'added'; new: Paragraph }
  /** `words` is null when the paragraph changed too much to compare word by word (shown replaced). */
  | { kind: 'edited'; old: Paragraph; new: Paragraph; words: WordPiece[] | null };

/** How many paragraphs changed, as the page panel and the popup say it. */
export interface ChangeCounts {
  edited: number;
  removed: number;
  added: number;
}

/** The paragraphs of a text model string with their offsets; none for an empty text. */
export function paragraphsOf(text: string): Paragraph[] {
  if (typeof text !== 'string') throw new TypeError('A version’s text must be a string.');
  const paragraphs: Paragraph[] = [];
  if (!text) return paragraphs;
  let start = 0;
  for (const part of text.split('\n')) {
    paragraphs.push({ text: part, start });
    start += part.length + 1;
  }
  return paragraphs;
}

/** A run of white space, a word (letters, marks, digits, joined by an inner apostrophe, hyphen or dot), or one other character. */
const TOKEN = /\s+|[\p{L}\p{M}\p{N}]+(?:['’.\-‐][\p{L}\p{M}\p{N}]+)*|[^\s]/gu;

/** A paragraph's tokens; joined, they are the paragraph. */
export function tokensOf(paragraph: string): string[] {
  return paragraph.match(TOKEN) ?? [];
}

/** How often each word occurs in a paragraph. */
type WordCounts = Map<string, number>;

function wordCounts(text: string): WordCounts {
  const counts: WordCounts = new Map();
  for (const word of text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

const total = (counts: WordCounts) => {
  let sum = 0;
  for (const n of counts.values()) sum += n;
  return sum;
};

/** Dice coefficient of two paragraphs' word counts: twice the words in common over all words. */
function overlap(a: WordCounts, b: WordCounts): number {
  const size = total(a) + total(b);
  if (!total(a) || !total(b)) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const [word, n] of small) common += Math.min(n, large.get(word) ?? 0);
  return (2 * common) / size;
}

/** Share of words two paragraphs have in common, 0 to 1 (Dice coefficient over word counts). */
export function similarity(a: string, b: string): number {
  return a === b ? 1 : overlap(wordCounts(a), wordCounts(b));
}

/**
 * The word-level changes between an edited paragraph's two texts; null past `MAX_WORD_EDITS`.
 * Changes separated only by white space kept in both are one change: "four provinces" to "six
 * northern regions" reads as one removal and one addition, not words interleaved with spaces.
 */
export function diffWordsOf(old: Paragraph, next: Paragraph): WordPiece[] | null {
  const changes = diffArrays(tokensOf(old.text), tokensOf(next.text), { maxEditLength: MAX_WORD_EDITS });
  if (!changes) return null;
  const pieces: WordPiece[] = [];
  let at = 0;
  let nextAt = 0;
  let run: { from: number; nextFrom: number } | null = null;
  const close = () => {
    if (!run) return;
    if (at > run.from) pieces.push({ kind: 'removed', text: old.text.slice(run.from, at), oldStart: old.start + run.from });
    if (nextAt > run.nextFrom) pieces.push({ kind: 'added', text: next.text.slice(run.nextFrom, nextAt), newStart: next.start + run.nextFrom });
    run = null;
  };
  changes.forEach((change, i) => {
    const length = change.value.reduce((sum, token) => sum + token.length, 0);
    const following = changes[i + 1];
    const gap = run && !change.added && !change.removed && (following?.added || following?.removed) && change.value.every((token) => !token.trim());
    if (change.added || change.removed || gap) {
      run ??= { from: at, nextFrom: nextAt };
      if (!change.added) at += length;
      if (!change.removed) nextAt += length;
      return;
    }
    close();
    pieces.push({ kind: 'same', text: old.text.slice(at, at + length), oldStart: old.start + at, newStart: next.start + nextAt });
    at += length;
    nextAt += length;
  });
  close();
  return pieces;
}

/**
 * The paragraph changes from `oldText` to `newText`, in reading order. `words` says whether
 * edited paragraphs are compared word by word (the reader page) or only counted (the panel).
 */
export function diffTexts(oldText: string, newText: string, { words = true }: { words?: boolean } = {}): ParagraphChange[] {
  const before = paragraphsOf(oldText);
  const after = paragraphsOf(newText);
  if (oldText === newText) return before.map((p) => ({ kind: 'same', old: p, new: p }));
  // Compared as numbers: one per distinct paragraph text.
  const ids = new Map<string, number>();
  const idOf = (p: Paragraph) => {
    let id = ids.get(p.text);
    if (id === undefined) ids.set(p.text, (id = ids.size));
    return id;
  };
  const changes = diffArrays(before.map(idOf), after.map(idOf), { maxEditLength: MAX_PARAGRAPH_EDITS }) ?? [
    { value: before.map(idOf), count: before.length, added: false, removed: true },
    { value: after.map(idOf), count: after.length, added: true, removed: false },
  ];
  const result: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  let removed: Paragraph[] = [];
  let added: Paragraph[] = [];
  const flush = () => {
    result.push(...pairHunk(removed, added, words));
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.removed) removed.push(...before.slice(i, (i += change.count)));
    else if (change.added) added.push(...after.slice(j, (j += change.count)));
    else {
      flush();
      for (let k = 0; k < change.count; k++) result.push({ kind: 'same', old: before[i++] as Paragraph, new: after[j++] as Paragraph });
    }
  }
  flush();
  return result;
}

/** A run of removed and added paragraphs, as edits (paired in order, by similarity), removals and additions. */
function pairHunk(removed: readonly Paragraph[], added: readonly Paragraph[], words: boolean): ParagraphChange[] {
  const out: ParagraphChange[] = [];
  // Each paragraph's words are counted once, however many pairings are tried.
  const counted: (WordCounts | undefined)[] = [];
  const countsOf = (k: number) => (counted[k] ??= wordCounts((added[k] as Paragraph).text));
  let next = 0;
  for (const old of removed) {
    let match = -1;
    const oldCounts = wordCounts(old.text);
    for (let k = next; k < Math.min(added.length, next + PAIR_WINDOW); k++) {
      if (overlap(oldCounts, countsOf(k)) >= EDITED_SIMILARITY) {
        match = k;
        break;
      }
    }
    if (match < 0) {
      out.push({ kind: 'removed', old });
      continue;
    }
    for (; next < match; next++) out.push({ kind: 'added', new: added[next] as Paragraph });
    const paired = added[next++] as Paragraph;
    out.push({ kind: 'edited', old, new: paired, words: words ? diffWordsOf(old, paired) : null });
  }
  for (; next < added.length; next++) out.push({ kind: 'added', new: added[next] as Paragraph });
  return out;
}

/** How many paragraphs were edited, removed and added. */
export function countChanges(changes: readonly ParagraphChange[]): ChangeCounts {
  const counts: ChangeCounts = { edited: 0, removed: 0, added: 0 };
  for (const change of changes) if (change.kind !== 'same') counts[change.kind]++;
  return counts;
}

/** What the reader page shows of the changes: each change, or a run of unchanged paragraphs folded. */
export type DiffBlock = { kind: 'change'; index: number; change: ParagraphChange } | { kind: 'folded'; from: number; changes: ParagraphChange[] };

/**
 * Folds every run of unchanged paragraphs longer than `2 · context + 1`, keeping `context`
 * paragraphs beside each change (and those in `keep`, by index, which stay shown).
 */
export function foldUnchanged(changes: readonly ParagraphChange[], context = 1, keep: ReadonlySet<number> = new Set()): DiffBlock[] {
  const shown = changes.map((change, index) => change.kind !== 'same' || keep.has(index));
  const near = shown.map((_, index) => {
    for (let d = -context; d <= context; d++) if (shown[index + d]) return true;
    return false;
  });
  const blocks: DiffBlock[] = [];
  let run: { from: number; changes: ParagraphChange[] } | null = null;
  const close = () => {
    if (!run) return;
    // A fold of one paragraph hides nothing worth a click: shown as it is.
    if (run.changes.length === 1) blocks.push({ kind: 'change', index: run.from, change: run.changes[0] as ParagraphChange });
    else blocks.push({ kind: 'folded', ...run });
    run = null;
  };
  changes.forEach((change, index) => {
    if (near[index]) {
      close();
      blocks.push({ kind: 'change', index, change });
    } else if (run) run.changes.push(change);
    else run = { from: index, changes: [change] };
  });
  close();
  return blocks;
}
