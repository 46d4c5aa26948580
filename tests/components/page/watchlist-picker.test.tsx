import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WatchlistPicker, type WatchlistActions } from '@/components/page/WatchlistPicker';
import { fail, ok } from '@/utils/messaging/result';
import { container, settle, typeInto } from '../../support/ui';

describe('components/page/WatchlistPicker', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  /** Renders the picker and lets it read the lists (an effect, then the answer, then a render). */
  async function show(actions: WatchlistActions) {
    root = container();
    render(<WatchlistPicker name="Kim Jong Un" newListName="People to watch" actions={actions} />, root);
    for (let i = 0; i < 3; i++) await settle();
  }
  const submit = async () => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    await settle();
  };

  it('offers the reader’s watchlists, first one chosen, and adds the name to the one chosen', async () => {
    const add = vi.fn(async () => ok({ id: 'w2', name: 'Officials', added: true }));
    await show({ list: async () => ok([{ id: 'w1', name: 'Economy' }, { id: 'w2', name: 'Officials' }]), add });
    const select = root.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Economy', 'Officials', 'New watchlist…']);
    expect(select.value).toBe('w1');
    select.value = 'w2';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    await submit();
    expect(add).toHaveBeenCalledWith({ id: 'w2' });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Added “Kim Jong Un” to Officials.');
  });

  it('makes a new list when the reader has none, under the name they give', async () => {
    const add = vi.fn(async () => ok({ id: 'w9', name: 'Cadres', added: true }));
    await show({ list: async () => ok([]), add });
    const name = root.querySelector('input')!;
    expect(name.value).toBe('People to watch');
    await typeInto(name, '  ');
    await submit();
    expect(add).not.toHaveBeenCalled();
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Give the new watchlist a name.');
    await typeInto(name, ' Cadres ');
    await submit();
    expect(add).toHaveBeenCalledWith({ name: 'Cadres' });
    // The new list is now the one chosen: a second add goes to it, not to another new list.
    expect(root.querySelector('select')!.value).toBe('w9');
  });

  it('says when the name is already there, and why an add failed', async () => {
    const add = vi.fn().mockResolvedValueOnce(ok({ id: 'w1', name: 'Officials', added: false })).mockResolvedValueOnce(fail('failed', 'That watchlist is gone; choose another'));
    await show({ list: async () => ok([{ id: 'w1', name: 'Officials' }]), add });
    await submit();
    expect(root.querySelector('[role=status]')!.textContent).toBe('“Kim Jong Un” is already in Officials.');
    await submit();
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Not added: That watchlist is gone; choose another');
  });

  it('says when the lists cannot be read, and offers nothing to add to', async () => {
    await show({ list: async () => fail('unreachable', 'Gloss’s background did not answer'), add: vi.fn() });
    expect(root.querySelector('[role=alert]')!.textContent).toContain('could not be read');
    expect(root.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(true);
  });
});
