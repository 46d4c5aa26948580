import { describe, expect, it } from 'vitest';
import { mergeDraft } from '@/components/common/merge-draft';

const base = { note: 'base note', tags: ['x'], color: 'yellow' };
const draft = (fields: Partial<{ note: string; tags: string[]; color: 'yellow' | 'green'; tagText: string }>) => ({
  note: base.note,
  tags: [...base.tags],
  color: 'yellow' as const,
  tagText: '',
  ...fields,
});

describe('components/common/merge-draft', () => {
  it("keeps the other side's note and the reader's new tag when each changed one field", () => {
    const theirs = { ...base, note: 'tab A text' };
    const { draft: merged, conflict } = mergeDraft(base, draft({ tagText: 'b' }), theirs);
    expect(merged).toEqual({ note: 'tab A text', tags: ['x', 'b'], color: 'yellow', tagText: '' });
    expect(conflict).toEqual({ theirs: { note: 'tab A text', tags: ['x'] }, mine: { note: 'base note', tags: ['x', 'b'] }, noteClash: false });
  });

  it("keeps the reader's words when both changed the note, and says so", () => {
    const { draft: merged, conflict } = mergeDraft(base, draft({ note: 'mine' }), { ...base, note: 'theirs' });
    expect(merged.note).toBe('mine');
    expect(conflict.noteClash).toBe(true);
    expect(conflict.theirs.note).toBe('theirs');
  });

  it('applies the tags the reader removed and added to the stored ones, ignoring case', () => {
    const theirs = { ...base, tags: ['x', 'Added-There'] };
    const { draft: merged } = mergeDraft({ ...base, tags: ['x', 'y'] }, draft({ tags: ['added-there', 'new'] }), { ...theirs, tags: ['x', 'y', 'Added-There'] });
    expect(merged.tags).toEqual(['Added-There', 'new']);
  });

  it('takes the color the other side chose unless the reader chose one', () => {
    expect(mergeDraft(base, draft({}), { ...base, color: 'blue' }).draft.color).toBe('blue');
    expect(mergeDraft(base, draft({ color: 'green' }), { ...base, color: 'blue' }).draft.color).toBe('green');
  });
});
