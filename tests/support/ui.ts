/** Driving rendered Preact components in happy-dom the way a reader would: typing, choosing, submitting. */
import { render } from 'preact';

/** Lets Preact render what the last event changed (it renders on a later task, as it does for a reader). */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Types `value` into a text field (one input event, as after a paste), and lets the form see it. */
export async function typeInto(input: Element | null, value: string): Promise<void> {
  if (!(input instanceof HTMLInputElement)) throw new Error(`Not an input: ${String(input)}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

/** Sets a field's value and commits it (a color picker closing, a field left). */
export function commit(input: Element | null, value: string): void {
  if (!(input instanceof HTMLInputElement)) throw new Error(`Not an input: ${String(input)}`);
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Chooses `files` in an `<input type=file>`. */
export function chooseFiles(input: Element | null, files: File[]): void {
  if (!(input instanceof HTMLInputElement)) throw new Error(`Not an input: ${String(input)}`);
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Clicks the element matching `selector` under `root`, failing when there is none. */
export function click(root: ParentNode, selector: string): void {
  const element = root.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`Nothing matches ${selector}`);
  element.click();
}

/** A container in the document for one test to render into (the test removes it). */
export function container(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  return root;
}

/** Unmounts what a test rendered into `root` (its effects cleaned up) and removes the container. */
export function unmount(root: HTMLElement): void {
  render(null, root);
  root.remove();
}

/** The button under `root` whose text starts with `label`, failing when there is none. */
export function buttonLabelled(root: ParentNode, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith(label));
  if (!found) throw new Error(`No button ${label}`);
  return found;
}

/**
 * Lets Preact render until `check` holds, failing when it never does: for `ms` (a lazily loaded
 * view or a database read can take seconds on a loaded machine), and at least 50 renders.
 */
export async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (let i = 0; !check() && (i < 50 || Date.now() < deadline); i++) await settle();
  if (!check()) throw new Error('never came');
}
