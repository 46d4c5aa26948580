import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { VersionSettings } from '@/components/popup/settings/VersionSettings';
import { keepVersion } from '@/utils/db/versions-repo';
import { DEFAULT_SETTINGS, readSettings } from '@/utils/settings/settings';
import { freshDb } from '../../../support/fresh-db';
import { click, container, unmount } from '../../../support/ui';
import { reading } from '../../../support/versions';

describe('components/popup/settings/VersionSettings', () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = container();
  });
  afterEach(() => unmount(root));
  const checked = () => root.querySelector<HTMLInputElement>('input:checked')?.value;

  it('shows the default choice, and keeps the reader’s choice', async () => {
    render(<VersionSettings settings={DEFAULT_SETTINGS} />, root);
    expect(checked()).toBe('annotated-or-watched');
    expect(root.textContent).toContain('at most 24 versions of an article a day');
    click(root, '[data-testid="keep-versions-all"]');
    await vi.waitFor(async () => expect((await readSettings()).keepVersions).toBe('all'));
    unmount(root);
    root = container();
    render(<VersionSettings settings={{ ...DEFAULT_SETTINGS, keepVersions: 'annotated' }} />, root);
    expect(checked()).toBe('annotated');
  });

  it('is disabled until the settings are read', () => {
    render(<VersionSettings settings={null} />, root);
    expect(root.querySelector('fieldset')?.disabled).toBe(true);
  });

  it('says how much room the copies take, and prunes through the background, refusing a number it cannot keep', async (context) => {
    const db = await freshDb(context, 'version-settings');
    await keepVersion(db, reading('One.'), 1000);
    await keepVersion(db, reading('Two.'), 2000);
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message);
      return { ok: true, value: { removed: 3 } };
    });
    render(<VersionSettings settings={DEFAULT_SETTINGS} db={db} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="version-stats"]')?.textContent).toMatch(/^2 versions of 1 article: [\d.]+ (B|KB) stored/));
    const keep = root.querySelector<HTMLInputElement>('[data-testid="prune-keep"]')!;
    expect(root.querySelector(`label[for="${keep.id}"]`)?.textContent).toBe('Keep each article’s first version and its last');
    keep.value = '0';
    keep.dispatchEvent(new Event('input', { bubbles: true }));
    root.querySelector<HTMLFormElement>('[data-testid="prune-versions"]')!.requestSubmit();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="prune-status"]')?.textContent).toBe('Keep a whole number of versions, from 1 to 1,000.'));
    expect(sent).toEqual([]);
    keep.value = '5';
    keep.dispatchEvent(new Event('input', { bubbles: true }));
    root.querySelector<HTMLFormElement>('[data-testid="prune-versions"]')!.requestSubmit();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="prune-status"]')?.textContent).toBe('3 older versions removed.'));
    expect(sent).toEqual([{ gloss: 1, type: 'pruneVersions', payload: { keepLast: 5 } }]);
  });
});
