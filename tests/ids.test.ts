import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomId } from '@/utils/ids';

describe('ids', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes version-4 UUIDs with getRandomValues alone (what a plain-http page has)', () => {
    const getRandomValues = crypto.getRandomValues.bind(crypto);
    // An insecure context: no randomUUID, no subtle.
    vi.stubGlobal('crypto', { getRandomValues });
    const ids = Array.from({ length: 200 }, randomId);
    for (const id of ids) expect(id).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
