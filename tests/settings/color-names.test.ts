import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_COLOR_NAMES, normalizeColorNames, readColorNames, renameColor, watchColorNames } from '@/utils/settings/color-names';

describe('settings/color-names', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the defaults and keeps a rename, tidied and bounded', async () => {
    expect(await readColorNames()).toEqual(DEFAULT_COLOR_NAMES);
    await renameColor('pink', '  disputed   claim ');
    expect((await readColorNames()).pink).toBe('disputed claim');
    await renameColor('blue', 'q'.repeat(100));
    expect((await readColorNames()).blue).toHaveLength(40);
  });

  it('puts the default back for an empty name, and ignores damaged or unknown entries', async () => {
    await renameColor('green', '   ');
    expect((await readColorNames()).green).toBe('evidence');
    expect(normalizeColorNames({ yellow: 7, octarine: 'magic', purple: 'later' })).toEqual({ ...DEFAULT_COLOR_NAMES, purple: 'later' });
    expect(normalizeColorNames('nonsense')).toEqual(DEFAULT_COLOR_NAMES);
  });

  it('tells every watcher of a rename', async () => {
    const seen = vi.fn();
    const unwatch = watchColorNames(seen);
    await renameColor('yellow', 'key point');
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ yellow: 'key point' }));
    unwatch();
  });
});
