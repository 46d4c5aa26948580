/**
 * Annotations as Markdown, the form an Obsidian or Logseq reader pastes into their notes: for
 * each article a `## Title`, its link, its outlet and date, then each passage as a blockquote,
 * followed by the reader's note (their own light Markdown, kept as written) and the tags.
 *
 * Tags are written in the one form both tools read as a tag: `#word`, no spaces and no
 * punctuation but `_` and `-`. Logseq's `#[[two words]]` would keep a tag whole, but Obsidian
 * shows it as a stray link; so white space and punctuation become hyphens instead ("self
 * reliance" → `#self-reliance`, "a,b" → `#a-b`, "<b>x</b>" → `#b-x-b`), `/` included, which
 * Obsidian would read as a nested tag. A tag with nothing left ("???") has no such form and is
 * left out here; the backup and the CSV keep every tag exactly.
 *
 * Titles, quotes and the outlet are page text: Markdown's characters in them are escaped, so a
 * quote reads as it did on the page and a page cannot write syntax into the reader's vault:
 * HTML, `#tags`, `[[links]]`, `^block` ids, Obsidian's `==marks==` and `%%comments%%`, Logseq's
 * `{{macros}}` (which embed and run queries), `((block refs))` and `key:: value` properties.
 *
 * The note is the reader's Markdown (as Gloss reads it: no HTML, tags and entities are literal
 * text) and stays as written, except what would break the document around it or act in the
 * reader's notes app: a heading (it would read as a new article), a setext underline, a code
 * fence left open (it would swallow every article after it), `<` and `&` (HTML and character
 * references, which Gloss shows as text), and `{{` (a Logseq macro). `{{` is escaped in fenced
 * code too, and all three in inline code, where the backslash shows: Logseq is known to read its
 * own syntax inside code (logseq/logseq#1427, #2346), and telling a code span from text across
 * lines is where Markdown dialects part. The reader's own `[[links]]` and `#tags` stay.
 *
 * Bidi embedding, override and isolate controls are taken out of everything (bidi.ts).
 */
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';
import { stripBidiControls } from './bidi';
import { groupByArticle, type ArticleGroup } from './order';

const escapeEach = (run: string) => run.replace(/[^]/g, '\\$&');

/** Page text without bidi controls, with the characters that mean something in Obsidian's or Logseq's Markdown escaped. */
function escapeText(text: string): string {
  return stripBidiControls(text)
    .replace(/[\\`*_[\]<>#|~$&^]/g, '\\$&')
    .replace(/==+|%%+|\{\{+|\}\}+|\(\(+|\)\)+|::+/g, escapeEach);
}

/** A line of the reader's note outside code: HTML and character references shown as text, no Logseq macro. */
const noteText = (line: string) => line.replace(/[<&]/g, '\\$&').replace(/\{\{+/g, escapeEach);

/** One line of page text: escaped, and not read as a list item or a heading's underline. */
export function textLine(line: string): string {
  // Controls first: one in front of four spaces would hide an indented code block from the trim.
  const escaped = escapeText(stripBidiControls(line).trim());
  return escaped
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The tag as Obsidian and Logseq both read it, without the `#`; null when nothing is left. */
export function markdownTag(tag: string): string | null {
  const slug = tag
    .replace(/[^\p{L}\p{M}\p{N}\p{So}\u200d_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? slug : null;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// Line breaks as any of the reader's apps may take them (CodeMirror also breaks at U+2028/2029).
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;

/** The reader's note, kept as written but unable to break the document around it. */
export function containNote(note: string): string {
  const lines = stripBidiControls(note).replace(LINE_BREAK, '\n').split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  let previousBlank = true;
  for (const line of lines) {
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      // Inside a code block nothing is Markdown: only the closing fence matters.
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && !fenceMatch[2]!.trim()) fence = null;
      out.push(line.replace(/\{\{+/g, escapeEach));
      continue;
    }
    if (fenceMatch && !(fenceMatch[1]![0] === '`' && fenceMatch[2]!.includes('`'))) {
      fence = fenceMatch[1]!;
      out.push(line.replace(/\{\{+/g, escapeEach));
    } else if (/^ {0,3}#{1,6}(\s|$)/.test(line)) {
      out.push(noteText(line).replace('#', '\\#'));
    } else if (!previousBlank && /^ {0,3}(=+|-+)\s*$/.test(line)) {
      out.push(line.replace(/[=-]/, '\\$&'));
    } else {
      out.push(noteText(line));
    }
    previousBlank = !line.trim();
  }
  if (fence) out.push(fence);
  return out.join('\n');
}

function articleHeader({ articleId, article }: ArticleGroup): string[] {
  const title = oneLine(article?.title ?? '') || articleId;
  // The address is a normalized URL; braces may stay in its query, where Logseq would read a macro.
  const lines = [`## ${escapeText(oneLine(title))}`, '', `<${articleId.replace(/[<>\s{}]/g, encodeURIComponent)}>`];
  const published = article?.publishedTime ? oneLine(article.publishedTime) : '';
  const date = /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : published;
  const byline = [article?.siteName ? oneLine(article.siteName) : '', date].filter(Boolean).join(' · ');
  if (byline) lines.push(textLine(byline));
  return lines;
}

/** A passage as a blockquote, then the reader's note (contained) and tags. */
export function annotationBlock(annotation: AnnotationRecord): string[] {
  const quote = annotation.quote.exact.replace(LINE_BREAK, '\n').split('\n');
  const lines = quote.map((line) => (line.trim() ? `> ${textLine(line)}` : '>'));
  // Blank lines around the note go; its first line keeps its indent (four spaces make code).
  const note = annotation.note.replace(/^(?:[ \t]*(?:\r\n?|\n))+/, '').trimEnd();
  if (note) lines.push('', containNote(note));
  const tags = [...new Set(annotation.tags.map(markdownTag).filter((tag) => tag !== null))];
  if (tags.length) lines.push('', tags.map((tag) => `#${tag}`).join(' '));
  return lines;
}

/** The annotations as Markdown, grouped per article: articles newest first, passages in text order. */
export function exportMarkdown(annotations: readonly AnnotationRecord[], articles: readonly ArticleRecord[]): string {
  const blocks = groupByArticle(annotations, articles).map((group) =>
    [...articleHeader(group), ...group.annotations.flatMap((annotation) => ['', ...annotationBlock(annotation)])].join('\n'),
  );
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}
