import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTableRead } from '@/components/common/use-table-read';
import type { GlossDb } from '@/utils/db/database';
import { freshDb } from '../../support/fresh-db';

describe('components/common/use-table-read', () => {
  let db: GlossDb;
  let root: HTMLElement;
  let reads: number;
  let shown: unknown;
  let renders: number;
  beforeEach(async (context) => {
    db = await freshDb(context, 'use-table-read');
    await db.labels.clear(); // a new database's labels say its short pairs are stored: these tests count from none
    root = document.createElement('div');
    document.body.append(root);
    reads = 0;
    shown = undefined;
    renders = 0;
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  function Labels({ on }: { on: boolean }) {
    const state = useTableRead<number | undefined>(db, ['labels'], () => {
      if (!on) return undefined;
      reads++;
      return db.labels.count();
    }, [on]);
    shown = state.status === 'ready' ? state.value : state.status;
    renders++;
    return null;
  }
  const settle = async () => {
    for (let i = 0; i < 10; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  };

  it('reads again when a write touches its table, not when another table changes', async () => {
    await act(() => render(<Labels on />, root));
    await settle();
    expect([shown, reads]).toEqual([0, 1]);
    await db.labels.put({ id: 'a\u00000', ids: ['x'] });
    await settle();
    expect([shown, reads]).toEqual([1, 2]);
    await db.watchlists.put({ id: 'w', name: 'W', terms: [], createdAt: 1, updatedAt: 1 });
    await settle();
    expect(reads).toBe(2);
  });

  it('follows writes heard during a read with one more read, and stops when unmounted', async () => {
    await act(() => render(<Labels on />, root));
    await settle();
    await Promise.all([db.labels.put({ id: 'a\u00000', ids: ['x'] }), db.labels.put({ id: 'b\u00000', ids: ['y'] }), db.labels.put({ id: 'c\u00000', ids: ['z'] })]);
    await settle();
    expect(shown).toBe(3);
    expect(reads).toBeLessThanOrEqual(3);
    render(null, root);
    const before = reads;
    await db.labels.put({ id: 'd\u00000', ids: ['w'] });
    await settle();
    expect(reads).toBe(before);
  });

  it('reads when its inputs change, and renders nothing for the same answer again', async () => {
    await act(() => render(<Labels on={false} />, root));
    await settle();
    expect([shown, reads]).toEqual([undefined, 0]);
    const before = renders;
    await db.labels.put({ id: 'a\u00000', ids: ['x'] });
    await settle();
    expect(renders).toBe(before);
    await db.labels.delete('a\u00000');
    await act(() => render(<Labels on />, root));
    await settle();
    expect([shown, reads]).toEqual([0, 1]);
  });
});
