import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from '@/utils/ids';

describe('ids', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes version-4 UUIDs, each new', () => {
    const ids = Array.from({ length: 1000 }, newId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('needs no secure context: only getRandomValues', () => {
    // As on a plain-http page: no randomUUID.
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(newId()).toHaveLength(36);
  });
});
