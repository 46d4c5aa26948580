/** One question to the background, asked again when its inputs change; the latest answer wins. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '@/utils/messaging/result';

export type Answer<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/**
 * Asks `ask()` whenever `inputs` change, showing 'loading' meanwhile; and again when `revision`
 * changes (the data changed under the same question), keeping the answer shown until the new one
 * comes. An answer to an older question is dropped.
 */
export function useAnswer<T>(ask: () => Promise<Result<T>>, inputs: readonly unknown[], revision = 0): Answer<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ state: 'loading' });
  const asked = useRef<readonly unknown[] | null>(null);
  useEffect(() => {
    let live = true;
    const same = asked.current?.length === inputs.length && asked.current.every((input, i) => Object.is(input, inputs[i]));
    asked.current = inputs;
    if (!same) setAnswer({ state: 'loading' });
    ask().then(
      (result) => live && setAnswer(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', message: result.error.message }),
      (error: unknown) => live && setAnswer({ state: 'failed', message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [...inputs, revision]);
  return answer;
}
