import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EntityTypeSettings } from '@/components/popup/settings/EntityTypeSettings';
import { useSettings } from '@/components/popup/settings/use-settings';
import { DEFAULT_SETTINGS, readSettings, updateSettings } from '@/utils/settings/settings';
import { click, commit, container, unmount } from '../../../support/ui';

function Live() {
  return <EntityTypeSettings settings={useSettings()} />;
}

describe('components/popup/settings/EntityTypeSettings', () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = container();
  });
  afterEach(() => unmount(root));
  const input = (selector: string) => root.querySelector<HTMLInputElement>(selector)!;

  it('shows the defaults, inert, until the settings are read', () => {
    render(<EntityTypeSettings settings={null} />, root);
    expect(root.querySelectorAll('input[role="switch"]')).toHaveLength(6);
    expect([...root.querySelectorAll('input, button')].every((control) => (control as HTMLInputElement).disabled)).toBe(true);
    expect(root.querySelector('[aria-busy="true"]')).not.toBeNull();
  });

  it('labels every control', () => {
    render(<EntityTypeSettings settings={DEFAULT_SETTINGS} />, root);
    expect(input('[data-type="PERSON"]').closest('label')?.textContent).toBe('People');
    expect(input('[data-color-for="ORG"]').getAttribute('aria-label')).toBe('Color of Organizations');
    expect(root.querySelector('[data-reset="TERM"]')?.getAttribute('aria-label')).toBe('Reset the color of Policy terms');
  });

  it('switches a type off and on, and all of them, in the stored settings', async () => {
    render(<Live />, root);
    await vi.waitFor(() => expect(input('[data-type="PLACE"]').disabled).toBe(false));
    input('[data-type="PLACE"]').click();
    await vi.waitFor(async () => expect((await readSettings()).hiddenTypes).toEqual(['PLACE']));
    await vi.waitFor(() => expect(input('[data-type="PLACE"]').checked).toBe(false));
    input('[data-type="PLACE"]').click();
    await vi.waitFor(async () => expect((await readSettings()).hiddenTypes).toEqual([]));
    input('[data-role="hide-all"]').click();
    await vi.waitFor(async () => expect((await readSettings()).hideAll).toBe(true));
    await vi.waitFor(() => expect(input('[data-type="PERSON"]').disabled).toBe(true));
  });

  it('stores a chosen color, shows it, and resets it to the default', async () => {
    render(<Live />, root);
    await vi.waitFor(() => expect(input('[data-color-for="DATE"]').disabled).toBe(false));
    expect(input('[data-color-for="DATE"]').value).toBe('#7c4fd6');
    expect(root.querySelector<HTMLButtonElement>('[data-reset="DATE"]')!.disabled).toBe(true);
    commit(input('[data-color-for="DATE"]'), '#00AA88');
    await vi.waitFor(async () => expect((await readSettings()).typeColors).toEqual({ DATE: '#00aa88' }));
    await vi.waitFor(() => expect(root.querySelector<HTMLButtonElement>('[data-reset="DATE"]')!.disabled).toBe(false));
    expect(input('[data-color-for="DATE"]').value).toBe('#00aa88');
    const sample = input('[data-type="DATE"]').closest('label')!.querySelector<HTMLElement>('.type-sample')!;
    expect(sample.style.background).toContain('rgba(0, 170, 136, 0.18)');
    click(root, '[data-reset="DATE"]');
    await vi.waitFor(async () => expect((await readSettings()).typeColors).toBeUndefined());
    await vi.waitFor(() => expect(input('[data-color-for="DATE"]').value).toBe('#7c4fd6'));
    expect(document.activeElement).toBe(input('[data-color-for="DATE"]'));
  });

  it('follows a change made elsewhere (the page panel)', async () => {
    render(<Live />, root);
    await vi.waitFor(() => expect(input('[data-type="TERM"]').disabled).toBe(false));
    await updateSettings((s) => ({ ...s, hiddenTypes: ['TERM'] }));
    await vi.waitFor(() => expect(input('[data-type="TERM"]').checked).toBe(false));
  });
});
