/**
 * Export the library (Markdown for Obsidian and Logseq, CSV, W3C Web Annotation JSON-LD, a full
 * Gloss backup) and import a backup or a W3C file: read and checked whole first, then a summary
 * and the reader's choice for annotations already in the library (skip or update), then one
 * all-or-nothing write, run by the background (the popup may close meanwhile: it shows the
 * progress again when reopened), which announces the new records to the open tabs. A bad file
 * gets a message saying what is wrong and where; nothing changes.
 */
import { useEffect, useState } from 'preact/hooks';
import type { GlossDb } from '@/utils/db/database';
import { createBackup } from '@/utils/export/backup';
import { exportCsv } from '@/utils/export/csv';
import { readLibrary, type DuplicatePolicy } from '@/utils/export/import-library';
import { readImportProgress, watchImportProgress, type ImportProgress } from '@/utils/export/import-progress';
import { stageImport } from '@/utils/export/staged-import';
import { exportMarkdown } from '@/utils/export/markdown';
import { describeProblems } from '@/utils/export/problems';
import { MAX_IMPORT_BYTES, readImportFile, type ReadImport } from '@/utils/export/read-file';
import { exportW3c } from '@/utils/export/w3c';
import { errorMessage } from '@/utils/messaging/result';
import { sendToExtension } from '@/utils/messaging/send';
import { formatCount } from '@/utils/text/count';

type Format = 'markdown' | 'csv' | 'w3c' | 'backup';

const FORMATS: { id: Format; label: string; extension: string; type: string }[] = [
  { id: 'markdown', label: 'Markdown', extension: 'md', type: 'text/markdown' },
  { id: 'csv', label: 'CSV', extension: 'csv', type: 'text/csv' },
  { id: 'w3c', label: 'W3C annotations', extension: 'jsonld', type: 'application/ld+json' },
  { id: 'backup', label: 'Gloss backup', extension: 'json', type: 'application/json' },
];

/** The library in one format, as text, and how many damaged stored versions a backup left out. */
export async function exportLibrary(db: GlossDb, format: Format, { versions = true } = {}): Promise<{ text: string; damagedVersions: number }> {
  const library = await readLibrary(db, { versions: format === 'backup' && versions });
  return { text: formatLibrary(library, format), damagedVersions: library.damagedVersions };
}

function formatLibrary(library: Awaited<ReturnType<typeof readLibrary>>, format: Format): string {
  switch (format) {
    case 'markdown':
      return exportMarkdown(library.annotations, library.articles);
    case 'csv':
      return exportCsv(library.annotations, library.articles, { bom: true });
    case 'w3c':
      return JSON.stringify(exportW3c(library.annotations, library.articles), null, 2);
    case 'backup':
      return JSON.stringify(createBackup(library));
  }
}

function download(text: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportImport({ db }: { db: GlossDb }) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [pending, setPending] = useState<{ file: string; blob: Blob; read: ReadImport; duplicates: number } | null>(null);
  const [policy, setPolicy] = useState<DuplicatePolicy>('skip');
  // A backup carries the stored copies of articles unless the reader leaves them out (they can be large).
  const [withVersions, setWithVersions] = useState(true);

  // An import runs in the background: its progress shows here, also after the popup reopens.
  useEffect(() => {
    const show = (progress: ImportProgress) => setStatus(progressStatus(progress));
    void readImportProgress().then((progress) => progress && progress.state !== 'done' && progress.state !== 'failed' && show(progress));
    return watchImportProgress(show);
  }, []);

  const exportAs = async (format: (typeof FORMATS)[number]) => {
    try {
      const day = new Date().toISOString().slice(0, 10);
      const { text, damagedVersions } = await exportLibrary(db, format.id, { versions: withVersions });
      download(text, `gloss-${format.id}-${day}.${format.extension}`, format.type);
      const damaged = damagedVersions === 1 ? ' One stored version is damaged and was left out.' : damagedVersions > 1 ? ` ${damagedVersions} stored versions are damaged and were left out.` : '';
      setStatus({ text: `Exported as ${format.label}.${damaged}` });
    } catch (error) {
      setStatus({ text: `Export failed: ${errorMessage(error)}`, error: true });
    }
  };

  const choose = async (file: File | undefined) => {
    setPending(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      return setStatus({ text: `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; Gloss imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, error: true });
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      // A file moved or deleted after it was chosen, or unreadable: say so rather than do nothing.
      return setStatus({ text: `${file.name} could not be read (${errorMessage(error)}); nothing was imported.`, error: true });
    }
    const read = readImportFile(text);
    if (!read.ok) return setStatus({ text: `${file.name} was not imported. ${describeProblems(read.problems)}`, error: true });
    const ids = read.value.data.annotations.map((a) => a.id);
    const duplicates = (await db.annotations.bulkGet(ids)).filter(Boolean).length;
    setStatus(null);
    setPending({ file: file.name, blob: file, read: read.value, duplicates });
  };

  const confirm = async () => {
    if (!pending) return;
    const { file, blob } = pending;
    setPending(null);
    setStatus({ text: `Importing ${file}…` });
    try {
      // Its text, not the picked file: Firefox (ESR 153) aborts reading a picked file's stored copy
      // in the background ("The operation was aborted"); the popup has read the file whole already.
      const staged = await stageImport(file, await blob.text());
      const result = await sendToExtension('toBackground', 'libraryImport', { staged, onDuplicate: policy, settings: 'keep' });
      if (!result.ok) throw new Error(result.error.message);
      const a = result.value.annotations;
      const versions = result.value.versions;
      const copies = versions ? ` Stored versions: ${versions.added} added, ${versions.updated} updated, ${versions.skipped} skipped.` : '';
      setStatus({ text: `Imported ${file}: ${a.added} added, ${a.updated} updated, ${a.skipped} skipped.${copies}` });
    } catch (error) {
      setStatus({ text: `${file} was not imported; the library is unchanged. ${errorMessage(error)}`, error: true });
    }
  };

  return (
    <section class="exchange" aria-label="Export and import">
      <h2>Export the library</h2>
      <p class="exchange-buttons">
        {FORMATS.map((format) => (
          <button key={format.id} type="button" data-export={format.id} onClick={() => void exportAs(format)}>
            {format.label}
          </button>
        ))}
      </p>
      <label class="exchange-option">
        <input type="checkbox" checked={withVersions} data-testid="export-versions" onChange={(event) => setWithVersions(event.currentTarget.checked)} /> The
        backup carries the stored copies of articles
      </label>
      <h2>Import</h2>
      <label class="exchange-file">
        A Gloss backup or W3C annotations (.json, .jsonld)
        <input type="file" accept=".json,.jsonld,application/json,application/ld+json" data-testid="import-file" onChange={(event) => void choose(event.currentTarget.files?.[0])} />
      </label>
      {pending && (
        <div class="exchange-confirm" data-testid="import-summary">
          <p>
            {pending.file}: {pending.read.data.annotations.length} highlights
            {pending.read.kind === 'backup' && `, ${pending.read.data.articles?.length ?? 0} articles, ${pending.read.data.watchlists?.length ?? 0} watchlists`}
            {pending.read.kind === 'backup' && `, ${pending.read.data.versions?.length ?? 0} stored versions of articles`}.
            {pending.duplicates > 0 && ` ${pending.duplicates} are already in your library.`}
          </p>
          {pending.duplicates > 0 && (
            <fieldset>
              <legend>Highlights already in the library</legend>
              <label>
                <input type="radio" name="duplicates" checked={policy === 'skip'} onChange={() => setPolicy('skip')} /> Keep mine (skip them)
              </label>
              <label>
                <input type="radio" name="duplicates" checked={policy === 'update'} onChange={() => setPolicy('update')} /> Take the file's
              </label>
            </fieldset>
          )}
          <p class="exchange-buttons">
            <button type="button" data-testid="import-confirm" onClick={() => void confirm()}>
              Import
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </p>
        </div>
      )}
      {status && (
        <p class={status.error ? 'error' : 'exchange-status'} role={status.error ? 'alert' : 'status'} data-testid="exchange-status">
          {status.text}
        </p>
      )}
    </section>
  );
}

/** What the popup says of an import the background runs. */
function progressStatus(progress: ImportProgress): { text: string; error?: boolean } {
  switch (progress.state) {
    case 'reading':
      return { text: `Importing ${progress.file}: reading…` };
    case 'writing':
      return { text: `Importing ${progress.file}: ${formatCount(progress.done)} of ${formatCount(progress.total)} records…` };
    case 'done':
      return { text: `Imported ${progress.file}: ${progress.added} added, ${progress.updated} updated, ${progress.skipped} skipped.` };
    case 'failed':
      return { text: `${progress.file} was not imported; the library is unchanged. ${progress.message}`, error: true };
  }
}
