/**
 * The reader's corrections to the library's keys, as stored: read whole into a resolver for each
 * question (they are few), and changed one edit at a time in a transaction that reads them all
 * first, so that the check against loops sees what is stored. Only the library writer calls
 * `correctKeys`. Functions take the database so tests pass a fresh one.
 */
import type { CorrectionEdit, CorrectionRecord } from '../corrections/correction';
import { applyEdit, resolver, type CorrectionChange, type Resolver } from '../corrections/resolve';
import type { GlossDb } from './database';

/** Every correction, in key order. */
export const readCorrections = (db: GlossDb): Promise<CorrectionRecord[]> => db.corrections.toArray();

/** A resolver over the corrections stored now. */
export async function loadResolver(db: GlossDb): Promise<Resolver> {
  return resolver(await readCorrections(db));
}

/** Applies `edit`; throws CorrectionRefused (writing nothing) when it would make a loop or pass a bound. */
export async function correctKeys(db: GlossDb, edit: CorrectionEdit, now = Date.now()): Promise<CorrectionChange> {
  return db.transaction('rw', db.corrections, async () => {
    const records = new Map((await db.corrections.toArray()).map((record) => [record.key, record]));
    const change = applyEdit(records, edit, now);
    if (change.changed.length) await db.corrections.bulkPut(change.changed);
    if (change.removed.length) await db.corrections.bulkDelete(change.removed);
    return change;
  });
}
