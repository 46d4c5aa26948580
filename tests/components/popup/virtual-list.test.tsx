import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VirtualList } from '@/components/popup/VirtualList';

describe('components/popup/VirtualList', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  const rows = Array.from({ length: 10_000 }, (_, i) => i);
  const shown = () => [...root.querySelectorAll('[role="listitem"]')].map((row) => Number(row.textContent));

  it('renders only the rows in view and a few around them, at their place', async () => {
    await act(() => render(<VirtualList rows={rows} height={() => 50} viewport={200} label="Rows" render={(row) => row} />, root));
    expect(shown()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const list = root.querySelector<HTMLElement>('.virtual-list')!;
    expect((list.firstElementChild as HTMLElement).style.height).toBe('500000px');
    list.scrollTop = 250_000;
    await act(() => void list.dispatchEvent(new Event('scroll')));
    expect(shown()).toEqual([4996, 4997, 4998, 4999, 5000, 5001, 5002, 5003, 5004, 5005, 5006, 5007]);
    expect((root.querySelector('[role="listitem"]') as HTMLElement).style.top).toBe(`${4996 * 50}px`);
  });

  it('places rows of two heights and asks for more near the end', async () => {
    const onNearEnd = vi.fn();
    const mixed = ['h', 'i', 'i', 'h', 'i', 'i', 'i', 'i', 'i', 'i'];
    await act(() =>
      render(<VirtualList rows={mixed} height={(row) => (row === 'h' ? 40 : 100)} viewport={300} label="Rows" render={(row) => row} onNearEnd={onNearEnd} />, root),
    );
    const tops = [...root.querySelectorAll<HTMLElement>('[role="listitem"]')].map((row) => row.style.top);
    expect(tops.slice(0, 5)).toEqual(['0px', '40px', '140px', '240px', '280px']);
    const list = root.querySelector<HTMLElement>('.virtual-list')!;
    list.scrollTop = 400;
    await act(() => void list.dispatchEvent(new Event('scroll')));
    expect(onNearEnd).toHaveBeenCalled();
  });
});
