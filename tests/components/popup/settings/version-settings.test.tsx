import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { VersionSettings } from '@/components/popup/settings/VersionSettings';
import { DEFAULT_SETTINGS, readSettings } from '@/utils/settings/settings';
import { click, container, unmount } from '../../../support/ui';

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
});
