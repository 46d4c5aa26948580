import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  isSiteDisabled,
  normalizeSettings,
  readSettings,
  updateSettings,
  visibleTypes,
  watchSettings,
} from '@/utils/settings/settings';

describe('settings/settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the defaults: every type shown, no site off', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect([...visibleTypes(DEFAULT_SETTINGS)].sort()).toEqual(['DATE', 'ORG', 'PERSON', 'PLACE', 'TERM']);
  });

  it('shows the types not hidden, and none when all are hidden', () => {
    expect([...visibleTypes({ ...DEFAULT_SETTINGS, hiddenTypes: ['PERSON', 'TERM'] })].sort()).toEqual(['DATE', 'ORG', 'PLACE']);
    expect(visibleTypes({ ...DEFAULT_SETTINGS, hiddenTypes: ['PERSON'], hideAll: true }).size).toBe(0);
  });

  it('keeps only well-formed pairs of mirror sites, and none when there are none', () => {
    const mirrors = [['kcna.kp', 'kcnawatch.org'], ['a.example'], ['same.example', 'same.example'], ['x.example', 7], 'y.example', ['', 'z.example']];
    expect(normalizeSettings({ mirrors }).mirrors).toEqual([['kcna.kp', 'kcnawatch.org']]);
    expect('mirrors' in normalizeSettings({ mirrors: 'kcna.kp' })).toBe(false);
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('tells a disabled site by its host name', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['kcnawatch.example'] };
    expect(isSiteDisabled(settings, 'https://kcnawatch.example/newstream/1')).toBe(true);
    expect(isSiteDisabled(settings, 'https://news.example/')).toBe(false);
    expect(isSiteDisabled(settings, 'not a url')).toBe(false);
  });

  it('repairs a damaged stored value instead of failing', () => {
    expect(normalizeSettings({ hiddenTypes: ['PERSON', 'NOPE', 3], hideAll: 'yes', disabledSites: 'x' })).toEqual({
      hiddenTypes: ['PERSON'],
      hideAll: false,
      disabledSites: [],
    });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('stores a change and tells every watcher', async () => {
    const seen = vi.fn();
    const unwatch = watchSettings(seen);
    await updateSettings((s) => ({ ...s, hiddenTypes: ['DATE'] }));
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, hiddenTypes: ['DATE'] });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, hiddenTypes: ['DATE'] }));
    unwatch();
    await updateSettings((s) => ({ ...s, hideAll: true }));
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it("keeps the reader's type colors as #rrggbb only, for known types, and drops the rest", () => {
    const settings = normalizeSettings({
      ...DEFAULT_SETTINGS,
      typeColors: { PERSON: '#AA3300', ORG: 'red', PLACE: '#abc', DATE: '#12345678', TERM: 'url(x)', GHOST: '#000000' },
    });
    expect(settings.typeColors).toEqual({ PERSON: '#aa3300' });
    for (const typeColors of [{}, 'x', null, ['#000000'], { PERSON: 7 }, { ORG: '#12345g' }, { DATE: '#123456; color: red' }]) {
      expect(normalizeSettings({ ...DEFAULT_SETTINGS, typeColors })).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('stores a type color and takes it away again', async () => {
    await updateSettings((s) => ({ ...s, typeColors: { ...s.typeColors, TERM: '#336699' } }));
    expect((await readSettings()).typeColors).toEqual({ TERM: '#336699' });
    await updateSettings((s) => ({ ...s, typeColors: {} }));
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
