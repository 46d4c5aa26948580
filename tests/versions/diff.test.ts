import { describe, expect, it } from 'vitest';
import {
  MAX_WORD_EDITS,
  countChanges,
  diffTexts,
  foldUnchanged,
  paragraphsOf,
  similarity,
  tokensOf,
  type ParagraphChange,
  type WordPiece,
} from '@/utils/versions/diff';

const P1 = 'The ministry announced the planting season would open two weeks early this year.';
const P2 = 'Officials said the change would affect nurseries in four provinces.';
const P3 = 'Satellite images reviewed by independent researchers show the planted area grew.';
const P4 = 'The campaign was first announced in a speech at the party plenum in March.';

/** Each piece of the word diffs, as `kind:text`. */
const pieces = (changes: ParagraphChange[]) =>
  changes.flatMap((change) => (change.kind === 'edited' ? (change.words ?? []).filter((w) => w.kind !== 'same').map((w) => `${w.kind}:${w.text}`) : []));

/** Every piece's text is the slice of its text at the offsets it gives. */
function expectOffsetsHold(oldText: string, newText: string, changes: ParagraphChange[]) {
  for (const change of changes) {
    if ('old' in change) expect(oldText.slice(change.old.start, change.old.start + change.old.text.length)).toBe(change.old.text);
    if ('new' in change) expect(newText.slice(change.new.start, change.new.start + change.new.text.length)).toBe(change.new.text);
    if (change.kind !== 'edited' || !change.words) continue;
    for (const piece of change.words as WordPiece[]) {
      if (piece.kind !== 'added') expect(oldText.slice(piece.oldStart, piece.oldStart + piece.text.length)).toBe(piece.text);
      if (piece.kind !== 'removed') expect(newText.slice(piece.newStart, piece.newStart + piece.text.length)).toBe(piece.text);
    }
  }
}

describe('versions/diff', () => {
  it('splits a text at its block boundaries, with offsets, and an empty text into no paragraph', () => {
    expect(paragraphsOf('')).toEqual([]);
    expect(paragraphsOf('ab\ncd')).toEqual([
      { text: 'ab', start: 0 },
      { text: 'cd', start: 3 },
    ]);
  });

  it('cuts a paragraph into tokens that join back into it, a word keeping its inner apostrophe and hyphen', () => {
    const text = 'Kim Jong-un’s speech, “on 3 May”, said U.S. aid—no.';
    expect(tokensOf(text).join('')).toBe(text);
    expect(tokensOf(text)).toContain('Jong-un’s');
    expect(tokensOf(text)).toContain('U.S');
    expect(tokensOf('')).toEqual([]);
  });

  it('finds one paragraph edited and one removed, and the words that changed in the edited one', () => {
    const before = [P1, P2, P3, P4].join('\n');
    const after = [P1, P2.replace('four provinces', 'six northern provinces'), P4].join('\n');
    const changes = diffTexts(before, after);
    expect(changes.map((c) => c.kind)).toEqual(['same', 'edited', 'removed', 'same']);
    expect(countChanges(changes)).toEqual({ edited: 1, removed: 1, added: 0 });
    expect(pieces(changes)).toEqual(['removed:four ', 'added:six northern ']);
    expect(changes[2]).toMatchObject({ kind: 'removed', old: { text: P3 } });
    expectOffsetsHold(before, after, changes);
  });

  it('tells an added paragraph from an edited one, and a rewritten paragraph is removed and added', () => {
    const rewritten = 'Nobody could say when the trees would be ready for the hills.';
    const changes = diffTexts([P1, P2].join('\n'), [P1, P4, rewritten].join('\n'));
    expect(countChanges(changes)).toEqual({ edited: 0, removed: 1, added: 2 });
    expect(similarity(P2, rewritten)).toBeLessThan(0.5);
  });

  it('keeps punctuation apart from the word before it', () => {
    const changes = diffTexts('He said no.', 'He said no!');
    expect(pieces(changes)).toEqual(['removed:.', 'added:!']);
    // Two shortest edit scripts exist here; either is right, as long as each text is rebuilt whole.
    const before = 'in North Hamgyong and Ryanggang provinces';
    const after = 'in North Hamgyong, Ryanggang and Jagang provinces';
    const [listed] = diffTexts(before, after);
    const words = listed?.kind === 'edited' ? (listed.words ?? []) : [];
    expect(words.filter((w) => w.kind !== 'added').map((w) => w.text).join('')).toBe(before);
    expect(words.filter((w) => w.kind !== 'removed').map((w) => w.text).join('')).toBe(after);
    expect(words.filter((w) => w.kind === 'added').map((w) => w.text).join('|')).toMatch(/,.*Jagang/);
  });

  it('reads changes with only spaces between them as one change', () => {
    expect(pieces(diffTexts('one two three four five', 'one TWO THREE four five'))).toEqual(['removed:two three', 'added:TWO THREE']);
  });

  it('says nothing changed between identical versions, and between two empty ones', () => {
    const text = [P1, P2, P3].join('\n');
    const same = diffTexts(text, text);
    expect(same.map((c) => c.kind)).toEqual(['same', 'same', 'same']);
    expect(countChanges(same)).toEqual({ edited: 0, removed: 0, added: 0 });
    expect(diffTexts('', '')).toEqual([]);
  });

  it('compares an empty version with a full one as every paragraph added, or removed', () => {
    const text = [P1, P2].join('\n');
    expect(countChanges(diffTexts('', text))).toEqual({ edited: 0, removed: 0, added: 2 });
    expect(countChanges(diffTexts(text, ''))).toEqual({ edited: 0, removed: 2, added: 0 });
  });

  it('refuses a text that is not a string with a clear error', () => {
    expect(() => diffTexts(null as unknown as string, 'a')).toThrow('A version’s text must be a string.');
    expect(() => diffTexts('a', { text: 'a' } as unknown as string)).toThrow(TypeError);
  });

  it('finds one word changed in a 200 KB paragraph, quickly, with exact offsets', () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `word${i % 997}`);
    const before = words.join(' ');
    expect(before.length).toBeGreaterThan(200_000);
    const after = before.replace('word500 word501', 'word500 CHANGED word501');
    const started = performance.now();
    const changes = diffTexts(`${P1}\n${before}`, `${P1}\n${after}`);
    const ms = performance.now() - started;
    expect(pieces(changes)).toEqual(['added:CHANGED ']);
    expectOffsetsHold(`${P1}\n${before}`, `${P1}\n${after}`, changes);
    expect(ms).toBeLessThan(5_000); // a guard, not the bench's figure
  });

  it('shows a 200 KB paragraph with too many edits replaced whole, in bounded time', () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `w${i}`);
    // Every 20th word changed: 1,500 edits, over the cap, and still half the words in common.
    const changed = words.map((w, i) => (i % 20 === 0 ? `x${i}` : w));
    const started = performance.now();
    const changes = diffTexts(words.join(' '), changed.join(' '));
    const ms = performance.now() - started;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'edited', words: null });
    expect(2 * 1500).toBeGreaterThan(MAX_WORD_EDITS);
    expect(ms).toBeLessThan(10_000);
  });

  it('does not compare two unrelated 200 KB paragraphs word by word', () => {
    const a = Array.from({ length: 30_000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 30_000 }, (_, i) => `b${i}`).join(' ');
    const changes = diffTexts(a, b);
    expect(changes.map((c) => c.kind)).toEqual(['removed', 'added']);
  });

  it('counts without comparing words when asked only for the paragraphs', () => {
    const changes = diffTexts(`${P1}\n${P2}`, `${P1}\n${P2} And more.`, { words: false });
    expect(changes[1]).toMatchObject({ kind: 'edited', words: null });
  });

  it('folds long unchanged runs, keeping one paragraph beside each change and those asked for', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph number ${i} of the story.`);
    const after = [...paragraphs];
    after[6] = 'Paragraph number 6 of the whole story.';
    const changes = diffTexts(paragraphs.join('\n'), after.join('\n'));
    const blocks = foldUnchanged(changes);
    expect(blocks.map((b) => (b.kind === 'folded' ? `fold ${b.from}+${b.changes.length}` : `${b.index}`))).toEqual(['fold 0+5', '5', '6', '7', 'fold 8+4']);
    const kept = foldUnchanged(changes, 1, new Set([1]));
    expect(kept.map((b) => (b.kind === 'folded' ? `fold ${b.from}+${b.changes.length}` : `${b.index}`))).toEqual(['0', '1', '2', 'fold 3+2', '5', '6', '7', 'fold 8+4']);
    // A run of one is shown, not folded.
    const short = diffTexts('a\nb\nc', 'a\nb\nd');
    expect(foldUnchanged(short).every((b) => b.kind === 'change')).toBe(true);
  });
});
