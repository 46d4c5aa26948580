/** A Gloss database of its own for one test (fake-indexeddb), deleted when the test finishes. */
import type { TestContext } from 'vitest';
import { GlossDb } from '@/utils/db/database';

export async function freshDb(context: TestContext, name: string): Promise<GlossDb> {
  const db = new GlossDb(`${name}-${crypto.randomUUID()}`);
  await db.open();
  context.onTestFinished(() => db.delete());
  return db;
}
