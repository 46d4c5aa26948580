import { describe, expect, it } from 'vitest';
import type { ScriptContext } from '@/utils/page/script-context';
import { createShadowUi } from '@/utils/page/shadow-ui';

const ctx = { onInvalidated: () => () => {} } as unknown as ScriptContext;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('page/shadow-ui', () => {
  it("pins the host's look with !important inline styles and puts it back when the page changes them", async () => {
    const ui = createShadowUi(ctx, 'gloss-test', '.x { color: red; }');
    ui.mount();
    const pinned = ui.host.getAttribute('style');
    expect(pinned).toContain('opacity: 1 !important');
    expect(pinned).toContain('pointer-events: auto !important');
    expect(pinned).toContain('visibility: visible !important');
    ui.host.style.setProperty('opacity', '0', 'important');
    ui.host.setAttribute('hidden', '');
    await tick();
    expect(ui.host.getAttribute('style')).toBe(pinned);
    expect(ui.host.hasAttribute('hidden')).toBe(false);
    ui.remove();
  });

  it('holds the stylesheet it is given inside its shadow root, out of the page', () => {
    const ui = createShadowUi(ctx, 'gloss-test', '.x { color: red; }');
    ui.mount();
    expect(ui.host.shadowRoot?.querySelector('style')?.textContent).toBe('.x { color: red; }');
    expect(document.head.querySelectorAll('style')).toHaveLength(0);
    ui.remove();
  });

  it("stops a made-up click before Gloss's own handler", async () => {
    const ui = createShadowUi(ctx, 'gloss-test', '.x { color: red; }');
    ui.mount();
    const button = ui.container.appendChild(document.createElement('button'));
    let pressed = 0;
    button.addEventListener('click', () => pressed++);
    button.click();
    button.dispatchEvent(new Event('change', { bubbles: true }));
    expect(pressed).toBe(0);
    ui.remove();
  });

  it('unmounts what was drawn before its host goes, and is closed when asked', () => {
    const unmounted: HTMLElement[] = [];
    const ui = createShadowUi(ctx, 'gloss-test', '', { mode: 'closed', unmount: (container) => unmounted.push(container) });
    ui.mount();
    expect(ui.host.shadowRoot).toBeNull();
    ui.remove();
    expect(unmounted).toEqual([ui.container]);
    expect(ui.mounted).toBe(false);
  });
});
