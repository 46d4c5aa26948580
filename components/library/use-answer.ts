/** One question to the background, asked again when its inputs change; the latest answer wins. */
import { useEffect, useState } from 'preact/hooks';
import type { Result } from '@/utils/messaging/result';

export type Answer<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/** Asks `ask()` whenever `inputs` change; an answer to an older question is dropped. */
export function useAnswer<T>(ask: () => Promise<Result<T>>, inputs: readonly unknown[]): Answer<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setAnswer({ state: 'loading' });
    ask().then(
      (result) => live && setAnswer(result.ok ? { state: 'ready', value: result.value } : { state: 'failed', message: result.error.message }),
      (error: unknown) => live && setAnswer({ state: 'failed', message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, inputs);
  return answer;
}
