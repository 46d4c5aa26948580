/**
 * Watchlists as plain text: how the popup imports a list kept elsewhere (a .txt or .csv file).
 *
 * The format, one entry per line:
 *
 *     # Sanctions, as the wire services spell them
 *     maximum pressure
 *     snapback | snap-back | snap back
 *     Korea, Republic of; South Korea; ROK
 *
 * - The term ends at the first `|` or `;`; what follows are its aliases, separated by `|` or `;`.
 *   Commas are part of the text ("Korea, Republic of"), so a comma-separated file is one term per
 *   line, not a term and aliases.
 * - Spaces around a term or alias are dropped, and so are double quotes around the whole of one
 *   (as spreadsheets write them). Empty aliases are dropped.
 * - Blank lines and lines starting with `#` are skipped.
 * - A term that repeats an earlier one (ignoring case) is reported and left out.
 * - Lines end in LF, CRLF or CR. The file is UTF-8 (a byte-order mark is skipped), or UTF-16
 *   with a byte-order mark. No notes: the popup adds them once the list is imported.
 *
 * Everything else about an entry (length, words) is checked as for any watchlist (watchlist.ts),
 * and reported by line.
 */
import type { TermEntry } from './term-lists';
import { checkTerms, MAX_WATCHLIST_TERMS } from './watchlist';
import { formatCount } from '../text/count';

/** The largest file read: far above 100,000 terms with aliases, far below what would stall the popup. */
export const MAX_WATCHLIST_FILE_BYTES = 5 * 1024 * 1024;

export type WatchlistFileResult = { ok: true; terms: TermEntry[]; problems: string[] } | { ok: false; error: string };

/** The file's text, or why it is not a text file Gloss reads. */
export function decodeWatchlistFile(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if (bytes.length > MAX_WATCHLIST_FILE_BYTES) {
    return { ok: false, error: `This file is ${megabytes(bytes.length)}; a watchlist file may be at most ${megabytes(MAX_WATCHLIST_FILE_BYTES)}.` };
  }
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    // The decoder skips the byte-order mark of its encoding.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'This file is not text (or not in UTF-8): save it as plain UTF-8 text and try again.' };
  }
  // Valid UTF-8 can still be binary: text files have no NULs and hardly any other control codes.
  // eslint-disable-next-line no-control-regex -- finding control codes is the point
  if (/[\0-\x08\x0e-\x1a\x1c-\x1f]/.test(text)) {
    return { ok: false, error: 'This file is not text: it holds control codes that plain text does not.' };
  }
  return { ok: true, text };
}

/** The entries of `text`, each with its line number (from 1), and the problems found by line. */
export function parseWatchlistText(text: string): { entries: { line: number; entry: TermEntry }[]; problems: string[] } {
  const entries: { line: number; entry: TermEntry }[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const [term = '', ...rest] = trimmed.split(/[|;]/).map(unquote);
    if (!term) {
      problems.push(`Line ${line} has no term before its aliases`);
      return;
    }
    const key = term.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`Line ${line} repeats "${term}" from line ${first}`);
      return;
    }
    seen.set(key, line);
    const aliases = [...new Set(rest.filter((alias) => alias && alias.toLowerCase() !== key))];
    entries.push({ line, entry: aliases.length ? { term, aliases } : { term } });
  });
  return { entries, problems };
}

/**
 * What importing `bytes` would save: the usable terms, and every problem by line. Nothing is
 * usable from a file that is too large, not text, or holds more terms than a watchlist may.
 */
export function readWatchlistFile(bytes: Uint8Array): WatchlistFileResult {
  const decoded = decodeWatchlistFile(bytes);
  if (!decoded.ok) return decoded;
  const { entries, problems } = parseWatchlistText(decoded.text);
  if (entries.length > MAX_WATCHLIST_TERMS) {
    return { ok: false, error: `This file has ${formatCount(entries.length)} terms; a watchlist holds at most ${formatCount(MAX_WATCHLIST_TERMS)}.` };
  }
  const name = 'import';
  const checked = checkTerms(name, entries.map((e) => e.entry));
  // checkTerms says "Entry <n> of "<list>" …": say which line instead.
  const byLine = checked.problems.map(({ index, message }) => {
    const line = entries[index]?.line ?? index + 1;
    const prefix = `Entry ${index + 1} of "${name}"`;
    return message.startsWith(prefix) ? `Line ${line}${message.slice(prefix.length)}` : `Line ${line}: ${message}`;
  });
  return { ok: true, terms: checked.kept, problems: [...problems, ...byLine].sort(byLineNumber) };
}

const unquote = (piece: string) => piece.trim().replace(/^"(.*)"$/, '$1').replace(/""/g, '"').trim();

const lineNumber = (problem: string) => Number(/^Line (\d+)/.exec(problem)?.[1] ?? 0);
const byLineNumber = (a: string, b: string) => lineNumber(a) - lineNumber(b);

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
