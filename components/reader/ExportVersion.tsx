/**
 * Export and cite the version shown: one self-contained HTML file or Markdown (with the reader's
 * notes), and a Chicago-style reference and CSL-JSON carrying the day it was read and its
 * fingerprint (utils/export/). Files are made here, in the reader page, and handed to the browser
 * as a download; nothing is sent anywhere.
 */
import { useState } from 'preact/hooks';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { chicagoReference, cslJson } from '@/utils/export/cite';
import { versionFileName, versionHtml, versionMarkdown } from '@/utils/export/version-file';
import { errorMessage } from '@/utils/messaging/result';
import type { VersionContent, VersionRecord } from '@/utils/versions/version';

export interface ExportVersionProps {
  version: VersionRecord;
  content: VersionContent;
  annotations: readonly AnnotationRecord[];
}

function download(text: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportVersion({ version, content, annotations }: ExportVersionProps) {
  const [error, setError] = useState<string | null>(null);
  const save = (make: () => string, extension: 'html' | 'md' | 'csl.json', type: string) => {
    try {
      download(make(), versionFileName(version, extension), type);
      setError(null);
    } catch (e) {
      setError(`Gloss could not make the file: ${errorMessage(e)}`);
    }
  };
  const csl = JSON.stringify(cslJson(version), null, 2);
  return (
    <section class="export-version" aria-label="Export and cite this version" data-testid="export-version">
      <h2>Export and cite</h2>
      <p>
        <button type="button" data-testid="export-html" onClick={() => save(() => versionHtml(version, content, annotations), 'html', 'text/html')}>
          HTML file
        </button>{' '}
        <button type="button" data-testid="export-markdown" onClick={() => save(() => versionMarkdown(version, content, annotations), 'md', 'text/markdown')}>
          Markdown
        </button>
      </p>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      <details data-testid="cite">
        <summary>Cite</summary>
        <p class="citation" data-testid="cite-chicago">
          {chicagoReference(version)}
        </p>
        <pre class="csl" data-testid="cite-csl">
          {csl}
        </pre>
        <button type="button" data-testid="export-csl" onClick={() => save(() => csl, 'csl.json', 'application/vnd.citationstyles.csl+json')}>
          Download CSL-JSON
        </button>
      </details>
    </section>
  );
}
