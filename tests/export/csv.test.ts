import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, defuseFormula, exportCsv } from '@/utils/export/csv';
import { groupByArticle } from '@/utils/export/order';
import { randomLibrary, sampleLibrary } from '../support/library';

/** A strict RFC 4180 reader: a quote inside an unquoted field, or a bare line break, is an error. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') {
        field += c;
      } else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
      }
    } else if (c === '"') {
      if (field || wasQuoted) throw new Error(`A quote inside an unquoted field at ${i}`);
      quoted = wasQuoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      wasQuoted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`A bare line break at ${i}`);
    } else {
      if (wasQuoted) throw new Error(`Text after a closing quote at ${i}`);
      field += c;
    }
  }
  if (quoted) throw new Error('A quoted field is never closed');
  if (field || row.length) throw new Error('The last row has no CRLF');
  return rows;
}

describe('export/csv', () => {
  it('writes a header and one row per annotation, in the order of the other exports', () => {
    const { annotations, articles } = sampleLibrary();
    const rows = readCsv(exportCsv(annotations, articles));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((row) => row[0])).toEqual([
      '00000000-0000-4000-8000-000000000002',
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000003',
      '00000000-0000-4000-8000-000000000004',
    ]);
    expect(rows[2]).toEqual([
      '00000000-0000-4000-8000-000000000001',
      'Kim’s speech in *Songchon* #1',
      'https://news.example/2024/kim-speech',
      'KCNA Watch',
      '2024-03-01T09:00:00+09:00',
      'made a speech',
      'before ',
      ' after',
      '50',
      '63',
      'green',
      'First **public** speech.\n\n## Not a heading',
      'speech; self reliance; a,b; #a; <b>x</b>',
      '2024-03-01T12:00:00.000Z',
      '2024-03-02T12:00:00.000Z',
    ]);
    expect(rows[4]!.slice(1, 5)).toEqual(['', 'https://gone.example/no-record', '', '']);
  });

  it('quotes fields with quotes, commas and line breaks as RFC 4180 says, and ends rows in CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField(12)).toBe('12');
    const { annotations, articles } = sampleLibrary();
    expect(exportCsv(annotations, articles)).toMatch(/^id,article title,url,outlet,published,quote,prefix,suffix,start,end,color,note,tags,created,updated\r\n/);
    expect(exportCsv(annotations, articles).endsWith('\r\n')).toBe(true);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(defuseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['1+1', 'a=b', ' =1', '']) expect(defuseFormula(cell)).toBe(cell);
    const { annotations, articles } = sampleLibrary();
    const rows = readCsv(exportCsv(annotations, articles));
    expect(rows[3]![5]).toBe('\'=HYPERLINK("http://evil.example")');
  });

  it('takes bidi embedding, override and isolate controls out of every text cell, then defuses what is left', () => {
    const { annotations, articles } = sampleLibrary();
    const hostile = { ...annotations[0]!, note: '\u202e=cmd|calc', quote: { ...annotations[0]!.quote, exact: 'a\u2066b\u2069c \u200fkept' } };
    const text = exportCsv([hostile], [{ ...articles[0]!, title: 'Title\u202e reversed', siteName: '\u202bOutlet\u202c' }]);
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    const row = readCsv(text)[1]!;
    expect([row[1], row[3], row[5], row[11]]).toEqual(['Title reversed', 'Outlet', 'abc \u200fkept', "'=cmd|calc"]);
  });

  it('puts a byte-order mark first only when asked (for Excel)', () => {
    const { annotations, articles } = sampleLibrary();
    expect(exportCsv(annotations, articles).startsWith('id,')).toBe(true);
    expect(exportCsv(annotations, articles, { bom: true }).startsWith('\ufeffid,')).toBe(true);
  });

  it('reads back field for field on random libraries (unicode, quotes, commas, line breaks, formulas)', () => {
    const { annotations, articles } = randomLibrary(11, { articles: 50, annotations: 500, watchlists: 0 });
    const rows = readCsv(exportCsv(annotations, articles));
    const ordered = groupByArticle(annotations, articles).flatMap((group) => group.annotations.map((a) => ({ a, article: group.article })));
    expect(rows.length).toBe(annotations.length + 1);
    ordered.forEach(({ a, article }, i) => {
      const row = rows[i + 1]!;
      expect(row.length).toBe(CSV_COLUMNS.length);
      expect(row).toEqual(
        [
          a.id, article?.title ?? '', a.articleId, article?.siteName ?? '', article?.publishedTime ?? '',
          a.quote.exact, a.quote.prefix, a.quote.suffix, String(a.position.start), String(a.position.end), a.color,
          a.note, a.tags.join('; '), new Date(a.createdAt).toISOString(), new Date(a.updatedAt).toISOString(),
        ].map((cell, column) => (column === 8 || column === 9 ? cell : defuseFormula(cell.replace(/[\u202a-\u202e\u2066-\u2069]/g, '')))),
      );
    });
  });
});
