// @vitest-environment jsdom
// (DOMPurify, which the reader page cleans every copy with, does not work in happy-dom.)
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReaderApp } from '@/entrypoints/reader/App';
import { describeText } from '@/utils/anchoring/selectors';
import { createAnnotation } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { keepVersion } from '@/utils/db/versions-repo';
import { textHash } from '@/utils/text/hash';
import { freshDb } from '../support/fresh-db';
import { container, unmount } from '../support/ui';
import { ARTICLE, reading } from '../support/versions';

const TITLE = 'Kim Jong Un inspects regional factories';
const FIRST = 'The factory in Songchon was opened on Tuesday. Workers gathered at the gate.';
const EDITED = 'The factory in Songchon was opened on Tuesday.';

describe('reader/App', () => {
  let db: GlossDb;
  let root: HTMLElement;
  let ids: string[];
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'reader');
    root = container();
    const html = (text: string) => text.split('. ').map((sentence) => `<p onclick="alert(1)">${sentence.replace(/\.?$/, '.')}</p>`).join('');
    const first = await keepVersion(db, reading(FIRST, { html: `${html(FIRST)}<script>window.ran = 1</script><img src="https://x.test/a.png" alt="The gate">` }), 1000);
    const edited = await keepVersion(db, reading(EDITED, { html: html(EDITED) }), 2000);
    ids = [first, edited].map((outcome) => (outcome.kind === 'added' ? outcome.version.id : ''));
    // The reader's notes, made on the first version's text (as the live page reads it: headline first).
    const live = `${TITLE}\n${FIRST.replace('. ', '.\n')}`;
    for (const [quote, note] of [['factory in Songchon was opened on Tuesday', 'when'], ['Workers gathered at the gate', 'who']] as const) {
      const start = live.indexOf(quote);
      const { quote: q, position } = describeText(live, start, start + quote.length);
      await createAnnotation(db, { articleId: ARTICLE, quote: q, position, color: 'green', note, tags: ['visit'], textHash: textHash(live) });
    }
  });
  afterEach(() => unmount(root));

  const shown = (testId: string) => root.querySelector(`[data-testid="${testId}"]`);
  const noteQuotes = (selector: string) => [...root.querySelectorAll(`${selector} .note-quote`)].map((q) => q.textContent);

  it('shows the latest version with its outlet, its notes placed and the one it lacks listed apart', async () => {
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={null} />, root);
    await vi.waitFor(() => expect(shown('stored-body')?.textContent).toContain(EDITED));
    expect(root.querySelector('.stored-title')?.textContent).toBe(TITLE);
    expect(shown('version-outlet')?.textContent).toBe('KCNA Watch');
    await vi.waitFor(() => expect(noteQuotes('[data-testid="reader-notes"] > ol')).toEqual(['factory in Songchon was opened on Tuesday']));
    expect(noteQuotes('[data-testid="reader-orphans"]')).toEqual(['Workers gathered at the gate']);
    // Painted where the Highlight API is missing: wrapped, on the right words.
    expect([...root.querySelectorAll('gloss-mark[data-gloss-note="green"]')].map((mark) => mark.textContent).join('')).toBe('factory in Songchon was opened on Tuesday');
    expect([...root.querySelectorAll('[data-testid="version-link"]')].map((link) => link.getAttribute('aria-current'))).toEqual(['page', null]);
  });

  it('shows a version chosen in the switcher, cleaned, with every note on it', async () => {
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={null} />, root);
    await vi.waitFor(() => expect(shown('versions')).not.toBeNull());
    root.querySelector<HTMLElement>(`[data-version="${ids[0]}"]`)!.click();
    await vi.waitFor(() => expect(shown('stored-body')?.textContent).toContain('Workers gathered at the gate.'));
    await vi.waitFor(() => expect(noteQuotes('[data-testid="reader-notes"] > ol')).toEqual(['factory in Songchon was opened on Tuesday', 'Workers gathered at the gate']));
    expect(shown('reader-orphans')).toBeNull();
    expect(new URL(location.href).searchParams.get('version')).toBe(ids[0]);
    const body = shown('stored-body')!;
    expect(body.querySelector('script, img, [onclick]')).toBeNull();
    expect(body.querySelector('[data-gloss-image="The gate"]')?.getAttribute('href')).toBe('https://x.test/a.png');
    expect((window as { ran?: number }).ran).toBeUndefined();
  });

  it('says a damaged copy cannot be read, and lists the versions still', async () => {
    await db.versionBodies.update(ids[1]!, { data: new Uint8Array([9, 9, 9]) });
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={ids[1]!} />, root);
    await vi.waitFor(() => expect(shown('reader-error')?.textContent).toContain('This stored version cannot be read: its bytes are damaged'));
    expect(root.querySelectorAll('[data-testid="version-link"]')).toHaveLength(2);
    expect(shown('stored-body')).toBeNull();
  });

  it('counts a damaged version record apart, and says when an article has no copy or none is named', async () => {
    await db.versions.update(ids[0]!, { hash: 'not a hash' });
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={null} />, root);
    await vi.waitFor(() => expect(shown('versions')?.textContent).toContain('One stored version is damaged'));
    expect(root.querySelectorAll('[data-testid="version-link"]')).toHaveLength(1);
    render(<ReaderApp db={db} articleId="https://other.example/1" versionId={null} />, root);
    await vi.waitFor(() => expect(shown('reader-message')?.textContent).toBe('Gloss keeps no copy of this article.'));
    render(<ReaderApp db={db} articleId="" versionId={null} />, root);
    expect(shown('reader-message')?.textContent).toContain('No article named');
  });

  it('adds a version the background announces while the page is open', async () => {
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={null} />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="version-link"]')).toHaveLength(2));
    const added = await keepVersion(db, reading('A third text.'), 3000);
    const version = added.kind === 'added' ? added.version : null;
    // As the background sends it (a page of this extension).
    const fromBackground = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') };
    await fakeBrowser.runtime.onMessage.trigger({ gloss: 1, type: 'versionsChanged', payload: { articleId: ARTICLE, changed: [version] } }, fromBackground, () => {});
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="version-link"]')).toHaveLength(3));
  });
});
