import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_NOTICES, noticeText, setVersionNotice, versionNotice } from '@/utils/versions/notices';

describe('versions/notices', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one notice per article, cleared when a reading is kept again', async () => {
    await setVersionNotice('a', 'no-room', 5);
    await setVersionNotice('a', 'no-room', 9);
    expect(await versionNotice('a')).toEqual({ kind: 'no-room', at: 5 });
    await setVersionNotice('a', 'capped', 10);
    expect(await versionNotice('a')).toEqual({ kind: 'capped', at: 10 });
    await setVersionNotice('a', null);
    expect(await versionNotice('a')).toBeNull();
  });

  it(`keeps the latest ${MAX_NOTICES} articles' notices`, async () => {
    for (let i = 0; i <= MAX_NOTICES; i++) await setVersionNotice(`a${i}`, 'capped', i);
    expect(await versionNotice('a0')).toBeNull();
    expect(await versionNotice(`a${MAX_NOTICES}`)).not.toBeNull();
  });

  it('ignores a damaged stored value', async () => {
    await fakeBrowser.storage.local.set({ versionNotices: { a: { kind: 'gone', at: 1 }, b: 'x' } });
    expect(await versionNotice('a')).toBeNull();
    expect(await versionNotice('b')).toBeNull();
    await fakeBrowser.storage.local.set({ versionNotices: [1] });
    expect(await versionNotice('a')).toBeNull();
  });

  it('says what happened in plain words', () => {
    expect(noticeText({ kind: 'no-room', at: 0 }, 24)).toContain('the disk is full');
    expect(noticeText({ kind: 'capped', at: 0 }, 24)).toContain('more than 24 times in a day');
  });
});
