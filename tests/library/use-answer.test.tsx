import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAnswer, type Answer } from '@/components/library/use-answer';
import type { Result } from '@/utils/messaging/result';
import { container, unmount, until } from '../support/ui';

describe('library/use-answer', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
  });
  afterEach(() => unmount(root));

  it('never shows an answer under other inputs, and keeps it through a new revision until the new one comes', async () => {
    const seen: { outlet: string; answer: Answer<string> }[] = [];
    const waiting: ((result: Result<string>) => void)[] = [];
    const ask = () => new Promise<Result<string>>((resolve) => waiting.push(resolve));
    function View({ outlet, revision }: { outlet: string; revision: number }) {
      const answer = useAnswer(ask, [outlet], revision);
      seen.push({ outlet, answer });
      return null;
    }
    render(<View outlet="KCNA" revision={0} />, root);
    await until(() => waiting.length === 1);
    waiting[0]!({ ok: true, value: 'KCNA rows' });
    await until(() => seen.at(-1)?.answer.state === 'ready');
    // Another outlet: its first render already says loading, though nothing was asked yet.
    render(<View outlet="Rodong" revision={0} />, root);
    expect(seen.at(-1)).toEqual({ outlet: 'Rodong', answer: { state: 'loading' } });
    await until(() => waiting.length === 2);
    waiting[1]!({ ok: true, value: 'Rodong rows' });
    await until(() => seen.at(-1)?.answer.state === 'ready');
    // The data changed under the same question: the answer stays until the new one.
    render(<View outlet="Rodong" revision={1} />, root);
    await until(() => waiting.length === 3);
    expect(seen.at(-1)?.answer).toEqual({ state: 'ready', value: 'Rodong rows' });
    waiting[2]!({ ok: true, value: 'Rodong rows, again' });
    await until(() => seen.at(-1)?.answer.state === 'ready' && (seen.at(-1)!.answer as { value: string }).value === 'Rodong rows, again');
    expect(seen.filter((s) => s.outlet === 'Rodong' && s.answer.state === 'ready' && (s.answer as { value: string }).value.startsWith('KCNA'))).toEqual([]);
  });
});
