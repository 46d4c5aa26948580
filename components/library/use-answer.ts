/** One question to the background, asked again when its inputs change; the latest answer wins. */
import { useEffect, useState } from 'preact/hooks';
import type { Result } from '@/utils/messaging/result';

export type Answer<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

const LOADING = { state: 'loading' } as const;

const sameInputs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((input, i) => Object.is(input, b[i]));

/**
 * Asks `ask()` whenever `inputs` change, and again when `revision` changes (the data changed under
 * the same question). An answer is shown only with the inputs it answers: from the render where
 * the inputs change, 'loading' (never the last question's answer under the new question's labels,
 * not even for the frame before the new question is asked); a new revision keeps the answer shown
 * until the new one comes. An answer to an older question is dropped.
 */
export function useAnswer<T>(ask: () => Promise<Result<T>>, inputs: readonly unknown[], revision = 0): Answer<T> {
  const [held, setHeld] = useState<{ inputs: readonly unknown[]; answer: Answer<T> } | null>(null);
  useEffect(() => {
    let live = true;
    const asked = inputs;
    ask().then(
      (result) => live && setHeld({ inputs: asked, answer: result.ok ? { state: 'ready', value: result.value } : { state: 'failed', message: result.error.message } }),
      (error: unknown) => live && setHeld({ inputs: asked, answer: { state: 'failed', message: String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [...inputs, revision]);
  return held && sameInputs(held.inputs, inputs) ? held.answer : LOADING;
}
