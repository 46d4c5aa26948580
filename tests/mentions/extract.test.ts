import { describe, expect, it } from 'vitest';
import type { EntitySpan } from '@/utils/entities/types';
import { MAX_KEYS, MAX_SNIPPETS, SNIPPET_SIDE, mentionKeys, mentionsOf, snippetAt } from '@/utils/mentions/extract';

/** Spans over every occurrence of each [written, type, key] in `text`. */
function spansIn(text: string, names: [string, EntitySpan['type'], string, string?][]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (const [written, type, key, list] of names) {
    for (let at = text.indexOf(written); at >= 0; at = text.indexOf(written, at + 1)) spans.push({ start: at, end: at + written.length, type, key, ...(list && { list }) });
  }
  return spans.sort((a, b) => a.start - b.start);
}

describe('mentions/extract', () => {
  const text = 'Kim Jong Un visited Songchon County. Later Kim Jong-un spoke of the 20×10 policy in Songchon County, and Kim Jong Un left on 3 May.';
  const spans = spansIn(text, [
    ['Kim Jong Un', 'PERSON', 'Kim Jong Un'],
    ['Kim Jong-un', 'PERSON', 'Kim Jong Un'],
    ['Songchon County', 'PLACE', 'Songchon County'],
    ['20×10 policy', 'TERM', 'Regional Development 20×10 Policy', 'dprk-policy'],
    ['3 May', 'DATE', '3 May'],
  ]);

  it('gives one entry per key with its spellings (most frequent first), count and first passages', () => {
    const found = mentionsOf(text, spans);
    expect(found.map((m) => [m.key, m.count])).toEqual([
      ['PERSON:Kim Jong Un', 3],
      ['PLACE:Songchon County', 2],
      ['TERM:Regional Development 20×10 Policy', 1],
    ]);
    expect(found[0]).toMatchObject({ type: 'PERSON', name: 'Kim Jong Un', spellings: ['Kim Jong Un', 'Kim Jong-un'] });
    expect(found[0]!.snippets[1]).toEqual(['Kim Jong Un visited Songchon County. Later ', 'Kim Jong-un', ' spoke of the 20×10 policy in Songchon County, and Kim Jong']);
    expect(found[2]).toMatchObject({ list: 'dprk-policy' });
  });

  it('gives the same keys in the same order without the spellings and passages (mentionKeys), spans outside the text and past the cap left out alike', () => {
    expect(mentionKeys(text, spans)).toEqual(['PERSON:Kim Jong Un', 'PLACE:Songchon County', 'TERM:Regional Development 20×10 Policy']);
    const many: EntitySpan[] = [
      ...Array.from({ length: MAX_KEYS + 20 }, (_, i): EntitySpan => ({ start: 0, end: 3, type: 'ORG', key: `Org ${i}` })),
      ...Array.from({ length: 3 }, (): EntitySpan => ({ start: 4, end: 8, type: 'PERSON', key: 'Often' })),
      { start: 5, end: 500, type: 'PLACE', key: 'Outside' },
    ];
    expect(mentionKeys('abc defg', many)).toEqual(mentionsOf('abc defg', many).map((m) => m.key));
    expect(mentionKeys('abc defg', many)).toHaveLength(MAX_KEYS);
    expect(mentionKeys('abc defg', many)[0]).toBe('PERSON:Often');
  });

  it('leaves dates out', () => {
    expect(mentionsOf(text, spans).some((m) => m.type === 'DATE')).toBe(false);
  });

  it('cuts passages at whole words within the context allowed', () => {
    const long = `${'word '.repeat(40)}Pyongyang${' more'.repeat(40)}`;
    const at = long.indexOf('Pyongyang');
    const [before, mention, after] = snippetAt(long, at, at + 9);
    expect(mention).toBe('Pyongyang');
    expect(before.length).toBeLessThanOrEqual(SNIPPET_SIDE);
    expect(before.startsWith('word')).toBe(true);
    expect(after.endsWith('more')).toBe(true);
  });

  it('stays bounded on an article of 5,000 distinct names and on a key named 100,000 times', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `Name${i}`);
    const list = names.join(' ');
    const many = mentionsOf(list, names.map((name, i) => ({ start: list.indexOf(name + (i < 4999 ? ' ' : '')), end: list.indexOf(name + (i < 4999 ? ' ' : '')) + name.length, type: 'PERSON' as const, key: name })));
    expect(many).toHaveLength(MAX_KEYS);

    const repeated = 'Kim '.repeat(100_000);
    const one = mentionsOf(repeated, Array.from({ length: 100_000 }, (_, i) => ({ start: i * 4, end: i * 4 + 3, type: 'PERSON' as const, key: 'Kim' })));
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ count: 100_000, spellings: ['Kim'] });
    expect(one[0]!.snippets).toHaveLength(MAX_SNIPPETS);
  });

  it('ignores spans that fall outside the text or are empty', () => {
    expect(mentionsOf('short', [{ start: 2, end: 40, type: 'ORG', key: 'X' }, { start: 3, end: 3, type: 'ORG', key: 'Y' }])).toEqual([]);
  });
});
