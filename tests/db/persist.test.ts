import { describe, expect, it, vi } from 'vitest';
import { requestPersistence } from '@/utils/db/persist';

describe('db/persist', () => {
  const storage = (persisted: boolean, grant: boolean | Error) =>
    ({
      persisted: vi.fn(async () => persisted),
      persist: vi.fn(async () => {
        if (grant instanceof Error) throw grant;
        return grant;
      }),
    }) as unknown as StorageManager;

  it('asks only when storage is not persistent yet', async () => {
    const already = storage(true, false);
    expect(await requestPersistence(already)).toBe(true);
    expect(already.persist).not.toHaveBeenCalled();
    const asked = storage(false, true);
    expect(await requestPersistence(asked)).toBe(true);
    expect(asked.persist).toHaveBeenCalledOnce();
  });

  it('answers false when refused, and null where it cannot be asked or fails', async () => {
    expect(await requestPersistence(storage(false, false))).toBe(false);
    expect(await requestPersistence(storage(false, new Error('not allowed')))).toBeNull();
    expect(await requestPersistence({} as StorageManager)).toBeNull();
    expect(await requestPersistence(undefined)).toBeNull();
  });
});
