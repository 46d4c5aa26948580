/**
 * One decision per entity per document. Every mention of a name gets one type: the type most of
 * its mentions were given (a list's word counts double). And a name of two or more words that the
 * document has typed marks its other mentions that the rules left free: the same full name at the
 * start of a sentence, in a headline, before a word that hid it.
 */
import { CORPORATE_SUFFIXES } from './keywords';
import { keyOf, type Candidate } from './names';
import { CAP, SENTENCE, plainGap, spacedWords, wordAt, type Tokens } from './tokenize';
import type { EntityType } from './types';

interface Known {
  words: string[];
  type: EntityType;
  key?: string;
  /** A company's name without its last word ("Big Machine" of "Big Machine Records"): not before another capitalized word. */
  shortened?: boolean;
}

/** Last words a company's name is often written without after its first mention. */
const DROPPED_LAST_WORDS = new Set([...CORPORATE_SUFFIXES, 'records', 'productions', 'entertainment', 'studios', 'pictures']);

/** The folded words of a mention, single-spaced (hyphens read as spaces): one string per mention. */
const surfaceOf = (tokens: Tokens, c: Candidate) => (c.first === c.last ? wordAt(tokens, c.first) : spacedWords(tokens, c.first, c.last));

/** Makes the types of `chosen` agree per name (in place); returns the mentions it adds. `capitals`: `Tokens.capitals`. */
export function decideOnce(tokens: Tokens, capitals: Int32Array, chosen: Candidate[], taken: Uint8Array): Candidate[] {
  // Per name, its mentions and the votes per type, types in the order first seen (arrays, not a
  // map per name: a long text has thousands of names).
  const votes = new Map<string, { group: Candidate[]; types: EntityType[]; counts: number[] }>();
  for (const c of chosen) {
    if (c.type === 'DATE') continue;
    const surface = surfaceOf(tokens, c);
    let entry = votes.get(surface);
    if (!entry) votes.set(surface, (entry = { group: [], types: [], counts: [] }));
    entry.group.push(c);
    const t = entry.types.indexOf(c.type);
    if (t < 0) {
      entry.types.push(c.type);
      entry.counts.push(c.fromList ? 2 : 1);
    } else (entry.counts[t] as number) += c.fromList ? 2 : 1;
  }
  const byFirst = new Map<string, Known[]>();
  const single = new Map<string, Known>();
  for (const [surface, { group, types, counts }] of votes) {
    let type = group[0]!.type;
    let most = counts[types.indexOf(type)] as number;
    for (let t = 0; t < types.length; t++) {
      if ((counts[t] as number) <= most) continue;
      type = types[t] as EntityType;
      most = counts[t] as number;
    }
    const key = group.find((c) => c.type === type && c.key)?.key;
    for (const c of group) {
      if (c.type === type) continue;
      c.type = type;
      c.key = key;
    }
    const words = surface.split(' ');
    // One word the rules typed somewhere (a city before its state, a name with evidence) is that
    // name where it stands inside a sentence too; at a sentence's start it may be a plain word.
    if (words.length < 2) {
      if (!group.some((c) => c.fromList)) single.set(surface, { words, type, key });
      continue;
    }
    const list = byFirst.get(words[0] as string) ?? [];
    list.push({ words, type, get key() {
      return group[0]!.key;
    } });
    byFirst.set(words[0] as string, list);
  }
  // After every full name (which goes first where both could match): "Big Machine Records", then "Big Machine".
  for (const { group } of votes.values()) {
    const full = group[0]!;
    if (full.type !== 'ORG' || full.last - full.first < 2 || !DROPPED_LAST_WORDS.has(wordAt(tokens, full.last))) continue;
    const words: string[] = [];
    for (let k = full.first; k < full.last; k++) words.push(wordAt(tokens, k));
    if (votes.has(words.join(' '))) continue; // the shorter name is a mention of its own
    const shortened: Known = { words, type: 'ORG', shortened: true, get key() {
      return (full.key ??= keyOf(tokens, full));
    } };
    const list = byFirst.get(words[0] as string);
    if (list) list.push(shortened);
    else byFirst.set(words[0] as string, [shortened]);
  }
  joinShortForms(tokens, votes);
  if (!byFirst.size && !single.size) return [];

  const found: Candidate[] = [];
  // The capitalized words (Tokens.capitals); those inside a name matched here are taken.
  for (const i of capitals) {
    if (taken[i]) continue;
    const alone = single.get(wordAt(tokens, i));
    if (alone && !((tokens.flags[i] as number) & SENTENCE) && (i + 1 >= tokens.count || !((tokens.flags[i + 1] as number) & CAP) || !plainGap(tokens, i + 1, 3, true))) {
      found.push({ first: i, last: i, type: alone.type, ...(alone.key && { key: alone.key }) });
      taken[i] = 1;
      continue;
    }
    const known = byFirst.get(wordAt(tokens, i));
    if (!known) continue;
    for (const name of known) {
      const last = i + name.words.length - 1;
      let match = last < tokens.count;
      for (let k = 1; match && k < name.words.length; k++) {
        match = !taken[i + k] && wordAt(tokens, i + k) === name.words[k] && plainGap(tokens, i + k, 3, true);
      }
      if (!match || (name.shortened && last + 1 < tokens.count && (tokens.flags[last + 1] as number) & CAP && plainGap(tokens, last + 1, 3, true))) continue;
      found.push({ first: i, last, type: name.type, ...(name.key && { key: name.key }) });
      taken.fill(1, i, last + 1);
      break;
    }
  }
  return found;
}

/** A person's shorter name ("Quimby-Vance") takes the key of the one full name that ends with it. */
function joinShortForms(tokens: Tokens, votes: Map<string, { group: Candidate[] }>): void {
  const people = [...votes.entries()].filter(([, { group }]) => group[0]!.type === 'PERSON');
  // The full names ending in each shorter one: what follows each space of a name. (Comparing
  // every name with every other was quadratic: a long text names thousands of people.)
  const endingIn = new Map<string, Candidate[][]>();
  for (const [other, { group }] of people) {
    for (let k = other.indexOf(' '); k >= 0; k = other.indexOf(' ', k + 1)) {
      const tail = other.slice(k + 1);
      const longer = endingIn.get(tail);
      if (longer) longer.push(group);
      else endingIn.set(tail, [group]);
    }
  }
  for (const [surface, { group }] of people) {
    const longer = endingIn.get(surface);
    if (longer?.length !== 1) continue;
    const full = longer[0]![0]!;
    const key = full.key ?? keyOf(tokens, full);
    full.key ??= key;
    for (const c of group) c.key = key;
  }
}
