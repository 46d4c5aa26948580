/**
 * Keys recorded before a possessive inside a discovered name stayed in its key (schema version
 * 18): "People’s Army" was filed as "ORG:People Army", and is now read as "ORG:People's Army"
 * (entities/names.ts `keyOf`). So that the articles read before and after are one row, one
 * timeline, each old key is shown as the new one, as the reader's merge would show it
 * (corrections/): a split undoes it. A key the reader has corrected already is left as it is.
 */
import type { Transaction } from 'dexie';
import type { CorrectionRecord } from '../corrections/correction';
import { applyEdit, CorrectionRefused } from '../corrections/resolve';
import type { EntitySummary } from '../mentions/types';

const NAME_TYPES = new Set(['PERSON', 'ORG', 'PLACE']);
/** An inner possessive as a text writes it: "People’s Army", "Workers' Party" (a word follows). */
const INNER_POSSESSIVE = /(?<=\S)(?:['’]s|(?<=s)['’])(?=\s)/;
const EVERY_INNER_POSSESSIVE = new RegExp(INNER_POSSESSIVE.source, 'g');

/** The key a summary's name has now, when it was filed without the possessive one of its spellings writes; else null. */
export function keyWithPossessive(summary: Pick<EntitySummary, 'key' | 'type' | 'name' | 'variants'>): string | null {
  if (!NAME_TYPES.has(summary.type) || /['’]/.test(summary.name)) return null;
  for (const variant of summary.variants) {
    const spelled = variant.replace(/\s+/g, ' ').trim();
    if (!INNER_POSSESSIVE.test(spelled)) continue;
    const written = spelled.replace(EVERY_INNER_POSSESSIVE, (possessive) => (possessive.length === 2 ? "'s" : "'"));
    const name = written.charAt(0).toUpperCase() + written.slice(1);
    if (name.replace(EVERY_INNER_POSSESSIVE, '') === summary.name) return `${summary.type}:${name}`;
  }
  return null;
}

/** The upgrade: a merge of each such key into its key with the possessive, where the reader made no correction of it. */
export async function mergeKeysWithoutPossessives(tx: Transaction, now = Date.now()): Promise<void> {
  const records = new Map<string, CorrectionRecord>(((await tx.table('corrections').toArray()) as CorrectionRecord[]).map((record) => [record.key, record]));
  const written: CorrectionRecord[] = [];
  await tx.table('entities').each((summary: EntitySummary) => {
    const into = keyWithPossessive(summary);
    if (!into || records.has(summary.key)) return;
    try {
      for (const record of applyEdit(records, { kind: 'merge', key: summary.key, into }, now).changed) {
        records.set(record.key, record);
        written.push(record);
      }
    } catch (error) {
      if (!(error instanceof CorrectionRefused)) throw error; // a bound of the reader's groups: left apart
    }
  });
  await tx.table('corrections').bulkPut(written);
}
