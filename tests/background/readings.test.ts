import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_SESSION_READING, READINGS_KEPT, readings } from '@/entrypoints/background/readings';
import { reading } from '../support/versions';

const of = (n: number) => reading(`Text ${n}.`, { articleId: `https://kcna.example/${n}` });

describe('background/readings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('finds an article’s last reading again after the worker restarted (the session area outlives it)', async () => {
    await readings(fakeBrowser.storage.session).remember(of(1));
    await readings(fakeBrowser.storage.session).remember({ ...of(1), text: 'Text 1, edited.' });
    const restarted = readings(fakeBrowser.storage.session);
    expect(await restarted.last('https://kcna.example/1')).toEqual({ ...of(1), text: 'Text 1, edited.' });
    expect(await restarted.last('https://kcna.example/2')).toBeUndefined();
  });

  it(`keeps the last ${READINGS_KEPT} articles, in memory and in the session area`, async () => {
    const kept = readings(fakeBrowser.storage.session);
    for (let n = 0; n <= READINGS_KEPT; n++) await kept.remember(of(n));
    expect(await kept.last('https://kcna.example/0')).toBeUndefined();
    expect(await readings(fakeBrowser.storage.session).last('https://kcna.example/0')).toBeUndefined();
    expect(await readings(fakeBrowser.storage.session).last(`https://kcna.example/${READINGS_KEPT}`)).toEqual(of(READINGS_KEPT));
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).sort()).toHaveLength(READINGS_KEPT + 1);
  });

  it('keeps a reading too large for the session area in memory only', async () => {
    // Random text does not compress.
    const bytes = new Uint8Array(MAX_SESSION_READING * 1.5);
    for (let i = 0; i < bytes.length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
    const noise = Array.from(bytes, (b) => String.fromCharCode(33 + (b % 90))).join('');
    const kept = readings(fakeBrowser.storage.session);
    await kept.remember({ ...of(1), text: noise });
    expect((await kept.last('https://kcna.example/1'))?.text).toBe(noise);
    expect(await readings(fakeBrowser.storage.session).last('https://kcna.example/1')).toBeUndefined();
  });

  it('keeps readings in memory only where there is no session area to use (Firefox’s background page)', async () => {
    const kept = readings(null);
    await kept.remember(of(1));
    expect(await kept.last('https://kcna.example/1')).toEqual(of(1));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('treats a damaged session entry as no reading', async () => {
    await fakeBrowser.storage.session.set({ 'reading:https://kcna.example/1': { content: 'not base64 gzip' } });
    expect(await readings(fakeBrowser.storage.session).last('https://kcna.example/1')).toBeUndefined();
  });
});
