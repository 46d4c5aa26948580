import { describe, expect, it } from 'vitest';
import { PageTooLargeError, WorkBudget } from '@/utils/text/work-budget';

describe('text/work-budget', () => {
  it('counts a batch as its number of steps: the clock is read once per checkEvery steps, batched or not', () => {
    let reads = 0;
    const budget = new WorkBudget({ totalMs: 1e9, checkEvery: 1024, now: () => (reads++, 0) });
    reads = 0;
    for (let i = 0; i < 8; i++) budget.tick(256);
    expect(reads).toBe(2);
    for (let i = 0; i < 2048; i++) budget.tick();
    expect(reads).toBe(4);
  });

  it('runs batched steps within the budget and gives up past it', async () => {
    let clock = 0;
    const budget = new WorkBudget({ totalMs: 100, sliceMs: 30, checkEvery: 256, now: () => (clock += 10), pause: async () => undefined });
    function* batches(n: number) {
      for (let i = 0; i < n; i++) yield 256;
      return n;
    }
    await expect(budget.run(batches(3))).resolves.toBe(3);
    await expect(budget.run(batches(1000))).rejects.toBeInstanceOf(PageTooLargeError);
  });
});
