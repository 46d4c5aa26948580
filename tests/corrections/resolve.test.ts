import { describe, expect, it } from 'vitest';
import type { CorrectionRecord } from '@/utils/corrections/correction';
import { CorrectionRefused, MAX_CHAIN, MAX_GROUP, applyEdit, graphProblems, refuseMerge, resolver } from '@/utils/corrections/resolve';

const merged = (key: string, into: string): CorrectionRecord => ({ key, mergedInto: into, updatedAt: 1 });
const byKey = (records: CorrectionRecord[]) => new Map(records.map((r) => [r.key, r]));
const A = 'PERSON:Kim Jong-un';
const B = 'PERSON:Kim Jong Un';
const C = 'PERSON:Marshal Kim';

describe('corrections/resolve', () => {
  it('resolves a chain of merges to its root and gathers the root’s members, root first', () => {
    const r = resolver([merged(C, A), merged(A, B)]);
    expect([r.rootOf(A), r.rootOf(C), r.rootOf(B), r.rootOf('PLACE:Pyongyang')]).toEqual([B, B, B, 'PLACE:Pyongyang']);
    expect(r.membersOf(B)).toEqual([B, A, C]);
    expect(r.membersOf('PLACE:Pyongyang')).toEqual(['PLACE:Pyongyang']);
    expect([...r.groups.keys()]).toEqual([B]);
  });

  it('treats a looping record (only a damaged store holds one) as not merged, in bounded time', () => {
    const r = resolver([merged(A, B), merged(B, A)]);
    expect([r.rootOf(A), r.rootOf(B)]).toEqual([A, B]);
    const ring = Array.from({ length: 10_000 }, (_, i) => merged(`PERSON:k${i}`, `PERSON:k${(i + 1) % 10_000}`));
    const started = performance.now();
    expect(resolver(ring).rootOf('PERSON:k0')).toBe('PERSON:k0');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a merge that would make a loop, directly or through a chain, naming both', () => {
    expect(refuseMerge(byKey([merged(A, B)]), B, A)).toMatch(/“Kim Jong-un” is already shown as “Kim Jong Un”: merging “Kim Jong Un” into it would make a loop/);
    expect(refuseMerge(byKey([merged(A, B), merged(B, C)]), C, A)).toMatch(/would make a loop/);
    expect(refuseMerge(byKey([]), A, A)).toMatch(/cannot be merged into itself/);
    expect(refuseMerge(byKey([merged(A, B)]), A, C)).toMatch(/already merged into “Kim Jong Un”; split it out first/);
    expect(refuseMerge(byKey([merged(A, B)]), C, A)).toBeNull();
  });

  it(`refuses a chain longer than ${MAX_CHAIN} merges and a group of more than ${MAX_GROUP} keys`, () => {
    const chain = Array.from({ length: MAX_CHAIN }, (_, i) => merged(`PERSON:c${i}`, `PERSON:c${i + 1}`));
    expect(resolver(chain).rootOf('PERSON:c0')).toBe(`PERSON:c${MAX_CHAIN}`);
    expect(refuseMerge(byKey(chain), 'PERSON:x', 'PERSON:c0')).toMatch(/chain of more than 16 merges; merge into “c16” instead/);
    expect(refuseMerge(byKey(chain), `PERSON:c${MAX_CHAIN}`, 'PERSON:top')).toMatch(/chain of more than/);
    const group = Array.from({ length: MAX_GROUP - 1 }, (_, i) => merged(`PERSON:g${i}`, B));
    expect(refuseMerge(byKey(group), A, B)).toMatch(/more than 50 keys as one/);
    expect(refuseMerge(byKey(group.slice(1)), A, B)).toBeNull();
  });

  it('merges, splits back out (the key’s own members going with it), renames and hides the key shown', () => {
    let records = byKey([merged(C, A)]);
    const apply = (edit: Parameters<typeof applyEdit>[1]) => {
      const { changed, removed } = applyEdit(records, edit, 5);
      records = new Map(records);
      for (const r of changed) records.set(r.key, r);
      for (const key of removed) records.delete(key);
      return { changed, removed };
    };
    expect(apply({ kind: 'merge', key: A, into: B })).toEqual({ changed: [{ key: A, mergedInto: B, updatedAt: 5 }], removed: [] });
    expect(resolver(records.values()).membersOf(B)).toEqual([B, A, C]);
    // A rename named by a member acts on the root.
    expect(apply({ kind: 'rename', key: C, name: 'Kim Jong Un (leader)' }).changed).toEqual([{ key: B, name: 'Kim Jong Un (leader)', updatedAt: 5 }]);
    expect(apply({ kind: 'hide', key: A, hidden: true }).changed).toEqual([{ key: B, name: 'Kim Jong Un (leader)', hidden: true, updatedAt: 5 }]);
    expect(resolver(records.values()).isHidden(B)).toBe(true);
    expect(apply({ kind: 'split', key: A })).toEqual({ changed: [], removed: [A] });
    const r = resolver(records.values());
    expect([r.rootOf(A), r.rootOf(C), r.membersOf(B)]).toEqual([A, A, [B]]);
    expect(() => apply({ kind: 'split', key: A })).toThrow(new CorrectionRefused('“Kim Jong-un” is not merged into another key.'));
    // A name taken back and a key shown again leave no empty record.
    apply({ kind: 'hide', key: B, hidden: false });
    expect(apply({ kind: 'rename', key: B, name: null })).toEqual({ changed: [], removed: [B] });
  });

  it('names what is wrong with a set of records as a whole', () => {
    expect(graphProblems([merged(A, B), merged(B, A), merged(C, C)])).toEqual([
      { index: 0, message: 'its merges loop or chain more than 16 times' },
      { index: 1, message: 'its merges loop or chain more than 16 times' },
      { index: 2, message: 'is merged into itself' },
    ]);
    expect(graphProblems([merged(A, B), { key: A, updatedAt: 1 }])).toEqual([{ index: 1, message: `corrects ${A} a second time` }]);
    expect(graphProblems([merged(A, B), merged(C, B)])).toEqual([]);
  });
});
