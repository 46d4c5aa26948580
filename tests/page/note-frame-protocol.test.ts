import { describe, expect, it } from 'vitest';
import { isDraft, isFormEvent, isFormState } from '@/utils/page/note-frame-protocol';
import { DEFAULT_COLOR_NAMES } from '@/utils/settings/color-names';

describe('page/note-frame-protocol', () => {
  const draft = { color: 'yellow', note: 'n', tags: ['a'], tagText: '' };

  it('takes the frame’s events only in their declared shapes', () => {
    expect(isFormEvent({ kind: 'draft', draft })).toBe(true);
    expect(isFormEvent({ kind: 'save' })).toBe(true);
    expect(isFormEvent({ kind: 'height', px: 320 })).toBe(true);
    expect(isFormEvent({ kind: 'height', px: Infinity })).toBe(false);
    expect(isFormEvent({ kind: 'draft', draft: { ...draft, tags: [1] } })).toBe(false);
    expect(isFormEvent({ kind: 'draft', draft: { ...draft, note: undefined } })).toBe(false);
    expect(isFormEvent({ kind: 'run', code: 'alert(1)' })).toBe(false);
    expect(isFormEvent('save')).toBe(false);
    expect(isFormEvent(null)).toBe(false);
  });

  it('takes the editor’s state only whole', () => {
    const state = { kind: 'state', draft, colorNames: DEFAULT_COLOR_NAMES, suggestions: [], focus: 'note', busy: false, error: null, canDelete: false };
    expect(isFormState(state)).toBe(true);
    expect(isFormState({ ...state, draft: null })).toBe(false);
    expect(isFormState({ ...state, kind: 'draft' })).toBe(false);
    expect(isDraft({ ...draft, tagText: 3 })).toBe(false);
  });
});
