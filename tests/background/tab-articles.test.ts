import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  assertShowing,
  followTabAddress,
  forgetTab,
  framesShowing,
  rememberTabArticle,
  revealLater,
  tabArticle,
  takeReveal,
} from '@/entrypoints/background/tab-articles';

describe('background/tab-articles', () => {
  beforeEach(() => fakeBrowser.reset());
  const frame = (tabId: number, frameId = 0) => ({ id: 'gloss', tab: { id: tabId }, frameId });

  it('remembers the article of each frame, and which frames show an article', async () => {
    await rememberTabArticle(frame(1), 'https://a.example/x');
    await rememberTabArticle(frame(1, 7), 'https://b.example/y');
    await rememberTabArticle(frame(2), 'https://a.example/x');
    expect(await tabArticle(frame(1, 7))).toBe('https://b.example/y');
    expect((await framesShowing('https://a.example/x')).sort((a, b) => a.tabId - b.tabId)).toEqual([
      { tabId: 1, frameId: 0 },
      { tabId: 2, frameId: 0 },
    ]);
    // Every frame showing any article (where the reader's settings are announced), not the reveal or site keys.
    await revealLater(3, 'a1');
    expect((await framesShowing(null)).sort((a, b) => a.tabId - b.tabId || a.frameId - b.frameId)).toEqual([
      { tabId: 1, frameId: 0 },
      { tabId: 1, frameId: 7 },
      { tabId: 2, frameId: 0 },
    ]);
    await expect(assertShowing(frame(2), 'https://b.example/y')).rejects.toThrow();
    await expect(assertShowing(frame(2), 'https://a.example/x')).resolves.toBeUndefined();
  });

  it('follows a frame to its next article, forgets a closed tab, and knows nothing of a sender without a tab', async () => {
    await rememberTabArticle(frame(1), 'https://a.example/x');
    await rememberTabArticle(frame(1), 'https://a.example/z');
    expect(await framesShowing('https://a.example/x')).toEqual([]);
    await forgetTab(1);
    expect(await tabArticle(frame(1))).toBeNull();
    expect(await tabArticle({ id: 'gloss' })).toBeNull();
  });
});

describe('background/tab-articles when a tab moves', () => {
  beforeEach(() => fakeBrowser.reset());
  const page = (url: string, tabId = 1, frameId = 0) => ({ id: 'gloss', url, tab: { id: tabId, url }, frameId });

  it('keeps the frames of a tab that moves within the site, and forgets them when it leaves for another site', async () => {
    await rememberTabArticle(page('https://news.example/a'), 'https://news.example/a');
    await rememberTabArticle({ ...page('https://news.example/a'), url: 'https://video.example/embed', frameId: 3 }, 'https://video.example/embed');
    await followTabAddress(1, 'https://www.news.example/a?page=2');
    expect(await tabArticle(page('https://news.example/a'))).toBe('https://news.example/a');
    await followTabAddress(1, 'http://evil.example/landing');
    expect(await framesShowing('https://news.example/a')).toEqual([]);
    expect(await framesShowing('https://video.example/embed')).toEqual([]);
    await expect(assertShowing(page('http://evil.example/landing'), 'https://news.example/a')).rejects.toThrow();
  });

  it('leaves alone a tab Gloss filed nothing in (a tab opened to reveal an annotation keeps its reveal)', async () => {
    await revealLater(7, 'note-1');
    await followTabAddress(7, 'https://news.example/a');
    expect(await takeReveal(page('https://news.example/a', 7))).toBe('note-1');
  });
});

describe('background/tab-articles without storage.session', () => {
  it('keeps the same records in the background’s memory', async () => {
    fakeBrowser.reset();
    const storage = fakeBrowser.storage as { session?: unknown };
    const session = storage.session;
    delete storage.session;
    try {
      const frame = { id: 'gloss', tab: { id: 5 }, frameId: 0 };
      await rememberTabArticle(frame, 'https://a.example/x');
      expect(await tabArticle(frame)).toBe('https://a.example/x');
      expect(await framesShowing('https://a.example/x')).toEqual([{ tabId: 5, frameId: 0 }]);
      await forgetTab(5);
      expect(await tabArticle(frame)).toBeNull();
    } finally {
      storage.session = session;
    }
  });
});
