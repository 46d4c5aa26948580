import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WatchlistSettings } from '@/components/popup/settings/WatchlistSettings';
import type { GlossDb } from '@/utils/db/database';
import { createWatchlist, listWatchlists } from '@/utils/db/watchlists-repo';
import { freshDb } from '../../../support/fresh-db';
import { chooseFiles, click, container, settle, typeInto, unmount } from '../../../support/ui';

describe('components/popup/settings/WatchlistSettings', () => {
  let db: GlossDb;
  let root: HTMLElement;
  beforeEach(async (context) => {
    db = await freshDb(context, 'settings-watchlists');
    root = container();
  });
  afterEach(() => unmount(root));

  const item = (name: string) =>
    [...root.querySelectorAll<HTMLElement>('.watchlist')].find((el) => el.querySelector('.watchlist-name')?.textContent === name) ?? null;
  const summaries = () => [...root.querySelectorAll('.watchlist > summary')].map((summary) => summary.textContent);
  const byLabel = (scope: ParentNode, label: string) =>
    [...scope.querySelectorAll('label')].find((l) => l.textContent === label)?.control ?? null;
  const storedTerms = async () => (await listWatchlists(db))[0]?.terms;

  it('lists the watchlists with their term counts, from the database', async () => {
    await createWatchlist(db, { name: 'Sanctions', terms: [{ term: 'maximum pressure' }, { term: 'snapback' }] });
    await createWatchlist(db, { name: 'Aid', terms: [{ term: 'food aid' }] });
    render(<WatchlistSettings db={db} />, root);
    await vi.waitFor(() => expect(summaries()).toEqual(['Aid 1 term', 'Sanctions 2 terms']));
  });

  it('creates a watchlist by name and opens it, and refuses a nameless one', async () => {
    render(<WatchlistSettings db={db} />, root);
    await vi.waitFor(() => expect(root.textContent).toContain('No watchlists yet.'));
    const name = byLabel(root, 'New watchlist');
    click(root, '[data-action="create"]');
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('Give the new watchlist a name.'));
    await typeInto(name, ' Sanctions ');
    click(root, '[data-action="create"]');
    await vi.waitFor(() => expect(summaries()).toEqual(['Sanctions 0 terms']));
    // The live list may show the new list a render before the form hears its write succeeded.
    await vi.waitFor(() => expect(item('Sanctions')!.hasAttribute('open')).toBe(true));
    expect((name as HTMLInputElement).value).toBe('');
  });

  it('adds, edits and removes terms with aliases and a note', async () => {
    await createWatchlist(db, { name: 'Sanctions', terms: [] });
    render(<WatchlistSettings db={db} />, root);
    await vi.waitFor(() => expect(item('Sanctions')).not.toBeNull());
    const list = item('Sanctions')!;
    const add = list.querySelector<HTMLFormElement>('.watchlist-add .term-form')!;
    await typeInto(byLabel(add, 'Term'), ' snapback ');
    await typeInto(byLabel(add, 'Aliases (comma-separated)'), 'snap-back, snap back,');
    await typeInto(byLabel(add, 'Note (optional)'), 'UN sanctions return');
    click(add, 'button[type="submit"]');
    await vi.waitFor(async () => expect(await storedTerms()).toEqual([{ term: 'snapback', aliases: ['snap-back', 'snap back'], note: 'UN sanctions return' }]));
    await vi.waitFor(() => expect(list.querySelector('[data-term="snapback"]')?.textContent).toContain('also snap-back, snap back'));
    expect((byLabel(add, 'Term') as HTMLInputElement).value).toBe('');

    click(list, '[aria-label="Edit snapback"]');
    await vi.waitFor(() => expect(list.querySelector('.term-row.editing')).not.toBeNull());
    const edit = list.querySelector<HTMLElement>('.term-row.editing')!;
    await vi.waitFor(() => expect(document.activeElement).toBe(byLabel(edit, 'Term')));
    expect((byLabel(edit, 'Aliases (comma-separated)') as HTMLInputElement).value).toBe('snap-back, snap back');
    await typeInto(byLabel(edit, 'Term'), 'snapback mechanism');
    await typeInto(byLabel(edit, 'Note (optional)'), '');
    click(edit, 'button[type="submit"]');
    await vi.waitFor(async () => expect(await storedTerms()).toEqual([{ term: 'snapback mechanism', aliases: ['snap-back', 'snap back'] }]));
    await vi.waitFor(() => expect(list.querySelector('.term-row.editing')).toBeNull());
    expect(summaries()).toEqual(['Sanctions 1 term']);
    await vi.waitFor(() => expect(document.activeElement).toBe(list.querySelector('[aria-label="Edit snapback mechanism"]')));

    click(list, '[aria-label="Remove snapback mechanism"]');
    await vi.waitFor(async () => expect(await storedTerms()).toEqual([]));
    await vi.waitFor(() => expect(list.textContent).toContain('No terms yet.'));
    await vi.waitFor(() => expect(document.activeElement).toBe(byLabel(add, 'Term')));
  });

  it('shows the problems the watchlist check finds with an entry, and saves nothing', async () => {
    await createWatchlist(db, { name: 'Sanctions', terms: [{ term: 'snapback' }] });
    render(<WatchlistSettings db={db} />, root);
    await vi.waitFor(() => expect(item('Sanctions')).not.toBeNull());
    const add = item('Sanctions')!.querySelector<HTMLFormElement>('.watchlist-add .term-form')!;
    await typeInto(byLabel(add, 'Term'), '---');
    click(add, 'button[type="submit"]');
    await vi.waitFor(() => expect(add.querySelector('[role="alert"]')?.textContent).toBe('Entry 2 of "Sanctions": "---" has no words'));
    expect((byLabel(add, 'Term') as HTMLInputElement).value).toBe('---');
    expect(await storedTerms()).toEqual([{ term: 'snapback' }]);
  });

  it('renames a watchlist', async () => {
    await createWatchlist(db, { name: 'Sanctions', terms: [{ term: 'snapback' }] });
    render(<WatchlistSettings db={db} />, root);
    await vi.waitFor(() => expect(item('Sanctions')).not.toBeNull());
    await typeInto(byLabel(item('Sanctions')!, 'Name'), 'UN sanctions');
    click(item('Sanctions')!, '[data-action="rename"]');
    await vi.waitFor(() => expect(summaries()).toEqual(['UN sanctions 1 term']));
    expect((await listWatchlists(db))[0]).toMatchObject({ name: 'UN sanctions', terms: [{ term: 'snapback' }] });
  });

  it('deletes a watchlist only once the reader confirms, keyboard on the safe answer', async () => {
    await createWatchlist(db, { name: 'Sanctions', terms: [{ term: 'snapback' }] });
    render(<WatchlistSettings db={db} />, root);
    await vi.waitFor(() => expect(item('Sanctions')).not.toBeNull());
    const list = item('Sanctions')!;
    click(list, '[data-action="delete"]');
    await vi.waitFor(() => expect(list.querySelector('[role="alertdialog"]')?.textContent).toContain('Delete “Sanctions” and its 1 term?'));
    expect(document.activeElement).toBe(list.querySelector('[data-action="cancel-delete"]'));
    click(list, '[data-action="cancel-delete"]');
    await vi.waitFor(() => expect(document.activeElement).toBe(list.querySelector('[data-action="delete"]')));
    expect(await db.watchlists.count()).toBe(1);
    click(list, '[data-action="delete"]');
    await settle();
    click(list, '[data-action="confirm-delete"]');
    await vi.waitFor(() => expect(root.textContent).toContain('No watchlists yet.'));
    expect(await db.watchlists.count()).toBe(0);
  });

  describe('import from a text file', () => {
    const picker = () => root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const textFile = (text: string, name = 'sanctions.txt') => new File([text], name, { type: 'text/plain' });

    it('previews the terms and problems, then saves them as a new watchlist', async () => {
      render(<WatchlistSettings db={db} />, root);
      await vi.waitFor(() => expect(root.textContent).toContain('No watchlists yet.'));
      expect(picker().labels?.[0]?.textContent).toBe('Import a list from a text file');
      chooseFiles(picker(), [textFile('# Sanctions\nmaximum pressure\nsnapback | snap-back\n | stray\nKorea, Republic of; ROK\n')]);
      await vi.waitFor(() => expect(root.querySelector('[data-testid="import-preview"]')).not.toBeNull());
      const preview = root.querySelector<HTMLElement>('[data-testid="import-preview"]')!;
      expect(preview.textContent).toContain('3 terms ready to import from sanctions.txt; 1 line will be left out:');
      expect(preview.querySelector('.import-problems')?.textContent).toBe('Line 4 has no term before its aliases');
      expect(await db.watchlists.count()).toBe(0);
      expect((byLabel(preview, 'Name of the new watchlist') as HTMLInputElement).value).toBe('sanctions');
      await typeInto(byLabel(preview, 'Name of the new watchlist'), 'Sanctions (wire)');
      click(preview, '[data-action="import"]');
      await vi.waitFor(() => expect(root.querySelector('[data-testid="import-done"]')?.textContent).toBe('Imported 3 terms into “Sanctions (wire)”.'));
      expect((await listWatchlists(db))[0]).toMatchObject({
        name: 'Sanctions (wire)',
        terms: [{ term: 'maximum pressure' }, { term: 'snapback', aliases: ['snap-back'] }, { term: 'Korea, Republic of', aliases: ['ROK'] }],
      });
      await vi.waitFor(() => expect(summaries()).toEqual(['Sanctions (wire) 3 terms']));
    });

    it('writes nothing when the reader cancels the preview', async () => {
      render(<WatchlistSettings db={db} />, root);
      chooseFiles(picker(), [textFile('snapback')]);
      await vi.waitFor(() => expect(root.querySelector('[data-testid="import-preview"]')).not.toBeNull());
      click(root, '[data-testid="import-preview"] .link-button');
      await vi.waitFor(() => expect(root.querySelector('[data-testid="import-preview"]')).toBeNull());
      expect(await db.watchlists.count()).toBe(0);
    });

    it('refuses a 10 MB file without reading it, and writes nothing', async () => {
      render(<WatchlistSettings db={db} />, root);
      const big = textFile('x'.repeat(10 * 1024 * 1024), 'huge.txt');
      const read = vi.spyOn(big, 'arrayBuffer');
      chooseFiles(picker(), [big]);
      await vi.waitFor(() =>
        expect(root.querySelector('[data-testid="import-error"]')?.textContent).toBe(
          'huge.txt is 10 MB; a watchlist file may be at most 5 MB. Nothing was imported.',
        ),
      );
      expect(read).not.toHaveBeenCalled();
      expect(await db.watchlists.count()).toBe(0);
    });

    it('refuses binary garbage with a clear message, and writes nothing', async () => {
      render(<WatchlistSettings db={db} />, root);
      const garbage = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x00])], 'photo.csv');
      chooseFiles(picker(), [garbage]);
      await vi.waitFor(() => expect(root.querySelector('[data-testid="import-error"]')?.textContent).toContain('photo.csv: This file is not text'));
      expect(root.querySelector('[data-testid="import-error"]')?.getAttribute('role')).toBe('alert');
      expect(root.querySelector('[data-testid="import-preview"]')).toBeNull();
      expect(await db.watchlists.count()).toBe(0);
    });

    it('offers no import for a file with no terms', async () => {
      render(<WatchlistSettings db={db} />, root);
      chooseFiles(picker(), [textFile('# nothing here yet\n\n')]);
      await vi.waitFor(() => expect(root.querySelector('[data-testid="import-preview"]')?.textContent).toContain('0 terms ready to import'));
      expect(root.querySelector<HTMLButtonElement>('[data-action="import"]')!.disabled).toBe(true);
    });
  });
});
