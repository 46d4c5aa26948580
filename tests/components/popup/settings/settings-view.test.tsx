import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsView } from '@/components/popup/settings/SettingsView';
import type { GlossDb } from '@/utils/db/database';
import { createWatchlist } from '@/utils/db/watchlists-repo';
import { readColorNames } from '@/utils/settings/color-names';
import { updateSettings } from '@/utils/settings/settings';
import { freshDb } from '../../../support/fresh-db';
import { commit, container, unmount } from '../../../support/ui';

const storage = { estimate: async () => ({ usage: 2048, quota: 1024 ** 3 }), persisted: async () => true } as unknown as StorageManager;

/** The name a screen reader gives `control`, as far as the popup's markup goes. */
function accessibleName(control: HTMLElement): string {
  const labelled = control.getAttribute('aria-labelledby');
  if (labelled) return labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
  const label = control.getAttribute('aria-label');
  if (label) return label;
  const labels = (control as HTMLInputElement).labels;
  if (labels?.length) return [...labels].map((l) => l.textContent).join(' ').trim();
  return control.tagName === 'BUTTON' || control.tagName === 'SUMMARY' ? (control.textContent ?? '').trim() : '';
}

describe('components/popup/settings/SettingsView', () => {
  let db: GlossDb;
  let root: HTMLElement;
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'settings-view');
    root = container();
  });
  afterEach(() => unmount(root));
  const summaries = () => [...root.querySelectorAll('.settings > details > summary')].map((s) => s.textContent);

  it('shows every part under one heading, the same parts before and after the data arrives', async () => {
    await createWatchlist(db, { name: 'Sanctions', terms: [{ term: 'snapback' }] });
    await updateSettings((s) => ({ ...s, disabledSites: ['news.example'] }));
    render(<SettingsView db={db} storage={storage} />, root);
    const parts = ['Entity highlights', 'Watchlists', 'Highlight colors', 'Sites where Gloss is off', 'Same outlet on two sites', 'Copies of articles', 'Storage', "What Gloss's permissions are for"];
    expect(summaries()).toEqual(parts);
    expect(root.querySelector('section.settings')?.getAttribute('aria-labelledby')).toBe(root.querySelector('h2')?.id);
    await vi.waitFor(() => expect(root.textContent).toContain('news.example'));
    await vi.waitFor(() => expect(root.textContent).toContain('Sanctions 1 term'));
    await vi.waitFor(() => expect(root.textContent).toContain('2 KB of 1 GB available'));
    expect(summaries()).toEqual(parts);
  });

  it('gives every control a name, and takes no control out of the tab order', async () => {
    await createWatchlist(db, { name: 'Sanctions', terms: [{ term: 'snapback', aliases: ['snap-back'] }] });
    render(<SettingsView db={db} storage={storage} />, root);
    await vi.waitFor(() => expect(root.querySelector('.watchlist')).not.toBeNull());
    const controls = [...root.querySelectorAll<HTMLElement>('input, button, select, textarea, summary')];
    expect(controls.length).toBeGreaterThan(20);
    for (const control of controls) {
      expect(accessibleName(control), control.outerHTML.slice(0, 120)).not.toBe('');
      expect(control.getAttribute('tabindex')).not.toBe('-1');
    }
  });

  it('renames a highlight color through the reused form', async () => {
    render(<SettingsView db={db} storage={storage} />, root);
    commit(root.querySelector('input[data-color="pink"]'), 'claim to check');
    await vi.waitFor(async () => expect((await readColorNames()).pink).toBe('claim to check'));
  });
});
