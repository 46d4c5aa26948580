import { describe, expect, it } from 'vitest';
import { decodeWatchlistFile, MAX_WATCHLIST_FILE_BYTES, parseWatchlistText, readWatchlistFile } from '@/utils/entities/watchlist-text';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('entities/watchlist-text', () => {
  it('reads one term per line with aliases after | or ;, skipping blanks and comments', () => {
    const { entries, problems } = parseWatchlistText(
      '# Sanctions\r\nmaximum pressure\r\n\r\nsnapback | snap-back |  snap back \nKorea, Republic of; South Korea;ROK\r"Hermit Kingdom"\n',
    );
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { line: 2, entry: { term: 'maximum pressure' } },
      { line: 4, entry: { term: 'snapback', aliases: ['snap-back', 'snap back'] } },
      { line: 5, entry: { term: 'Korea, Republic of', aliases: ['South Korea', 'ROK'] } },
      { line: 6, entry: { term: 'Hermit Kingdom' } },
    ]);
  });

  it('drops empty and repeated aliases, reports a repeated term and a line with no term', () => {
    const { entries, problems } = parseWatchlistText('snapback | | Snapback | snap-back | snap-back\nSNAPBACK\n | orphan alias');
    expect(entries).toEqual([{ line: 1, entry: { term: 'snapback', aliases: ['snap-back'] } }]);
    expect(problems).toEqual(['Line 2 repeats "SNAPBACK" from line 1', 'Line 3 has no term before its aliases']);
  });

  it('keeps the usable terms of a file and reports the others by line', () => {
    const long = 'x'.repeat(201);
    const result = readWatchlistFile(utf8(`\uFEFFmaximum pressure\n${long}\n---\nsnapback|snap-back\nsnapback`));
    expect(result).toEqual({
      ok: true,
      terms: [{ term: 'maximum pressure' }, { term: 'snapback', aliases: ['snap-back'] }],
      problems: ['Line 2 has a term longer than 200 characters', 'Line 3: "---" has no words', 'Line 5 repeats "snapback" from line 4'],
    });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...[...'Kaesong|Gaeseong'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(readWatchlistFile(bytes)).toMatchObject({ ok: true, terms: [{ term: 'Kaesong', aliases: ['Gaeseong'] }] });
  });

  it('refuses a file that is too large before reading it', () => {
    const result = decodeWatchlistFile(new Uint8Array(10 * 1024 * 1024));
    expect(result).toEqual({ ok: false, error: 'This file is 10 MB; a watchlist file may be at most 5 MB.' });
    expect(decodeWatchlistFile(new Uint8Array(MAX_WATCHLIST_FILE_BYTES).fill(0x61)).ok).toBe(true);
  });

  it('refuses binary files: invalid UTF-8, and valid UTF-8 full of control codes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xd8]);
    expect(readWatchlistFile(png)).toEqual({ ok: false, error: expect.stringContaining('not text') });
    expect(readWatchlistFile(utf8('term\u0000\u0001\u0002'))).toEqual({ ok: false, error: expect.stringContaining('control codes') });
  });

  it('refuses more terms than a watchlist holds', () => {
    const lines = Array.from({ length: 100_001 }, (_, i) => `t${i}`).join('\n');
    expect(readWatchlistFile(utf8(lines))).toEqual({ ok: false, error: 'This file has 100,001 terms; a watchlist holds at most 100,000.' });
  });

  it('finds nothing in an empty file or one of comments', () => {
    expect(readWatchlistFile(utf8(''))).toEqual({ ok: true, terms: [], problems: [] });
    expect(readWatchlistFile(utf8('# nothing yet\n\n'))).toEqual({ ok: true, terms: [], problems: [] });
  });
});
