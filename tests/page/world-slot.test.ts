import { afterEach, describe, expect, it } from 'vitest';
import { worldSlot } from '@/utils/page/world-slot';

describe('page/world-slot', () => {
  afterEach(() => void delete (window as unknown as Record<string, unknown>).__glossTestSlot);

  it("keeps a value on the world's window under its key, shared by every slot of that key", () => {
    const one = worldSlot<{ n: number }>('__glossTestSlot');
    const other = worldSlot<{ n: number }>('__glossTestSlot');
    expect(one.get()).toBeUndefined();
    const value = { n: 1 };
    one.set(value);
    expect(other.get()).toBe(value);
    expect((window as unknown as Record<string, unknown>).__glossTestSlot).toBe(value);
    other.set(undefined);
    expect(one.get()).toBeUndefined();
  });
});
