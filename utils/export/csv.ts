/**
 * Annotations as CSV for a spreadsheet: a header row, then one row per annotation in the order
 * of the other exports (articles newest first, passages in text order). Fields are quoted as
 * RFC 4180 says (a field holding a quote, comma or line break is wrapped in quotes, its quotes
 * doubled) and rows end in CRLF. The `url` column is the article's id, its normalized address
 * (no tracking parameters), the one link that finds the article again; times are ISO 8601 UTC.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return
 * before one) as a formula, and a quote or note from a web page could carry one ("CSV
 * injection"): such a text cell gets a leading apostrophe, which the spreadsheet shows as text.
 * The cost is an apostrophe in front of, say, a quote starting with "-" when the file is read by
 * a program instead; numbers are never changed. Bidi embedding, override and isolate controls are
 * taken out of every text cell first (bidi.ts), so a cell cannot show in another order than it
 * reads, nor hide a formula's `=` behind one.
 */
import type { AnnotationRecord } from '../anchoring/annotation';
import type { ArticleRecord } from '../article/types';
import { csvTable } from './csv-field';
import { groupByArticle } from './order';
import { xsdDateTime } from './w3c-values';

export { csvField, csvTable, defuseFormula } from './csv-field';

export const CSV_COLUMNS = [
  'id', 'article title', 'url', 'outlet', 'published', 'quote', 'prefix', 'suffix',
  'start', 'end', 'color', 'note', 'tags', 'created', 'updated',
] as const;

/** What separates the tags in the one `tags` cell. */
export const CSV_TAG_SEPARATOR = '; ';

/** The annotations as CSV; `bom` starts it with the byte-order mark Excel needs to read UTF-8. */
export function exportCsv(annotations: readonly AnnotationRecord[], articles: readonly ArticleRecord[], { bom = false } = {}): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const { articleId, article, annotations: group } of groupByArticle(annotations, articles)) {
    for (const annotation of group) {
      rows.push([
        annotation.id,
        article?.title ?? '',
        articleId,
        article?.siteName ?? '',
        article?.publishedTime ?? '',
        annotation.quote.exact,
        annotation.quote.prefix,
        annotation.quote.suffix,
        annotation.position.start,
        annotation.position.end,
        annotation.color,
        annotation.note,
        annotation.tags.join(CSV_TAG_SEPARATOR),
        xsdDateTime(annotation.createdAt),
        xsdDateTime(annotation.updatedAt),
      ]);
    }
  }
  return csvTable(rows, { bom });
}
