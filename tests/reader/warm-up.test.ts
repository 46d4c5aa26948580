import { describe, expect, it } from 'vitest';
import { runApart } from '@/components/reader/warm-up';

describe('reader/warm-up', () => {
  it('runs each step in a task of its own, in order, so what is queued between them runs between them', async () => {
    const order: string[] = [];
    const running = runApart([() => order.push('first'), () => order.push('second')]);
    setTimeout(() => order.push('queued'));
    await running;
    expect(order).toEqual(['first', 'queued', 'second']);
  });

  it('goes on past a step that throws', async () => {
    const order: string[] = [];
    await runApart([
      () => {
        throw new Error('no DOM here');
      },
      () => order.push('after'),
    ]);
    expect(order).toEqual(['after']);
  });

  it('hands the thread back before each step', async () => {
    let pauses = 0;
    const ran: number[] = [];
    await runApart(
      [() => ran.push(pauses), () => ran.push(pauses)],
      async () => {
        pauses++;
      },
    );
    expect(ran).toEqual([1, 2]);
  });
});
