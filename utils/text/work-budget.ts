/**
 * Work over a page of any size, in bounded pieces. A walk over the page is written as steps (a
 * generator that yields after each node, or after a batch of nodes with their number: resuming
 * a generator per node of a whole page cost the page ~10 ms in the bench); the budget counts
 * them, looks at the clock only every `checkEvery` steps (reading it per node would cost more
 * than the work), hands the thread back between slices so that no task runs long, and gives up
 * once the work as a whole has taken longer than a page may cost: the page is then "too large",
 * like one over the size limit.
 */

/** What the reader is told about a page Gloss will not read (the size limit says the same). */
export const TOO_LARGE_MESSAGE = 'This page is too large for Gloss to read.';

export class PageTooLargeError extends Error {
  constructor() {
    super(TOO_LARGE_MESSAGE);
    this.name = 'PageTooLargeError';
  }
}

export interface BudgetOptions {
  /** Most milliseconds of work in all (time spent yielded is not counted). */
  totalMs: number;
  /** Most milliseconds of work in one task before the thread is handed back. */
  sliceMs?: number;
  /** Steps between two looks at the clock. */
  checkEvery?: number;
  now?: () => number;
  /** How the thread is handed back (default: a macrotask, so input and rendering run between slices). */
  pause?: () => Promise<void>;
}

/**
 * The next task: `scheduler.yield` where there is one, else a message to self (timers are
 * throttled to one a second in background tabs; messages are not).
 */
export const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
};

export class WorkBudget {
  private steps = 0;
  private spent = 0;
  private sliceStart: number;
  private readonly totalMs: number;
  private readonly sliceMs: number;
  private readonly checkEvery: number;
  private readonly now: () => number;
  private readonly handBack: () => Promise<void>;

  constructor({ totalMs, sliceMs = 30, checkEvery = 1024, now = () => performance.now(), pause = nextTask }: BudgetOptions) {
    this.totalMs = totalMs;
    this.sliceMs = sliceMs;
    this.checkEvery = checkEvery;
    this.now = now;
    this.handBack = pause;
    this.sliceStart = now();
  }

  /** Counts `weight` steps; true when this slice is used up. Throws `PageTooLargeError` past the total. */
  tick(weight = 1): boolean {
    const before = this.steps;
    this.steps += weight;
    if (Math.floor(this.steps / this.checkEvery) === Math.floor(before / this.checkEvery)) return false;
    const elapsed = this.now() - this.sliceStart;
    if (this.spent + elapsed > this.totalMs) throw new PageTooLargeError();
    return elapsed >= this.sliceMs;
  }

  /** Hands the thread back, then starts a new slice. */
  async pause(): Promise<void> {
    this.spent += this.now() - this.sliceStart;
    if (this.spent > this.totalMs) throw new PageTooLargeError();
    await this.handBack();
    this.sliceStart = this.now();
  }

  /** Runs `steps` to the end within the budget, pausing between slices; answers what they return. */
  async run<T>(steps: Steps<T>): Promise<T> {
    // Time between two runs (waiting for an answer) is not work: the slice starts now.
    this.sliceStart = this.now();
    try {
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        if (this.tick(step.value ?? 1)) await this.pause();
      }
    } finally {
      this.spent += this.now() - this.sliceStart;
      this.sliceStart = this.now();
    }
  }
}

/**
 * Work written as steps: a generator that yields after each unit of work (or after a batch,
 * yielding how many units it did) and returns its result.
 */
export type Steps<T> = Generator<number | void, T, void>;

/** Units of work a walk over the whole page does between two yields. */
export const BATCH = 256;

/** Runs `steps` to the end at once (for callers that need the result now, on inputs they know are small). */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
