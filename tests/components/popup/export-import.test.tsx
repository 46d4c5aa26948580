import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ExportImport } from '@/components/popup/ExportImport';
import type { GlossDb } from '@/utils/db/database';
import { exportW3c } from '@/utils/export/w3c';
import { freshDb } from '../../support/fresh-db';
import { sampleLibrary } from '../../support/library';
import { chooseFiles, container, unmount } from '../../support/ui';

describe('components/popup/ExportImport', () => {
  let db: GlossDb;
  let root: HTMLElement;
  beforeEach(async (context) => {
    fakeBrowser.reset();
    db = await freshDb(context, 'export-import');
    root = container();
  });
  afterEach(() => unmount(root));

  const picker = () => root.querySelector<HTMLInputElement>('[data-testid="import-file"]');
  const alert = () => root.querySelector('[role="alert"]')?.textContent ?? null;

  it('says so when the chosen file cannot be read, and imports nothing', async () => {
    render(<ExportImport db={db} />, root);
    const file = new File(['[]'], 'gone.json', { type: 'application/json' });
    Object.defineProperty(file, 'text', { value: () => Promise.reject(new DOMException('The file could not be found', 'NotFoundError')) });
    chooseFiles(picker(), [file]);
    await vi.waitFor(() => expect(alert()).toBe('gone.json could not be read (The file could not be found); nothing was imported.'));
    expect(await db.annotations.count()).toBe(0);
  });

  it('answers a file of lists nested 200,000 deep with its problem, not an exception', async () => {
    render(<ExportImport db={db} />, root);
    const depth = 200_000;
    const deep = `[{"type":"Annotation","id":${'['.repeat(depth)}${']'.repeat(depth)}}]`;
    chooseFiles(picker(), [new File([deep], 'deep.json', { type: 'application/json' })]);
    await vi.waitFor(() => expect(alert()).toMatch(/^deep\.json was not imported\. /));
    expect(alert()).toContain('[0].id: is a list, not an IRI');
  });

  it('reads a file saved with a byte-order mark', async () => {
    render(<ExportImport db={db} />, root);
    const { annotations, articles } = sampleLibrary();
    const text = `\ufeff${JSON.stringify(exportW3c(annotations, articles))}`;
    // Blob.text() drops a UTF-8 mark itself; a file read any other way hands it on.
    const file = new File([text], 'notepad.jsonld', { type: 'application/ld+json' });
    Object.defineProperty(file, 'text', { value: () => Promise.resolve(text) });
    chooseFiles(picker(), [file]);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="import-summary"]')?.textContent).toContain('notepad.jsonld: 4 highlights'));
  });
});
