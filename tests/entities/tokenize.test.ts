import { describe, expect, it } from 'vitest';
import { CAP, UPPER, tokenize, wordAt, type Tokens } from '@/utils/entities/tokenize';

/** The capitalized words as a test of every word's flags finds them. */
const capitalizedByFlags = (tokens: Tokens) => Array.from({ length: tokens.count }, (_, i) => i).filter((i) => ((tokens.flags[i] as number) & (CAP | UPPER)) !== 0);

describe('entities/tokenize', () => {
  it('lists the capitalized words and those in capitals, in text order', () => {
    const tokens = tokenize('The KCNA said 3M and Élysée met the U.S. envoy in Seoul, not the un.');
    expect(Array.from(tokens.capitals, (i) => wordAt(tokens, i))).toEqual(['the', 'kcna', '3m', 'élysée', 'u.s.', 'seoul']);
    expect(Array.from(tokens.capitals)).toEqual(capitalizedByFlags(tokens));
  });

  it('lists them over buffers grown for a long text, then reused for a short one', () => {
    const long = tokenize(Array.from({ length: 3000 }, (_, k) => (k % 3 ? 'word' : 'Name')).join(' '), { reuseBuffers: true });
    expect(long.capitals).toHaveLength(1000);
    expect(Array.from(long.capitals)).toEqual(capitalizedByFlags(long));
    const short = tokenize('a Bee sees the Sea', { reuseBuffers: true });
    expect(Array.from(short.capitals)).toEqual([1, 4]);
  });
});
