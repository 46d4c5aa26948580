import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleNotes } from '@/components/popup/ArticleNotes';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { describeText } from '@/utils/anchoring/selectors';
import { DEFAULT_COLOR_NAMES } from '@/utils/settings/color-names';
import { textHash } from '@/utils/text/hash';
import { NoteWriteError, type NoteActions } from '@/components/popup/note-actions';
import type { AnnotationEdit } from '@/utils/db/annotations-repo';
import { click, settle, typeInto } from '../../support/ui';

const TEXT = 'Kim Jong Un visited Songchon County on Feb. 28. He spoke of the 20×10 policy.';

function note(quote: string, id: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  const start = TEXT.indexOf(quote);
  return { id, articleId: 'https://a.example/', ...describeText(TEXT, start, start + quote.length), color: 'pink', note: `note ${id}`, tags: ['<b>tag</b>'], createdAt: 1, updatedAt: 1, textHash: textHash(TEXT), rev: 1, ...extra };
}

describe('components/popup/ArticleNotes', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  const ids = (selector: string) => [...root.querySelectorAll(`${selector} .note-item`)].map((li) => li.getAttribute('data-id'));

  it('lists the highlights in page order, orphans apart with their quote, and marks a changed article', () => {
    const late = note('20×10 policy', 'late');
    const early = note('Kim Jong Un', 'early', { textHash: 'before-the-edit' });
    const lost = { ...note('Feb. 28', 'lost'), quote: { type: 'TextQuoteSelector' as const, exact: 'a removed sentence', prefix: '', suffix: '' } };
    render(<ArticleNotes annotations={[late, lost, early]} text={TEXT} colorNames={DEFAULT_COLOR_NAMES} />, root);
    expect(ids('[data-testid="popup-notes"]')).toEqual(['early', 'late']);
    expect(ids('[data-testid="popup-orphans"]')).toEqual(['lost']);
    expect(root.querySelector('[data-id="early"] .note-badge')?.textContent).toBe('article changed');
    expect(root.querySelector('[data-id="lost"] .note-quote')?.textContent).toBe('a removed sentence');
    expect(root.querySelector('[data-id="late"] .note-head')?.textContent).toContain('claim');
    expect(root.querySelector('.note-tags li')?.textContent).toBe('<b>tag</b>');
    expect(root.querySelector('b')).toBeNull();
  });

  it('calls nothing an orphan while the page text is unknown, and invites a first highlight when there is none', () => {
    render(<ArticleNotes annotations={[note('Kim Jong Un', 'a')]} text={null} colorNames={DEFAULT_COLOR_NAMES} />, root);
    expect(ids('[data-testid="popup-notes"]')).toEqual(['a']);
    expect(root.querySelector('[data-testid="popup-orphans"]')).toBeNull();
    render(<ArticleNotes annotations={[]} text={TEXT} colorNames={DEFAULT_COLOR_NAMES} />, root);
    expect(root.textContent).toContain('No highlights yet');
  });

  it('shows both versions when an edit was refused as stale, and saves the merge on the stored revision', async () => {
    const base = note('Kim Jong Un', 'a', { note: 'base', tags: [] });
    const stored = { ...base, note: 'from another tab', rev: 2 };
    const sent: AnnotationEdit[] = [];
    const actions: NoteActions = {
      update: async (_id, edit) => {
        sent.push(edit);
        if (edit.baseRev !== stored.rev) throw new NoteWriteError({ code: 'conflict', message: 'changed elsewhere', current: stored });
        return { ...stored, ...edit, rev: 3 } as AnnotationRecord;
      },
      remove: async () => base,
      restore: async () => base,
    };
    render(<ArticleNotes annotations={[base]} text={TEXT} colorNames={DEFAULT_COLOR_NAMES} actions={actions} />, root);
    click(root, '[data-testid="popup-edit"]');
    await settle();
    await typeInto(root.querySelector('[data-testid="tag-input"]'), 'mine');
    click(root, '[data-testid="save"]');
    await settle();
    await settle();
    expect(root.querySelector('[data-testid="conflict-theirs"]')?.textContent).toBe('from another tab');
    expect(root.querySelector('[data-testid="conflict-mine"]')?.textContent).toBe('base');
    expect((root.querySelector('[data-testid="note-input"]') as HTMLTextAreaElement).value).toBe('from another tab');
    click(root, '[data-testid="save"]');
    await settle();
    await settle();
    expect(sent.map((edit) => [edit.baseRev, edit.note, edit.tags])).toEqual([
      [1, 'base', ['mine']],
      [2, 'from another tab', ['mine']],
    ]);
    expect(root.querySelector('[data-testid="conflict"]')).toBeNull();
  });
});
