/**
 * How the reader's corrections read: each key resolves to the key it is shown as (its root, at the
 * end of a chain of merges), a root gathers its members, and a change is checked before it is
 * kept. Chains are walked at most MAX_CHAIN steps and groups hold at most MAX_GROUP keys, so every
 * question stays bounded; a merge that would close a loop, or pass those bounds, is refused with
 * a sentence the reader can act on. Pure: records in, answers out.
 */
import { keyName, saysSomething, type CorrectionEdit, type CorrectionRecord } from './correction';

/** Most merges from a key to its root (A into B into C … ). */
export const MAX_CHAIN = 16;
/** Most keys shown as one: each is read when the library answers for the root. */
export const MAX_GROUP = 50;

/** A change the corrections refuse, with the reason in words. */
export class CorrectionRefused extends Error {}

export interface Resolver {
  /** The key `key` is shown as: itself unless merged. */
  rootOf(key: string): string;
  /** Every key shown as `root`, the root first (just the root when nothing is merged into it). */
  membersOf(root: string): string[];
  /** The name the reader gave `root`, if any. */
  nameOf(root: string): string | undefined;
  isHidden(root: string): boolean;
  /** Roots with at least one key merged into them, with their members. */
  groups: ReadonlyMap<string, readonly string[]>;
  /** Hidden roots. */
  hidden: ReadonlySet<string>;
  get(key: string): CorrectionRecord | undefined;
}

/**
 * The chain from `key` up to its root, `key` first; null when the chain loops or is longer than
 * MAX_CHAIN (only a damaged record can make that: such a key is treated as not merged).
 */
function chainOf(key: string, byKey: ReadonlyMap<string, CorrectionRecord>): string[] | null {
  const chain = [key];
  for (let next = byKey.get(key)?.mergedInto; next !== undefined; next = byKey.get(next)?.mergedInto) {
    if (chain.includes(next) || chain.length > MAX_CHAIN) return null;
    chain.push(next);
  }
  return chain;
}

/** A resolver over `records` (every correction the reader made). */
export function resolver(records: Iterable<CorrectionRecord>): Resolver {
  const byKey = new Map<string, CorrectionRecord>();
  for (const record of records) byKey.set(record.key, record);
  const roots = new Map<string, string>();
  const groups = new Map<string, string[]>();
  for (const record of byKey.values()) {
    if (record.mergedInto === undefined) continue;
    const root = chainOf(record.key, byKey)?.at(-1) ?? record.key;
    if (root === record.key) continue;
    roots.set(record.key, root);
    const members = groups.get(root) ?? [root];
    members.push(record.key);
    groups.set(root, members);
  }
  for (const members of groups.values()) members.splice(1, members.length, ...members.slice(1).sort());
  const rootOf = (key: string) => roots.get(key) ?? key;
  const hidden = new Set([...byKey.values()].filter((r) => r.hidden && rootOf(r.key) === r.key).map((r) => r.key));
  return {
    rootOf,
    membersOf: (root) => groups.get(root) ?? [root],
    nameOf: (root) => byKey.get(root)?.name,
    isHidden: (root) => hidden.has(root),
    groups,
    hidden,
    get: (key) => byKey.get(key),
  };
}

/** How the reader knows a key: the name they gave it, else the recognizer's. */
const label = (key: string, records: ReadonlyMap<string, CorrectionRecord>) => `“${records.get(key)?.name ?? keyName(key)}”`;

/** Why merging `key` into `into` is refused, or null when it may be done. */
export function refuseMerge(records: ReadonlyMap<string, CorrectionRecord>, key: string, into: string): string | null {
  const a = label(key, records);
  const b = label(into, records);
  if (key === into) return `${a} cannot be merged into itself.`;
  const intoChain = chainOf(into, records);
  if (!intoChain) return `${b} is part of a broken chain of merges; split it out first.`;
  if (intoChain.includes(key)) return `${b} is already shown as ${a}: merging ${a} into it would make a loop. Split ${b} out first.`;
  const current = records.get(key)?.mergedInto;
  if (current !== undefined) return `${a} is already merged into ${label(current, records)}; split it out first.`;
  const after = new Map(records);
  after.set(key, { ...(records.get(key) ?? { key, updatedAt: 0 }), mergedInto: into });
  if ([...after.values()].some((record) => record.mergedInto !== undefined && !chainOf(record.key, after))) {
    return `Merging ${a} into ${b} would make a chain of more than ${MAX_CHAIN} merges; merge into ${label(intoChain.at(-1) as string, records)} instead.`;
  }
  const merged = resolver(after.values());
  if (merged.membersOf(merged.rootOf(key)).length > MAX_GROUP) return `Merging ${a} into ${b} would show more than ${MAX_GROUP} keys as one.`;
  return null;
}

/** What a change does to the records: those written (as stored now) and the keys whose record goes. */
export interface CorrectionChange {
  changed: CorrectionRecord[];
  removed: string[];
}

/**
 * The records `edit` changes, given every record now; throws CorrectionRefused with the reason.
 * A rename or a hide acts on the key shown (the root), whichever member was named.
 */
export function applyEdit(records: ReadonlyMap<string, CorrectionRecord>, edit: CorrectionEdit, now: number): CorrectionChange {
  const write = (key: string, fields: Partial<CorrectionRecord>): CorrectionChange => {
    const next: CorrectionRecord = { ...(records.get(key) ?? { key }), ...fields, updatedAt: now };
    for (const field of ['mergedInto', 'name', 'hidden'] as const) if (next[field] === undefined) delete next[field];
    return saysSomething(next) ? { changed: [next], removed: [] } : { changed: [], removed: records.has(key) ? [key] : [] };
  };
  switch (edit.kind) {
    case 'merge': {
      const refused = refuseMerge(records, edit.key, edit.into);
      if (refused) throw new CorrectionRefused(refused);
      return write(edit.key, { mergedInto: edit.into });
    }
    case 'split':
      if (records.get(edit.key)?.mergedInto === undefined) throw new CorrectionRefused(`${label(edit.key, records)} is not merged into another key.`);
      return write(edit.key, { mergedInto: undefined });
    case 'rename':
      return write(resolver(records.values()).rootOf(edit.key), { name: edit.name ?? undefined });
    case 'hide':
      return write(resolver(records.values()).rootOf(edit.key), { hidden: edit.hidden || undefined });
  }
}

/** What is wrong with a set of records as a whole (a backup's): loops, chains or groups past the bounds, a key given twice. */
export function graphProblems(records: readonly CorrectionRecord[]): { index: number; message: string }[] {
  const byKey = new Map<string, CorrectionRecord>();
  const problems: { index: number; message: string }[] = [];
  records.forEach((record, index) => {
    if (byKey.has(record.key)) problems.push({ index, message: `corrects ${record.key} a second time` });
    byKey.set(record.key, record);
  });
  records.forEach((record, index) => {
    if (record.mergedInto === undefined) return;
    if (record.mergedInto === record.key) problems.push({ index, message: 'is merged into itself' });
    else if (!chainOf(record.key, byKey)) problems.push({ index, message: `its merges loop or chain more than ${MAX_CHAIN} times` });
  });
  for (const members of resolver(byKey.values()).groups.values()) {
    if (members.length > MAX_GROUP) problems.push({ index: records.findIndex((r) => members.includes(r.key)), message: `shows ${members.length} keys as one (at most ${MAX_GROUP})` });
  }
  return problems;
}
