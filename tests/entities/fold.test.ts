/**
 * The recognizer folds words one by one (tokenize.ts) on the strength of what these tests check
 * over every character: folding a slice is folding the text and slicing it, and folding moves
 * no word boundary.
 */
import { describe, expect, it } from 'vitest';
import { fold, foldsByContext } from '@/utils/entities/fold';
import { foldedSlice, tokenize } from '@/utils/entities/tokenize';

/** Every character outside the surrogates, each between capitals and lower-case letters. */
function everyCharacter(): string {
  const pieces: string[] = [];
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCharCode(code);
    pieces.push(`A${char}a ${char}B.${char} `);
  }
  return pieces.join('');
}

describe('entities/fold', () => {
  const text = everyCharacter().replace(/[\u03a3\u0130]/g, '');

  it('folds a slice as the same slice of the text folded, but for the characters that fold by context', () => {
    expect(foldsByContext(text)).toBe(false);
    const tokens = tokenize(text);
    const whole = fold(text);
    for (let from = 0; from < text.length; from += 997) expect(foldedSlice(tokens, from, from + 1500)).toBe(whole.slice(from, from + 1500));
    expect(foldsByContext('ΟΔΥΣΣΕΥΣ')).toBe(true);
    expect(foldsByContext('İstanbul')).toBe(true);
  });

  it('finds the same words in a text and in the text folded', () => {
    const tokens = tokenize(text);
    const folded = tokenize(fold(text));
    expect(folded.count).toBe(tokens.count);
    expect(folded.start.subarray(0, folded.count)).toEqual(tokens.start.subarray(0, tokens.count));
    expect(folded.end.subarray(0, folded.count)).toEqual(tokens.end.subarray(0, tokens.count));
  });
});
