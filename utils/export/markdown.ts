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
 * quote reads as it did on the page. The note is the reader's Markdown and stays as written,
 * except what would break the document around it: a heading (it would read as a new article),
 * a setext underline, a code fence or an HTML block left open (either would swallow every
 * article after it).
 */
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';
import { groupByArticle, type ArticleGroup } from './order';

/** Page text with the characters that mean something in (Obsidian's) Markdown escaped. */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~$&]/g, '\\$&')
    .replace(/==/g, '\\=\\=')
    .replace(/%%/g, '\\%\\%');
}

/** One line of page text: escaped, and not read as a list item or a heading's underline. */
function textLine(line: string): string {
  const escaped = escapeText(line.trim());
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
// HTML blocks that end only at their closing tag (CommonMark kinds 1-5), not at a blank line.
const OPEN_ENDED_HTML = /^ {0,3}<(?:pre|script|style|textarea)(?:\s|>|$)|^ {0,3}<(?:!--|\?|![A-Za-z]|!\[CDATA\[)/i;

/** The reader's note, kept as written but unable to break the document around it. */
export function containNote(note: string): string {
  const lines = note.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  let previousBlank = true;
  for (const line of lines) {
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      // Inside a code block nothing is Markdown: only the closing fence matters.
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && !fenceMatch[2]!.trim()) fence = null;
      out.push(line);
      continue;
    }
    if (fenceMatch && !(fenceMatch[1]![0] === '`' && fenceMatch[2]!.includes('`'))) {
      fence = fenceMatch[1]!;
      out.push(line);
    } else if (/^ {0,3}#{1,6}(\s|$)/.test(line)) {
      out.push(line.replace('#', '\\#'));
    } else if (!previousBlank && /^ {0,3}(=+|-+)\s*$/.test(line)) {
      out.push(line.replace(/[=-]/, '\\$&'));
    } else if (OPEN_ENDED_HTML.test(line)) {
      out.push(line.replace('<', '\\<'));
    } else {
      out.push(line);
    }
    previousBlank = !line.trim();
  }
  if (fence) out.push(fence);
  return out.join('\n');
}

function articleHeader({ articleId, article }: ArticleGroup): string[] {
  const title = oneLine(article?.title ?? '') || articleId;
  const lines = [`## ${escapeText(oneLine(title))}`, '', `<${articleId.replace(/[<>\s]/g, encodeURIComponent)}>`];
  const published = article?.publishedTime ? oneLine(article.publishedTime) : '';
  const date = /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : published;
  const byline = [article?.siteName ? oneLine(article.siteName) : '', date].filter(Boolean).join(' · ');
  if (byline) lines.push(textLine(byline));
  return lines;
}

function annotationBlock(annotation: AnnotationRecord): string[] {
  const quote = annotation.quote.exact.replace(/\r\n?/g, '\n').split('\n');
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
