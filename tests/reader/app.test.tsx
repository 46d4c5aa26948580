// @vitest-environment jsdom
// (DOMPurify, which the reader page cleans every copy with, does not work in happy-dom.)
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readEarly } from '@/components/reader/use-stored-article';
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

  it("renders the copy on its first render from the page's early reads, the latest or the one named", async () => {
    const latest = readEarly(db, ARTICLE, null);
    await latest.content.promise;
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={null} early={latest} />, root);
    expect(shown('stored-body')?.textContent).toContain(EDITED);
    expect(shown('stored-body')?.textContent).not.toContain('Workers');
    const named = readEarly(db, ARTICLE, ids[0]!);
    await named.content.promise;
    unmount(root);
    root = container();
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={ids[0]!} early={named} />, root);
    expect(shown('stored-body')?.textContent).toContain('Workers gathered at the gate.');
    // A damaged copy read early says so on the first render, as a late read does.
    await db.versionBodies.update(ids[1]!, { data: new Uint8Array([9, 9, 9]) });
    const damaged = readEarly(db, ARTICLE, null);
    await damaged.content.promise;
    unmount(root);
    root = container();
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={null} early={damaged} />, root);
    expect(shown('reader-error')?.textContent).toContain('its bytes are damaged');
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

  it('offers the version shown to export and cite, with the day it was read and its fingerprint', async () => {
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={ids[0]!} />, root);
    await vi.waitFor(() => expect(shown('cite-chicago')?.textContent).toContain('KCNA Watch'));
    const [version] = await db.versions.bulkGet([ids[0]!]);
    expect(shown('cite-chicago')?.textContent).toContain(`Stored copy, SHA-256 ${version!.hash}.`);
    expect(JSON.parse(shown('cite-csl')!.textContent!)[0]).toMatchObject({ type: 'article-newspaper', title: TITLE, URL: ARTICLE });
    expect(shown('export-html')).not.toBeNull();
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

describe('reader/App comparing two versions', () => {
  let db: GlossDb;
  let root: HTMLElement;
  const PARAGRAPHS = [
    'Reforestation campaign moves spring planting forward',
    'The ministry announced the planting season would open two weeks early this year.',
    'Officials said the change would affect nurseries in four provinces.',
    'Satellite images reviewed by independent researchers show the planted area grew.',
    'The campaign was first announced in a speech at the party plenum in March.',
    'Local committees were told to report progress every ten days.',
    'Seedlings will be moved from greenhouses to the hills in April.',
  ];
  const OLD = PARAGRAPHS.join('\n');
  const NEW = OLD.replace('in four provinces', 'in six northern provinces').replace(/\nSatellite images[^\n]*/, '');
  let older = '';
  let newer = '';
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'reader-compare');
    root = container();
    const html = (text: string) => text.split('\n').map((p) => `<p>${p}</p>`).join('');
    const first = await keepVersion(db, reading(OLD, { html: html(OLD) }), 1000);
    const second = await keepVersion(db, reading(NEW, { html: html(NEW) }), 2000);
    [older, newer] = [first, second].map((outcome) => (outcome.kind === 'added' ? outcome.version.id : '')) as [string, string];
    for (const [quote, note] of [['independent researchers show the planted area', 'source?'], ['Local committees were told', '']] as const) {
      const start = OLD.indexOf(quote);
      const { quote: q, position } = describeText(OLD, start, start + quote.length);
      await createAnnotation(db, { articleId: ARTICLE, quote: q, position, color: 'yellow', note, tags: [], textHash: textHash(OLD) });
    }
  });
  afterEach(() => unmount(root));

  const all = (selector: string) => [...root.querySelectorAll(selector)];
  /** A `<del>`'s or `<ins>`'s words, without its label for screen readers. */
  const words = (selector: string) => all(selector).map((el) => el.lastChild?.textContent);

  it('marks the words and paragraphs that changed, labelled, folds the rest, and flags the highlight whose paragraph went', async () => {
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={newer} compareId={older} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="comparison-summary"]')?.textContent).toBe('1 paragraph edited, 1 removed'));
    expect(words('[data-testid="diff-edited"] del')).toEqual(['four ']);
    expect(words('[data-testid="diff-edited"] ins')).toEqual(['six northern ']);
    expect(words('[data-testid="diff-removed"] del')).toEqual([PARAGRAPHS[3]]);
    expect(all('del .diff-sr').map((label) => label.textContent)).toEqual(['deleted: ', 'deleted: ']);
    expect(all('ins .diff-sr').map((label) => label.textContent)).toEqual(['added: ']);
    // The unchanged paragraphs far from a change are folded, and open.
    const fold = root.querySelector<HTMLDetailsElement>('[data-testid="diff-fold"]')!;
    expect(fold.querySelector('summary')?.textContent).toBe('2 unchanged paragraphs');
    expect(fold.open).toBe(false);
    // The highlight in the removed paragraph is flagged there; the one left alone is not.
    expect(all('[data-testid="diff-flag"]').map((flag) => [flag.getAttribute('data-flag'), flag.closest('[data-change]')?.getAttribute('data-change')])).toEqual([['removed', 'removed']]);
    expect(root.querySelector('[data-testid="diff-flag-list"]')?.textContent).toContain('independent researchers show the planted area');
  });

  it('compares the older with the newer whichever way they are named, and says when one is not stored', async () => {
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={older} compareId={newer} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="comparison-summary"]')?.textContent).toBe('1 paragraph edited, 1 removed'));
    render(null, root);
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={newer} compareId="gone" />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="reader-error"]')?.textContent).toContain('The version to compare with is not stored'));
  });

  it('says two versions with the same text have the same text, and compares from the switcher', async () => {
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={newer} compareId={newer} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="comparison-summary"]')?.textContent).toBe('The two versions have the same text.'));
    render(null, root);
    render(<ReaderApp db={db} articleId={ARTICLE} versionId={newer} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="version-compare"]')).not.toBeNull());
    root.querySelector<HTMLElement>('[data-testid="version-compare"]')!.click();
    await vi.waitFor(() => expect(root.querySelector('[data-testid="comparison-summary"]')?.textContent).toBe('1 paragraph edited, 1 removed'));
    expect(new URL(location.href).searchParams.get('compare')).toBe(older);
  });
});
