/**
 * The reader's notes: plain text with a little Markdown, parsed here into a typed tree that the UI
 * renders node by node. Nothing in a note is ever HTML: tags and entities are literal text, and a
 * link survives only with an http(s) or mailto URL. The parser is hand-written (no regular
 * expression walks the note) and runs in linear time, give or take a binary search, on any
 * input; nesting and the number of inline elements are capped, so a hostile or huge note can
 * stall neither the parser nor the page that renders it.
 *
 * Blocks: paragraphs (a line break is kept as a break), `- ` / `* ` bullet lists, `1. ` numbered
 * lists (items do not nest), `> ` block quotes. Inline: `**strong**`, `*em*` / `_em_`, `` `code` ``,
 * `[label](url)`, bare http(s) URLs, and backslash escapes of ASCII punctuation.
 */

export type NoteInline =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'strong'; children: NoteInline[] }
  | { type: 'em'; children: NoteInline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: NoteInline[] };

export type NoteBlock =
  | { type: 'paragraph'; children: NoteInline[] }
  | { type: 'list'; ordered: boolean; /** The first item's number (1 for bullets). */ start: number; items: NoteInline[][] }
  | { type: 'quote'; children: NoteBlock[] };

/** Block quotes deeper than this are text: `> > > > > x` quotes four times, then shows `> x`. */
export const MAX_QUOTE_DEPTH = 4;
/** Strong, em and link elements nest at most this deep; markers past it stay literal. */
export const MAX_INLINE_DEPTH = 5;
/** Longer URLs are not links (and are never handed to the URL parser). */
export const MAX_URL_LENGTH = 8192;
/** A note makes at most this many strong, em, code and link elements; markup past it stays text. */
export const MAX_INLINE_ELEMENTS = 10_000;

/** What is left of a note's element allowance, shared by all its blocks. */
interface Budget {
  elements: number;
}

/** The note as blocks of inline nodes; an empty or blank note has none. */
export function parseNote(text: string): NoteBlock[] {
  if (text.trim() === '') return [];
  return parseBlocks(text.split(/\r\n?|\n/), 0, { elements: MAX_INLINE_ELEMENTS });
}

/** One line of plain text from the note, markup stripped, at most `max` characters (ending in … when cut). */
export function noteSummary(text: string, max: number): string {
  if (!(max > 0)) return '';
  // A summary needs only the note's start; cut at a line end so a construct is rarely split.
  const limit = Math.floor(max) * 4 + 1024;
  let source = text;
  if (source.length > limit) {
    const lineEnd = source.lastIndexOf('\n', limit);
    source = source.slice(0, lineEnd > max ? lineEnd : limit);
  }
  const plain = blocksText(parseNote(source)).replace(/\s+/g, ' ').trim();
  return truncate(plain, Math.floor(max), source.length < text.length);
}

/** The href a link may carry: an absolute http(s) URL with a host or a mailto URL, normalised; otherwise null. */
export function safeHref(raw: string): string | null {
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH || hasUnsafeChar(raw)) return null;
  const scheme = /^([a-z][a-z0-9+.-]{0,31}):/i.exec(raw);
  const name = scheme?.[1]?.toLowerCase();
  if (!scheme || !name) return null;
  const rest = raw.slice(scheme[0].length);
  if (name === 'http' || name === 'https') {
    if (!rest.startsWith('//')) return null;
  } else if (name !== 'mailto' || rest.length === 0) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${name}:`) return null;
  if (name !== 'mailto' && url.hostname === '') return null;
  return url.href;
}

// ---------------------------------------------------------------------------------------------
// Blocks

function parseBlocks(lines: string[], depth: number, budget: Budget): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (depth < MAX_QUOTE_DEPTH && quoteMarker(line) >= 0) {
      const inner: string[] = [];
      for (let at = quoteMarker(lines[i] ?? ''); i < lines.length && at >= 0; at = quoteMarker(lines[i] ?? '')) {
        inner.push(lines[i]!.slice(at));
        i++;
      }
      blocks.push({ type: 'quote', children: parseBlocks(inner, depth + 1, budget) });
      continue;
    }
    const first = listMarker(line);
    if (first) {
      const items: string[][] = [];
      while (i < lines.length) {
        const current = lines[i]!;
        const marker = listMarker(current);
        if (marker && marker.ordered === first.ordered) {
          items.push([current.slice(marker.length).trim()]);
        } else if (!marker && isContinuation(current, depth)) {
          items[items.length - 1]!.push(current.trim());
        } else {
          break;
        }
        i++;
      }
      blocks.push({
        type: 'list',
        ordered: first.ordered,
        start: first.start,
        items: items.map((item) => parseInline(item.join('\n'), 0, true, budget)),
      });
      continue;
    }
    const paragraph: string[] = [line.trim()];
    for (i++; i < lines.length && !isBlank(lines[i]!) && !interrupts(lines[i]!, depth); i++) paragraph.push(lines[i]!.trim());
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n'), 0, true, budget) });
  }
  return blocks;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Up to three spaces of indent, as Markdown allows before a marker. */
function indentOf(line: string): number {
  let n = 0;
  while (n < 4 && line.charCodeAt(n) === 0x20) n++;
  return n;
}

/** Where a quoted line's content starts (after `>` and one space), or -1 if it is not quoted. */
function quoteMarker(line: string): number {
  const at = indentOf(line);
  if (at > 3 || line.charCodeAt(at) !== 0x3e) return -1;
  const next = line.charCodeAt(at + 1);
  return next === 0x20 || next === 0x09 ? at + 2 : at + 1;
}

interface ListMarker {
  ordered: boolean;
  start: number;
  /** Characters up to the item's text. */
  length: number;
}

function listMarker(line: string): ListMarker | null {
  const at = indentOf(line);
  if (at > 3) return null;
  let end: number;
  let ordered = false;
  let start = 1;
  const c = line.charCodeAt(at);
  if (c === 0x2d || c === 0x2a) {
    end = at + 1;
  } else {
    end = at;
    while (end - at < 9 && isDigit(line.charCodeAt(end))) end++;
    const after = line.charCodeAt(end);
    if (end === at || (after !== 0x2e && after !== 0x29)) return null;
    ordered = true;
    start = Number(line.slice(at, end));
    end++;
  }
  const gap = line.charCodeAt(end);
  if (end < line.length && gap !== 0x20 && gap !== 0x09) return null;
  return { ordered, start, length: end };
}

/** An indented line under a list item continues it. */
function isContinuation(line: string, depth: number): boolean {
  const c = line.charCodeAt(0);
  return (c === 0x20 || c === 0x09) && !isBlank(line) && !(depth < MAX_QUOTE_DEPTH && quoteMarker(line) >= 0);
}

/** Whether a line ends the paragraph above it: a quote, a bullet, or a numbered list from 1. */
function interrupts(line: string, depth: number): boolean {
  if (depth < MAX_QUOTE_DEPTH && quoteMarker(line) >= 0) return true;
  const marker = listMarker(line);
  return marker !== null && (!marker.ordered || marker.start === 1);
}

// ---------------------------------------------------------------------------------------------
// Inline: one left-to-right scan into atoms. Code spans, links and bare URLs are whole atoms
// (markers inside them are theirs); emphasis runs are paired as they come, each closing run
// with the nearest open runs of its character, one or two characters at a time (so `**a *b***`
// and `***a** b*` both nest). Runs opened in between are dropped, so pairs always nest, and every
// run is pushed and popped at most once. Then the atoms become the tree.

type Atom =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'code'; text: string; raw: string }
  | { kind: 'link'; label: string; href: string; raw: string }
  | { kind: 'url'; href: string; raw: string }
  /** An emphasis run of 1 (em) or 2 (strong) characters; an opener knows its closer's index. */
  | { kind: 'delim'; char: '*' | '_'; length: 1 | 2; closer: number };

function parseInline(source: string, depth: number, links: boolean, budget: Budget): NoteInline[] {
  const atoms = scan(source, links);
  return build(atoms, 0, atoms.length, depth, budget);
}

const BACKTICK = 0x60;
const ESCAPABLE = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

function scan(src: string, links: boolean): Atom[] {
  const atoms: Atom[] = [];
  let text = '';
  const push = (atom: Atom) => {
    if (text) atoms.push({ kind: 'text', text });
    text = '';
    return atoms.push(atom) - 1;
  };
  // Open emphasis runs, by index in `atoms`: `*` of length 1 and 2, then `_` of length 1 and 2.
  const open: number[][] = [[], [], [], []];
  let ticks: Map<number, number[]> | undefined;
  const nextOf = forwardFinder(src);
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 0x5c) {
      // Backslash escape.
      const next = src.charAt(i + 1);
      if (next && ESCAPABLE.includes(next)) {
        text += next;
        i += 2;
      } else {
        text += '\\';
        i++;
      }
    } else if (c === BACKTICK) {
      let end = i;
      while (src.charCodeAt(end) === BACKTICK) end++;
      ticks ??= backtickRuns(src);
      const close = closingRun(ticks, end - i, end);
      if (close < 0) {
        text += src.slice(i, end);
        i = end;
      } else {
        push({ kind: 'code', text: codeText(src.slice(end, close)), raw: src.slice(i, close + end - i) });
        i = close + end - i;
      }
    } else if (c === 0x5b && links) {
      const link = readLink(src, i, nextOf);
      if (!link) {
        text += '[';
        i++;
      } else {
        const raw = src.slice(i, link.end);
        const href = safeHref(link.destination);
        // An unsafe link is shown whole, as typed, so the reader sees what was refused.
        if (href) push({ kind: 'link', label: src.slice(i + 1, link.labelEnd), href, raw });
        else text += raw;
        i = link.end;
      }
    } else if ((c === 0x68 || c === 0x48) && links && startsBareUrl(src, i)) {
      const { end, scanned } = readBareUrl(src, i);
      const raw = src.slice(i, end);
      const href = safeHref(raw);
      if (href) {
        push({ kind: 'url', href, raw });
        i = end;
      } else {
        // Skip all that was scanned, so a long run of URL-like junk is read once.
        text += src.slice(i, scanned);
        i = scanned;
      }
    } else if (c === 0x2a || c === 0x5f) {
      let end = i;
      while (src.charCodeAt(end) === c) end++;
      emphasisRun(src, i, end);
      i = end;
    } else if (c === 0x0a) {
      push({ kind: 'break' });
      i++;
    } else {
      let end = i + 1;
      while (end < src.length && !isSpecial(src.charCodeAt(end))) end++;
      text += src.slice(i, end);
      i = end;
    }
  }
  if (text) atoms.push({ kind: 'text', text });
  return atoms;

  function emphasisRun(src: string, start: number, end: number) {
    const star = src.charCodeAt(start) === 0x2a;
    const char = star ? '*' : '_';
    const before = start > 0 ? src.charCodeAt(start - 1) : 0x20;
    const after = end < src.length ? src.charCodeAt(end) : 0x20;
    // `_` does not open or close inside a word (snake_case stays as typed).
    const canOpen = !isSpace(after) && (star || !isWordChar(before));
    const canClose = !isSpace(before) && (star || !isWordChar(after));
    const length = end - start;
    if (length > 3 || (!canOpen && !canClose)) {
      text += src.slice(start, end);
      return;
    }
    const ones = open[star ? 0 : 2]!;
    const twos = open[star ? 1 : 3]!;
    let left = length;
    while (canClose && left > 0) {
      const one = ones.length > 0 ? ones[ones.length - 1]! : -1;
      const two = left >= 2 && twos.length > 0 ? twos[twos.length - 1]! : -1;
      const opener = Math.max(one, two);
      if (opener < 0) break;
      const closer = push({ kind: 'delim', char, length: opener === two ? 2 : 1, closer: -1 });
      (atoms[opener] as Extract<Atom, { kind: 'delim' }>).closer = closer;
      left -= opener === two ? 2 : 1;
      for (const stack of open) while (stack.length > 0 && stack[stack.length - 1]! >= opener) stack.length--;
    }
    if (left === 0) return;
    if (!canOpen || left < length) {
      text += char.repeat(left);
    } else if (left === 3) {
      ones.push(push({ kind: 'delim', char, length: 1, closer: -1 }));
      twos.push(push({ kind: 'delim', char, length: 2, closer: -1 }));
    } else {
      (left === 1 ? ones : twos).push(push({ kind: 'delim', char, length: left === 1 ? 1 : 2, closer: -1 }));
    }
  }
}

function isSpecial(c: number): boolean {
  return c === 0x5c || c === BACKTICK || c === 0x5b || c === 0x68 || c === 0x48 || c === 0x2a || c === 0x5f || c === 0x0a;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Whitespace, by UTF-16 code unit; past ASCII, whatever `\s` takes. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return /\s/.test(String.fromCharCode(c));
}

/** A letter or digit, by UTF-16 code unit; NaN (outside the text) is neither. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return c === c && /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/**
 * First index of a character at or after `from`, remembered per character. Callers ask with
 * `from` never decreasing, so a remembered answer at or after `from` is still the first one.
 */
function forwardFinder(src: string): (ch: string, from: number) => number {
  const found = new Map<string, number>();
  return (ch, from) => {
    const known = found.get(ch);
    if (known !== undefined && known >= from) return known;
    const index = src.indexOf(ch, from);
    const at = index < 0 ? src.length : index;
    found.set(ch, at);
    return at;
  };
}

/** Start of every maximal run of backticks, by run length. */
function backtickRuns(src: string): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  for (let i = src.indexOf('`'); i >= 0; ) {
    let end = i;
    while (src.charCodeAt(end) === BACKTICK) end++;
    const list = runs.get(end - i);
    if (list) list.push(i);
    else runs.set(end - i, [i]);
    i = src.indexOf('`', end);
  }
  return runs;
}

/** The first run of exactly `length` backticks starting at or after `from`, or -1. */
function closingRun(runs: Map<number, number[]>, length: number, from: number): number {
  const list = runs.get(length);
  if (!list) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return list[lo] ?? -1;
}

function codeText(raw: string): string {
  const text = raw.replace(/\n/g, ' ');
  return text.length > 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '' ? text.slice(1, -1) : text;
}

/**
 * `[label](destination)` at `start`: the label has no brackets, the destination no whitespace or
 * brackets (parentheses nest). Keeping brackets out means no two attempts scan the same text.
 */
function readLink(
  src: string,
  start: number,
  nextOf: (ch: string, from: number) => number,
): { labelEnd: number; destination: string; end: number } | null {
  const labelEnd = nextOf(']', start + 1);
  if (labelEnd >= src.length || labelEnd === start + 1 || nextOf('[', start + 1) < labelEnd) return null;
  if (src.charCodeAt(labelEnd + 1) !== 0x28) return null;
  let i = labelEnd + 2;
  while (src.charCodeAt(i) === 0x20 || src.charCodeAt(i) === 0x09) i++;
  const from = i;
  let depth = 0;
  for (; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x29) {
      if (depth === 0) break;
      depth--;
    } else if (c === 0x28) {
      depth++;
    } else if (c <= 0x20 || c === 0x7f || c === 0x5b || c === 0x5d || (c > 0x7f && isSpace(c))) {
      break;
    }
  }
  const destination = src.slice(from, i);
  while (src.charCodeAt(i) === 0x20 || src.charCodeAt(i) === 0x09) i++;
  if (destination === '' || src.charCodeAt(i) !== 0x29) return null;
  return { labelEnd, destination, end: i + 1 };
}

function startsBareUrl(src: string, i: number): boolean {
  const head = src.slice(i, i + 8).toLowerCase();
  if (!head.startsWith('http://') && !head.startsWith('https://')) return false;
  return !isWordChar(src.charCodeAt(i - 1));
}

/** A bare URL runs to whitespace or `<>"\``; trailing punctuation and unbalanced `)` are left out. */
function readBareUrl(src: string, start: number): { end: number; scanned: number } {
  let scanned = start;
  let open = 0;
  let close = 0;
  for (; scanned < src.length; scanned++) {
    const c = src.charCodeAt(scanned);
    if (c <= 0x20 || c === 0x7f || c === 0x3c || c === 0x3e || c === 0x22 || c === BACKTICK || (c > 0x7f && isSpace(c))) break;
    if (c === 0x28) open++;
    else if (c === 0x29) close++;
  }
  let end = scanned;
  while (end > start) {
    const last = src.charAt(end - 1);
    if ('.,:;!?\'"*_~'.includes(last)) {
      end--;
    } else if (last === ')' && close > open) {
      close--;
      end--;
    } else {
      break;
    }
  }
  return { end, scanned };
}

/** Control characters, whitespace, invisible and bidi characters, and `\ < > " \``: never in an href. */
function hasUnsafeChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      c <= 0x20 ||
      (c >= 0x7f && c <= 0xa0) ||
      c === 0xad ||
      c === 0x5c ||
      c === 0x3c ||
      c === 0x3e ||
      c === 0x22 ||
      c === BACKTICK ||
      c === 0x061c ||
      c === 0x1680 ||
      c === 0x180e ||
      (c >= 0x2000 && c <= 0x200f) ||
      (c >= 0x2028 && c <= 0x202f) ||
      (c >= 0x205f && c <= 0x206f) ||
      c === 0x3000 ||
      c === 0xfeff ||
      c >= 0xfff0
    ) {
      return true;
    }
  }
  return false;
}

function build(atoms: Atom[], from: number, to: number, depth: number, budget: Budget): NoteInline[] {
  const out: NoteInline[] = [];
  const text = (value: string) => {
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += value;
    else out.push({ type: 'text', text: value });
  };
  const spend = () => {
    if (budget.elements <= 0) return false;
    budget.elements--;
    return true;
  };
  for (let i = from; i < to; i++) {
    const atom = atoms[i]!;
    switch (atom.kind) {
      case 'text':
        text(atom.text);
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'code':
        if (spend()) out.push({ type: 'code', text: atom.text });
        else text(atom.raw);
        break;
      case 'link':
        if (depth < MAX_INLINE_DEPTH && spend()) out.push({ type: 'link', href: atom.href, children: parseInline(atom.label, depth + 1, false, budget) });
        else text(atom.raw);
        break;
      case 'url':
        if (depth < MAX_INLINE_DEPTH && spend()) out.push({ type: 'link', href: atom.href, children: [{ type: 'text', text: atom.raw }] });
        else text(atom.raw);
        break;
      case 'delim': {
        const close = atom.closer;
        if (close <= i || close >= to || depth >= MAX_INLINE_DEPTH || !spend()) {
          text(atom.char.repeat(atom.length));
          break;
        }
        const children = build(atoms, i + 1, close, depth + 1, budget);
        out.push({ type: atom.length === 1 ? 'em' : 'strong', children });
        i = close;
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Plain text

function blocksText(blocks: NoteBlock[]): string {
  return blocks
    .map((block) => {
      if (block.type === 'paragraph') return inlineText(block.children);
      if (block.type === 'list') return block.items.map(inlineText).join(' ');
      return blocksText(block.children);
    })
    .join(' ');
}

function inlineText(nodes: NoteInline[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') out += node.text;
    else if (node.type === 'break') out += ' ';
    else out += inlineText(node.children);
  }
  return out;
}

function truncate(plain: string, max: number, cut: boolean): string {
  if (plain.length <= max && !cut) return plain;
  if (max === 1) return '…';
  let keep = Math.min(plain.length, max - 1);
  // Never split a surrogate pair.
  if (keep < plain.length && /[\uD800-\uDBFF]/.test(plain.charAt(keep - 1))) keep--;
  let head = plain.slice(0, keep);
  const space = head.lastIndexOf(' ');
  if (keep < plain.length && space > keep * 0.6) head = head.slice(0, space);
  return `${head.trimEnd()}…`;
}
