import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { correctionEditSchema, correctionSchema } from '@/utils/corrections/correction';

describe('corrections/correction', () => {
  it('reads an edit with its name trimmed, and refuses a malformed one saying what is wrong', () => {
    expect(v.parse(correctionEditSchema, { kind: 'rename', key: 'PERSON:Kim Jong Un', name: '  Marshal  ' })).toEqual({ kind: 'rename', key: 'PERSON:Kim Jong Un', name: 'Marshal' });
    const refused = (value: unknown) => {
      const parsed = v.safeParse(correctionEditSchema, value);
      return parsed.success ? null : v.summarize(parsed.issues);
    };
    expect(refused({ kind: 'rename', key: 'PERSON:Kim Jong Un', name: '   ' })).toMatch(/the name is empty/);
    expect(refused({ kind: 'merge', key: 'Kim Jong Un', into: 'PERSON:Kim' })).toMatch(/a key is 'TYPE:name'/);
    expect(refused({ kind: 'explode', key: 'PERSON:Kim' })).not.toBeNull();
    expect(refused({ kind: 'hide', key: 'PERSON:Kim', hidden: true, extra: 1 })).not.toBeNull();
  });

  it('keeps a record of only the fields it knows', () => {
    expect(v.is(correctionSchema, { key: 'ORG:Cabinet', hidden: true, updatedAt: 1 })).toBe(true);
    expect(v.is(correctionSchema, { key: 'ORG:Cabinet', hidden: false, updatedAt: 1 })).toBe(false);
    expect(v.is(correctionSchema, { key: 'ORG:Cabinet', mergedInto: 'Cabinet', updatedAt: 1 })).toBe(false);
  });
});
