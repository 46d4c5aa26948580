import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettingsEarly, useSettings } from '@/components/popup/settings/use-settings';
import type { Settings } from '@/utils/settings/settings';
import { updateSettings } from '@/utils/settings/settings';
import { container, unmount } from '../../../support/ui';

/** Every value the hook gave, render by render. */
function probe(seen: (Settings | null)[]) {
  return function Probe() {
    seen.push(useSettings());
    return null;
  };
}

const settled = () => new Promise((done) => setTimeout(done, 0));

describe('components/popup/settings/use-settings', () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = container();
  });
  afterEach(() => unmount(root));

  it('has the settings on its first render when the page read them early', async () => {
    await updateSettings((s) => ({ ...s, hideAll: true }));
    readSettingsEarly();
    await settled();
    const seen: (Settings | null)[] = [];
    const Probe = probe(seen);
    render(<Probe />, root);
    expect(seen[0]?.hideAll).toBe(true);
  });

  it('never gives the early read once the settings have changed since', async () => {
    readSettingsEarly();
    await settled();
    await updateSettings((s) => ({ ...s, hideAll: true }));
    const seen: (Settings | null)[] = [];
    const Probe = probe(seen);
    render(<Probe />, root);
    await vi.waitFor(() => expect(seen.at(-1)?.hideAll).toBe(true));
    expect(seen.filter((s) => s !== null && !s.hideAll)).toEqual([]);
  });
});
