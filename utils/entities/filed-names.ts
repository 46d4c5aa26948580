/**
 * The text of a name index made ahead (name-index.txt, which tests/entities/name-index.test.ts
 * makes from the lists): what the recognizer loads instead of the lists. It is most of the
 * recognizer's bundle, so it is plain text, as short as it can be read back exactly, and nothing
 * of it is read at load: a first word's line is found by binary search when a text holds the
 * word. As JSON ([first word, names] pairs), its JSON.parse and a Map holding every first word's
 * names cost ~45-60 ms of Chromium's cold start; a Map of where each line starts, made in a loop
 * over the ~9,000 lines, still cost ~20 ms there (code that has not been optimized yet).
 *
 * The first line says what made the file. Then one line per first word, in code-unit order:
 *
 *   <first word> TAB <run> # <run> …
 *
 * A run is names of one kind: a digit (the kind's place in the index's kinds: a type, and for a
 * term its list), ":", and its names joined by ";". Names come in the order they are matched in: longest first (in words), then in
 * the lists' order. A name is written "name" when its key is itself, "name|key" otherwise, and
 * "name|" when its key is the key of the name before it on the line (an alias after its name).
 * A name that opens with its first word capitalized ("Kim Jong Un" on the line of "kim") writes
 * "~" for it ("~ Jong Un"): five names in six do, and it was a fifth of the file.
 */
import type { EntityType } from './types';

/** A name as the index holds it; the key is left out when it is the name itself (a term's is always there). */
export type FiledName = [name: string, type: EntityType, key?: string, list?: string];

/** What a run's digit stands for: a type, and the list of a term. */
export type FiledKind = readonly [type: EntityType, list?: string];

/** Characters the format uses; no name or key may hold one. */
const RESERVED = /[\t\n#;|~]/;

/** `first` as it opens most of its names: capitalized. */
const capitalized = (first: string) => first.charAt(0).toUpperCase() + first.slice(1);

/**
 * The text of an index of `lines` (first word, then its names in match order), after a first
 * line `about`. Throws on a name it cannot hold: one of a kind not in `kinds`, a character of the
 * format.
 */
export function writeFiledNames(about: string, lines: readonly [first: string, names: readonly FiledName[]][], kinds: readonly FiledKind[]): string {
  const out = [about.replace(/\n/g, ' ')];
  for (const [first, names] of [...lines].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let line = `${first}\t`;
    const opening = capitalized(first);
    let runKind = -1;
    let previousKey = '';
    for (const [name, type, key = name, list] of names) {
      const t = kinds.findIndex(([kindType, kindList]) => kindType === type && kindList === list);
      if (t < 0 || t > 9 || !name || RESERVED.test(name + key) || RESERVED.test(first)) {
        throw new Error(`writeFiledNames: "${name}" cannot be filed`);
      }
      if (t !== runKind) line += `${runKind < 0 ? '' : '#'}${t}:`;
      else line += ';';
      runKind = t;
      const written = name.startsWith(opening) && (name.length === opening.length || /[ -]/.test(name.charAt(opening.length))) ? `~${name.slice(opening.length)}` : name;
      line += key === name ? written : key === previousKey ? `${written}|` : `${written}|${key}`;
      previousKey = key;
    }
    out.push(line);
  }
  return `${out.join('\n')}\n`;
}

/** Where the names of `word` start in `text` (after its tab), or -1 when it files none. */
export function findFiledNames(text: string, word: string): number {
  // Lines from `low` to `high` (both at the start of a line) may hold the word.
  let low = text.indexOf('\n') + 1;
  let high = text.length;
  while (low < high) {
    const line = text.lastIndexOf('\n', ((low + high) >>> 1) - 1) + 1;
    const order = compareFirst(word, text, line);
    if (order === 0) return line + word.length + 1;
    if (order < 0) high = line;
    else {
      const next = text.indexOf('\n', line);
      low = next < 0 ? high : next + 1;
    }
  }
  return -1;
}

/** `word` against the first word of the line at `line`, in code-unit order (as the lines are sorted). */
function compareFirst(word: string, text: string, line: number): number {
  for (let k = 0; ; k++) {
    // The tab after the line's word is below any character of a word: a shorter word comes first.
    const filed = text.charCodeAt(line + k);
    if (k === word.length) return filed === 9 ? 0 : -1;
    const code = word.charCodeAt(k);
    if (code !== filed) return code - filed;
  }
}

/** The names of the line whose names start at `at` (from `findFiledNames`), in match order. */
export function readFiledNames(text: string, at: number, kinds: readonly FiledKind[]): FiledName[] {
  const names: FiledName[] = [];
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  let previousKey = '';
  const tab = text.lastIndexOf('\t', at);
  const opening = capitalized(text.slice(text.lastIndexOf('\n', tab) + 1, tab));
  for (const run of text.slice(at, end).split('#')) {
    const [type, list] = kinds[run.charCodeAt(0) - 48] as FiledKind;
    for (const item of run.slice(2).split(';')) {
      const bar = item.indexOf('|');
      const written = bar < 0 ? item : item.slice(0, bar);
      const name = written.charCodeAt(0) === 126 ? opening + written.slice(1) : written;
      if (bar < 0) previousKey = name;
      else if (bar + 1 < item.length) previousKey = item.slice(bar + 1);
      if (list !== undefined) names.push([name, type, previousKey, list]);
      else names.push(bar < 0 ? [name, type] : [name, type, previousKey]);
    }
  }
  return names;
}

/** The first word of each line of `text`, in order. */
export function filedFirstWords(text: string): string[] {
  const words: string[] = [];
  for (let line = text.indexOf('\n') + 1; line > 0 && line < text.length; line = text.indexOf('\n', line) + 1) {
    words.push(text.slice(line, text.indexOf('\t', line)));
  }
  return words;
}

/** Number of names in `text`. */
export function countFiledNames(text: string): number {
  // Every name ends at ";", "#" or the end of its line; counted natively (a loop over each character
  // of the term index took ~3 ms of a first call in Chromium, before it was compiled).
  const first = text.indexOf('\n');
  return first < 0 ? 0 : (text.slice(first + 1).match(/[;#\n]/g)?.length ?? 0);
}
