import { describe, expect, it } from 'vitest';
import { RereadPace } from '@/utils/page/reread-pace';

/** Re-reads `count` times, each as soon as the pace allows after a change at `at`; answers when each started. */
function rereadForever(pace: RereadPace, until: number, changeEvery = 1000): number[] {
  const reads: number[] = [];
  let due = 0;
  for (let now = 0; now <= until; now += changeEvery) {
    const wait = pace.changed(now);
    due = now + wait;
    // The page keeps changing: the read starts when the wait is over (later changes ask again).
    if (wait === 0) {
      pace.read(now);
      reads.push(now);
    } else if (reads.length && due <= now + changeEvery && due > (reads.at(-1) as number)) {
      pace.read(due);
      reads.push(due);
    }
  }
  return reads;
}

describe('page/reread-pace', () => {
  it('lets a page that changes now and then be read again at once', () => {
    const pace = new RereadPace();
    for (const now of [0, 70_000, 140_000, 210_000, 280_000]) {
      expect(pace.changed(now)).toBe(0);
      pace.read(now);
    }
  });

  it('reads a page that never stops changing three times, then waits twice as long each time', () => {
    const reads = rereadForever(new RereadPace({ free: 3, firstWaitMs: 5000 }), 120_000);
    expect(reads.slice(0, 3)).toEqual([0, 1000, 2000]);
    const gaps = reads.slice(3).map((at, i) => at - (reads[i + 2] as number));
    expect(gaps).toEqual([5000, 10_000, 20_000, 40_000]);
    // Within 20 s: at most 5 readings.
    expect(reads.filter((at) => at <= 20_000).length).toBeLessThanOrEqual(5);
  });

  it('starts the count again after a quiet minute', () => {
    const pace = new RereadPace({ free: 3, quietMs: 60_000 });
    for (const now of [0, 1000, 2000]) pace.read(now - 0 * pace.changed(now));
    expect(pace.changed(3000)).toBeGreaterThan(0);
    expect(pace.changed(3000 + 60_001)).toBe(0);
  });

  it('never waits longer than its longest wait', () => {
    const pace = new RereadPace({ free: 1, firstWaitMs: 1000, maxWaitMs: 4000 });
    let now = 0;
    for (let i = 0; i < 20; i++) {
      now += pace.changed(now);
      pace.read(now);
      now += 10;
    }
    expect(pace.changed(now)).toBeLessThanOrEqual(4000);
  });
});
