/**
 * The reader's corrections to the library's keys, as stored: read whole into a resolver for each
 * question (they are few), and changed one edit at a time in a transaction that reads them all
 * first, so that the check against loops sees what is stored, and measures what merged keys
 * share when a group forms or changes. Only the library writer calls `correctKeys`. Functions take the database so tests pass a fresh one.
 */
import type { CorrectionEdit, CorrectionRecord } from '../corrections/correction';
import { applyEdit, resolver, type CorrectionChange, type Resolver } from '../corrections/resolve';
import type { GlossDb } from './database';
import { refreshOverlaps } from './group-overlaps';
import { applyPending, pendingTables } from './mentions-repo';

/** Every correction, in key order. */
export const readCorrections = (db: GlossDb): Promise<CorrectionRecord[]> => db.corrections.toArray();

/** A resolver over the corrections stored now. */
export async function loadResolver(db: GlossDb): Promise<Resolver> {
  return resolver(await readCorrections(db));
}

/** The tables a change of groups reads and writes: the corrections, what the groups share, the queue counted first and what counting it writes. */
const groupTables = (db: GlossDb) => [...pendingTables(db), db.articles];

/**
 * Applies `edit`; throws CorrectionRefused (writing nothing) when it would make a loop or pass a
 * bound. A merge or a split measures what the groups it changes share, in the same transaction,
 * after the readings still queued are counted (so the measure and the queue agree).
 */
export async function correctKeys(db: GlossDb, edit: CorrectionEdit, now = Date.now()): Promise<CorrectionChange> {
  return db.transaction('rw', groupTables(db), async () => {
    const records = new Map((await db.corrections.toArray()).map((record) => [record.key, record]));
    const change = applyEdit(records, edit, now);
    if (change.changed.length) await db.corrections.bulkPut(change.changed);
    if (change.removed.length) await db.corrections.bulkDelete(change.removed);
    if (edit.kind === 'merge' || edit.kind === 'split') {
      await applyPending(db);
      const before = resolver(records.values());
      const after = await loadResolver(db);
      await refreshOverlaps(db, after, [before.rootOf(edit.key), after.rootOf(edit.key)]);
    }
    return change;
  });
}

/** Measures again what every group shares, and forgets what no group is now (after an import brought corrections). */
export async function remeasureOverlaps(db: GlossDb): Promise<void> {
  await db.transaction('rw', groupTables(db), async () => {
    await applyPending(db);
    const groups = await loadResolver(db);
    await refreshOverlaps(db, groups, [...(await db.groupOverlaps.toCollection().primaryKeys()), ...groups.groups.keys()]);
  });
}
