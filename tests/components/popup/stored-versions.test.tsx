import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StoredVersions } from '@/components/popup/StoredVersions';
import type { GlossDb } from '@/utils/db/database';
import { keepVersion } from '@/utils/db/versions-repo';
import { setVersionNotice } from '@/utils/versions/notices';
import { freshDb } from '../../support/fresh-db';
import { container, unmount } from '../../support/ui';
import { ARTICLE, reading } from '../../support/versions';

describe('components/popup/StoredVersions', () => {
  let root: HTMLElement;
  let db: GlossDb;
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'stored-versions');
    root = container();
  });
  afterEach(() => unmount(root));
  const shown = (id: string) => root.querySelector(`[data-testid="${id}"]`);

  it('shows nothing for an article with no version and no notice', async () => {
    render(<StoredVersions db={db} articleId={ARTICLE} />, root);
    await new Promise((done) => setTimeout(done, 50));
    expect(shown('stored-versions')).toBeNull();
  });

  it('links to the reader page on the latest version and says how many are kept', async () => {
    await keepVersion(db, reading('One.'), 1000);
    const latest = await keepVersion(db, reading('Two.'), 2000);
    render(<StoredVersions db={db} articleId={ARTICLE} />, root);
    await vi.waitFor(() => expect(shown('open-stored-copy')).not.toBeNull());
    const href = new URL(shown('open-stored-copy')!.getAttribute('href')!);
    expect(href.pathname).toBe('/reader.html');
    expect(Object.fromEntries(href.searchParams)).toEqual({ article: ARTICLE, version: latest.kind === 'added' ? latest.version.id : '' });
    expect(shown('stored-versions')?.textContent).toContain('2 versions kept');
  });

  it('lists the versions newest first, each opening in the reader page, the older ones compared with the latest', async () => {
    const ids = [];
    for (const [text, at] of [['One.', 1000], ['Two.', 2000], ['Three.', 3000]] as const) {
      const outcome = await keepVersion(db, reading(text), at);
      ids.push(outcome.kind === 'added' ? outcome.version.id : '');
    }
    render(<StoredVersions db={db} articleId={ARTICLE} />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="popup-version"]')).toHaveLength(3));
    const query = (el: Element) => Object.fromEntries(new URL(el.getAttribute('href')!).searchParams);
    expect([...root.querySelectorAll('[data-testid="popup-version"]')].map((link) => query(link).version)).toEqual([...ids].reverse());
    expect([...root.querySelectorAll('[data-testid="popup-compare"]')].map(query)).toEqual([
      { article: ARTICLE, compare: ids[1], version: ids[2] },
      { article: ARTICLE, compare: ids[0], version: ids[2] },
    ]);
  });

  it('deletes the article’s copies only once the reader confirms, through the background', async () => {
    await keepVersion(db, reading('One.'), 1000);
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message);
      return { ok: true, value: { removed: 1 } };
    });
    render(<StoredVersions db={db} articleId={ARTICLE} />, root);
    await vi.waitFor(() => expect(shown('delete-copies')).not.toBeNull());
    (shown('delete-copies') as HTMLElement).click();
    await vi.waitFor(() => expect(shown('delete-copies-confirm')).not.toBeNull());
    expect(root.textContent).toContain('Delete the copy of this article? Your notes stay.');
    expect(sent).toEqual([]);
    (shown('delete-copies-confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(sent).toEqual([{ gloss: 1, type: 'deleteArticleVersions', payload: { articleId: ARTICLE } }]));
  });

  it('says when a reading could not be kept because the disk is full, and follows the notice live', async () => {
    render(<StoredVersions db={db} articleId={ARTICLE} />, root);
    await setVersionNotice(ARTICLE, 'no-room');
    await vi.waitFor(() => expect(shown('version-notice')?.textContent).toContain('the disk is full. Your notes are saved.'));
    await setVersionNotice(ARTICLE, 'capped');
    await vi.waitFor(() => expect(shown('version-notice')?.textContent).toContain('at most 24 versions of an article in 24 hours'));
    await setVersionNotice(ARTICLE, null);
    await vi.waitFor(() => expect(shown('stored-versions')).toBeNull());
  });
});
