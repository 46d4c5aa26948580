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
      reattach: async () => base,
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

  describe('an orphan whose words are still on the page', () => {
    const QUOTE = 'seedlings failed after an unusually dry winter left the seedbeds of the northern provinces short of water';
    const BODY = `The ministry said ${QUOTE}. Officials promised aid.`;
    const CAPTION = `Nurseries in the north: ${QUOTE} (Photo: Test Desk)`;
    const BEFORE = ['Farmers in the region began planting early this year.', BODY, CAPTION, 'The next harvest is expected in autumn.'].join('\n');
    // The body's paragraph removed: the caption's copy is all that is left of the words.
    const AFTER = BEFORE.replace(`${BODY}\n`, '');
    const onBody = (): AnnotationRecord => {
      const start = BEFORE.indexOf(QUOTE);
      return { id: 'body', articleId: 'https://a.example/', ...describeText(BEFORE, start, start + QUOTE.length), color: 'yellow', note: 'mine', tags: [], createdAt: 1, updatedAt: 1, textHash: textHash(BEFORE), rev: 4 };
    };
    const recording = () => {
      const sent: { id: string; passage: Parameters<NoteActions['reattach']>[1] }[] = [];
      const actions: NoteActions = {
        update: async () => onBody(),
        reattach: async (id, passage) => (sent.push({ id, passage }), { ...onBody(), ...passage, rev: passage.baseRev + 1 }),
        remove: async () => onBody(),
        restore: async () => onBody(),
      };
      return { sent, actions };
    };

    it('is offered the copy, cut to its first 80 characters, and nothing is moved until the reader says so', async () => {
      const { sent, actions } = recording();
      render(<ArticleNotes annotations={[onBody()]} text={AFTER} colorNames={DEFAULT_COLOR_NAMES} actions={actions} />, root);
      expect(ids('[data-testid="popup-orphans"]')).toEqual(['body']);
      expect(ids('[data-testid="popup-notes"]')).toEqual([]);
      const offer = root.querySelector('[data-id="body"] [data-testid="popup-offer"]')?.textContent ?? '';
      expect(offer).toContain(`Still on the page: “${QUOTE.slice(0, 80).trimEnd()}…”`);
      expect(offer).toContain('Attach here');
      await settle();
      expect(sent).toEqual([]);
    });

    it('is attached to the copy on "Attach here": its selectors there, the fingerprint of the text now, based on the revision shown', async () => {
      const { sent, actions } = recording();
      render(<ArticleNotes annotations={[onBody()]} text={AFTER} colorNames={DEFAULT_COLOR_NAMES} actions={actions} />, root);
      click(root, '[data-id="body"] [data-testid="popup-attach"]');
      await settle();
      const at = AFTER.indexOf(QUOTE);
      expect(sent).toEqual([{ id: 'body', passage: { baseRev: 4, ...describeText(AFTER, at, at + QUOTE.length), textHash: textHash(AFTER) } }]);
      expect(sent[0]!.passage.quote.prefix).toContain('Nurseries in the north');
      // What was sent is a passage the anchoring places where the reader accepted it.
      render(<ArticleNotes annotations={[{ ...onBody(), ...sent[0]!.passage, rev: 5 }]} text={AFTER} colorNames={DEFAULT_COLOR_NAMES} actions={actions} />, root);
      expect(ids('[data-testid="popup-notes"]')).toEqual(['body']);
      expect(root.querySelector('[data-testid="popup-offer"]')).toBeNull();
    });

    it('offers nothing for a placed highlight, an orphan whose words are gone, or without a way to write', () => {
      const gone = { ...note('Feb. 28', 'gone'), quote: { type: 'TextQuoteSelector' as const, exact: 'a sentence the page no longer has anywhere at all', prefix: '', suffix: '' } };
      const { actions } = recording();
      render(<ArticleNotes annotations={[onBody(), gone]} text={BEFORE} colorNames={DEFAULT_COLOR_NAMES} actions={actions} />, root);
      expect(ids('[data-testid="popup-notes"]')).toEqual(['body']);
      expect(ids('[data-testid="popup-orphans"]')).toEqual(['gone']);
      expect(root.querySelector('[data-testid="popup-offer"]')).toBeNull();
      render(<ArticleNotes annotations={[onBody()]} text={AFTER} colorNames={DEFAULT_COLOR_NAMES} />, root);
      expect(root.querySelector('[data-testid="popup-offer"]')).not.toBeNull();
      expect(root.querySelector('[data-testid="popup-attach"]')).toBeNull();
    });

    it('shows why when the attach is refused, and keeps the orphan', async () => {
      const actions: NoteActions = {
        ...recording().actions,
        reattach: async () => {
          throw new NoteWriteError({ code: 'conflict', message: 'This highlight was changed elsewhere while you edited it' });
        },
      };
      render(<ArticleNotes annotations={[onBody()]} text={AFTER} colorNames={DEFAULT_COLOR_NAMES} actions={actions} />, root);
      click(root, '[data-testid="popup-attach"]');
      await settle();
      await settle();
      expect(root.querySelector('.notes-status')?.textContent).toContain('changed elsewhere');
      expect(ids('[data-testid="popup-orphans"]')).toEqual(['body']);
    });
  });
});
