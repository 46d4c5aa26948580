import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { recordArticle } from '@/utils/db/articles-repo';
import type { GlossDb } from '@/utils/db/database';
import { freshDb } from '../support/fresh-db';
import type { PageState } from '@/utils/messaging/protocol';

/** The first appearance of a lazily loaded view can take seconds on a loaded machine. */
const SLOW = { timeout: 5_000 };

const ARTICLE_ID = 'https://kcnawatch.example/newstream/speech/';

function answerPageState(state: PageState) {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: state } as never);
}

describe('popup/App', () => {
  let db: GlossDb;
  let root: HTMLElement;
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'popup');
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(async () => {
    render(null, root);
    root.remove();
    vi.restoreAllMocks();
  });

  const text = () => root.textContent ?? '';

  it("shows the tab's article from the database", async () => {
    await recordArticle(db, {
      id: ARTICLE_ID,
      url: 'http://127.0.0.1/seed.html',
      canonicalUrl: ARTICLE_ID,
      meta: {
        title: 'Kim Jong Un Makes Speech',
        byline: 'Chongnyon Chonwi (EN)',
        siteName: 'KCNA Watch',
        publishedTime: '2024-05-20T09:14:00+09:00',
        lang: 'en',
        dir: null,
        excerpt: null,
        length: 18_000,
      },
    });
    answerPageState({ kind: 'article', articleId: ARTICLE_ID });
    render(<App db={db} tabId={4} />, root);
    await vi.waitFor(() => expect(text()).toContain('Kim Jong Un Makes Speech'), SLOW);
    expect(text()).toContain('KCNA Watch');
    expect(text()).toContain('May 20, 2024');
    expect(text()).toContain('Chongnyon Chonwi (EN)');
  });

  it('says there is no article on a page that is not one', async () => {
    answerPageState({ kind: 'not-article' });
    render(<App db={db} tabId={4} />, root);
    await vi.waitFor(() => expect(text()).toContain('No article found on this page'), SLOW);
  });

  it('says why when extraction failed', async () => {
    answerPageState({ kind: 'failed', articleId: ARTICLE_ID, message: 'This page is too large for Gloss to read.' });
    render(<App db={db} tabId={4} />, root);
    await vi.waitFor(() => expect(text()).toContain("Gloss couldn't read this article"), SLOW);
    expect(text()).toContain('too large');
  });

  const noArticleScript = () =>
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));

  it("reads the page loader's state where no article script runs", async () => {
    noArticleScript();
    const read = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([{ frameId: 0, result: { kind: 'not-article' } }] as never);
    render(<App db={db} tabId={4} />, root);
    await vi.waitFor(() => expect(text()).toContain('No article found on this page'), SLOW);
    expect(read).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 4 }, args: ['__glossLoaderState'] }));
  });

  it("says Gloss can't run on a page the browser keeps extensions out of", async () => {
    noArticleScript();
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    render(<App db={db} tabId={4} />, root);
    await vi.waitFor(() => expect(text()).toContain("Gloss can't run on this page"), SLOW);
  });

  it('asks for a reload on a web page opened before Gloss was installed', async () => {
    noArticleScript();
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: null }] as never);
    render(<App db={db} tabId={4} />, root);
    await vi.waitFor(() => expect(text()).toContain('Reload this page to use Gloss'), SLOW);
  });

  it('asks the page again while the article is being extracted', async () => {
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValueOnce({ ok: true, value: { kind: 'extracting', articleId: ARTICLE_ID } } as never)
      .mockResolvedValue({ ok: true, value: { kind: 'not-article' } } as never);
    render(<App db={db} tabId={4} />, root);
    await vi.waitFor(() => expect(text()).toContain('Reading the article'), SLOW);
    await vi.waitFor(() => expect(text()).toContain('No article found on this page'), SLOW);
    expect(send.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});

describe('popup/App sections', () => {
  beforeEach(() => fakeBrowser.reset());

  it('moves between sections with the arrow keys, as a tab list does', async (context) => {
    const db = await freshDb(context, 'popup-sections');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { kind: 'not-article' } } as never);
    const root = document.createElement('div');
    document.body.append(root);
    render(<App db={db} tabId={4} />, root);
    const selected = () => root.querySelector('[role="tab"][aria-selected="true"]')?.textContent;
    await vi.waitFor(() => expect(selected()).toBe('This article'));
    root.querySelector('[role="tablist"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await vi.waitFor(() => expect(selected()).toBe('Library'));
    root.querySelector('[role="tablist"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await vi.waitFor(() => expect(selected()).toBe('This article'));
    root.querySelector('[role="tablist"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await vi.waitFor(() => expect(selected()).toBe('Settings'));
    expect(root.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')!.tabIndex).toBe(0);
    // The section's own code loads on demand: let it arrive before the test ends (else its import
    // lands after the environment is torn down).
    await vi.waitFor(() => expect(root.querySelector('[data-testid="settings"]')).not.toBeNull(), { timeout: 10_000 });
    render(null, root);
    root.remove();
  });
});
