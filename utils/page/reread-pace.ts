/**
 * How soon a page may be read again after it changed. A page that changes now and then (late
 * paragraphs, an expander) is read again at once; one that never stops changing is not read
 * without end: after `free` re-reads with no quiet spell of `quietMs` between changes, each
 * further one waits twice as long as the last (from `firstWaitMs` up to `maxWaitMs`). A quiet
 * spell starts the count again.
 */
export interface PaceOptions {
  free?: number;
  quietMs?: number;
  firstWaitMs?: number;
  maxWaitMs?: number;
}

export class RereadPace {
  private readonly free: number;
  private readonly quietMs: number;
  private readonly firstWaitMs: number;
  private readonly maxWaitMs: number;
  /** Re-reads since the page was last quiet. */
  private streak = 0;
  private lastChange = -Infinity;
  private lastRead = -Infinity;

  constructor({ free = 3, quietMs = 60_000, firstWaitMs = 5_000, maxWaitMs = 10 * 60_000 }: PaceOptions = {}) {
    this.free = free;
    this.quietMs = quietMs;
    this.firstWaitMs = firstWaitMs;
    this.maxWaitMs = maxWaitMs;
  }

  /** The page changed at `now`: how many milliseconds the re-read must wait. */
  changed(now: number): number {
    if (now - Math.max(this.lastChange, this.lastRead) > this.quietMs) this.streak = 0;
    this.lastChange = now;
    if (this.streak < this.free) return 0;
    const wait = Math.min(this.maxWaitMs, this.firstWaitMs * 2 ** (this.streak - this.free));
    return Math.max(0, this.lastRead + wait - now);
  }

  /** A re-read started at `now`. */
  read(now: number): void {
    this.streak++;
    this.lastRead = now;
  }
}
