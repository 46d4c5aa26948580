/**
 * CSV fields and tables as RFC 4180 writes them, made safe to open in a spreadsheet (the rules are
 * explained in csv.ts). Apart from the notes' export so that a page writing a table of its own
 * (the library page) loads these few lines, not the exports.
 */
import { stripBidiControls } from './bidi';

/** A text cell made safe to open in a spreadsheet (see csv.ts). */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field as RFC 4180 writes it. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : defuseFormula(stripBidiControls(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Any table as CSV (a header row first); `bom` starts it with the byte-order mark Excel needs to read UTF-8. */
export function csvTable(rows: readonly (readonly (string | number)[])[], { bom = false } = {}): string {
  return `${bom ? '\ufeff' : ''}${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
