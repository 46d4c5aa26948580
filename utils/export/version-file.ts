/**
 * A stored version of an article as a file of its own, readable anywhere and without Gloss:
 * - HTML: one self-contained page (styles inline, nothing linked but the article's own links): a
 *   header with the title, outlet, byline, dates, source and the version's fingerprint; the
 *   article as Gloss keeps it, cleaned once more (sanitize.ts: no script, style, handler, frame,
 *   form or remote image; images stay links with their alt text); then the reader's notes. Its
 *   own policy (`default-src 'none'`) stops anything the file could still try in a browser.
 * - Markdown: the same header, the text by paragraph (page text escaped, as markdown.ts does for
 *   quotes), and the notes as blockquotes with the note and tags.
 * Notes are those of the article: the ones found in this version in text order, then those not
 * found in it, said so.
 */
import { anchorAll } from '../anchoring/anchor-all';
import type { AnnotationRecord } from '../anchoring/annotation';
import { sanitizeArticle, IMAGE_ATTR } from '../versions/sanitize';
import type { VersionContent, VersionRecord } from '../versions/version';
import { stripBidiControls } from './bidi';
import { chicagoReference } from './cite';
import { annotationBlock, textLine } from './markdown';

const escapeHtml = (text: string) =>
  stripBidiControls(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The notes of the article, found in this version (text order) and not. */
function notesOf(annotations: readonly AnnotationRecord[], text: string) {
  const { placed, orphans } = anchorAll(annotations, text);
  return { found: placed.map((p) => p.annotation), missing: orphans };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A name for the file: the title's words, the day it was read, the extension. */
export function versionFileName(version: VersionRecord, extension: 'html' | 'md' | 'csl.json'): string {
  const words = (version.title || 'article')
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${words || 'article'}-${isoDay(version.firstSeenAt)}.${extension}`;
}

const STYLE = `body{max-width:44rem;margin:2rem auto;padding:0 1rem;font:1.05rem/1.6 Georgia,serif;color:#1d1d1b;background:#fdfcf8}
header,footer,.notes{font-family:system-ui,sans-serif;font-size:.9rem}.meta{color:#5d5d57}h1{line-height:1.25}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #e4e0d6}.note{white-space:pre-wrap}
[${IMAGE_ATTR}]::before{content:'[Image: ' attr(${IMAGE_ATTR}) ']';font:.85rem system-ui,sans-serif}`;

function htmlNote(annotation: AnnotationRecord): string {
  const tags = annotation.tags.length ? `<p class="meta">${escapeHtml(annotation.tags.map((tag) => `#${tag}`).join(' '))}</p>` : '';
  const note = annotation.note ? `<p class="note">${escapeHtml(annotation.note)}</p>` : '';
  return `<li><blockquote>${escapeHtml(annotation.quote.exact)}</blockquote>${note}${tags}</li>`;
}

/** The version as one self-contained HTML page. `win` is a window DOMPurify works in (sanitize.ts). */
export function versionHtml(version: VersionRecord, content: VersionContent, annotations: readonly AnnotationRecord[], win?: Window): string {
  const { found, missing } = notesOf(annotations, content.text);
  const meta = [version.siteName, version.byline, version.publishedTime && `Published ${version.publishedTime}`, version.modifiedTime && `Updated ${version.modifiedTime}`]
    .filter(Boolean)
    .map((part) => escapeHtml(part as string))
    .join(' · ');
  const url = /^https?:/i.test(version.url) ? version.url : '';
  const notes =
    found.length || missing.length
      ? `<section class="notes"><h2>Notes</h2><ol>${found.map(htmlNote).join('')}</ol>${
          missing.length ? `<h3>Not found in this version</h3><ol>${missing.map(htmlNote).join('')}</ol>` : ''
        }</section>`
      : '';
  return `<!doctype html>
<html lang="${escapeHtml(version.lang ?? 'und')}"${version.dir ? ` dir="${version.dir}"` : ''}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Gloss">
<title>${escapeHtml(version.title || 'Untitled article')}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="meta">${meta}</p>
<h1>${escapeHtml(version.title || 'Untitled article')}</h1>
<p class="meta">Source: ${url ? `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>` : 'unknown'}</p>
<p class="meta">Read ${escapeHtml(new Date(version.firstSeenAt).toISOString())} (this text until ${escapeHtml(new Date(version.lastSeenAt).toISOString())}). SHA-256 of its text: <code>${version.hash}</code></p>
</header>
<main>
${sanitizeArticle(content.html, win)}
</main>
${notes}
<footer><p>Cite: ${escapeHtml(chicagoReference(version))}</p><p>Kept and exported by Gloss.</p></footer>
</body>
</html>
`;
}

/** The version as Markdown: a header, the text by paragraph, the notes. */
export function versionMarkdown(version: VersionRecord, content: VersionContent, annotations: readonly AnnotationRecord[]): string {
  const { found, missing } = notesOf(annotations, content.text);
  const lines = [`# ${textLine(version.title || 'Untitled article')}`, '', `<${version.url.replace(/[<>\s{}]/g, encodeURIComponent)}>`, ''];
  const meta = [version.siteName, version.byline, version.publishedTime && `published ${version.publishedTime}`].filter(Boolean).join(' · ');
  if (meta) lines.push(textLine(meta), '');
  lines.push(textLine(`Read ${new Date(version.firstSeenAt).toISOString()}, SHA-256 ${version.hash}`), '', '---', '');
  for (const paragraph of content.text.split('\n')) if (paragraph.trim()) lines.push(textLine(paragraph), '');
  if (found.length || missing.length) {
    lines.push('---', '', '## Notes', '');
    for (const annotation of found) lines.push(...annotationBlock(annotation), '');
    if (missing.length) {
      lines.push('### Not found in this version', '');
      for (const annotation of missing) lines.push(...annotationBlock(annotation), '');
    }
  }
  lines.push('---', '', textLine(`Cite: ${chicagoReference(version)}`), '');
  return lines.join('\n');
}
