import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TimelineTable, timelineOutlets, type TimelineRow } from '@/components/library/TimelineTable';
import { container, unmount, until } from '../support/ui';

const TIMELINE: TimelineRow[] = [
  { period: '2024-05', articles: 1, mentions: 3, byOutlet: { 'KCNA Watch': 1 } },
  { period: '2024-06', articles: 2, mentions: 4, byOutlet: { 'Rodong Sinmun': 1, '': 1 } },
  { period: '2024-07', articles: 0, mentions: 0, byOutlet: {} },
];

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent?.trim());

describe('library/TimelineTable', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
  });
  afterEach(() => unmount(root));

  it('holds its rows’ place in the first frame, busy, with its caption and heads, and draws the rows after', async () => {
    render(<TimelineTable timeline={TIMELINE} unit="month" />, root);
    const table = root.querySelector('[data-testid=timeline-table]');
    expect(table?.getAttribute('aria-busy')).toBe('true');
    expect(texts(root, 'thead th')).toEqual(['Month', 'Articles', 'Mentions', '(no outlet)', 'KCNA Watch', 'Rodong Sinmun']);
    // One row as high as the three to come (style.css), hidden from screen readers, across every column.
    const place = root.querySelectorAll<HTMLTableRowElement>('tbody tr');
    expect(place).toHaveLength(1);
    expect([place[0]?.style.getPropertyValue('--rows'), place[0]?.getAttribute('aria-hidden'), place[0]?.querySelector('td')?.colSpan]).toEqual(['3', 'true', 6]);

    await until(() => root.querySelectorAll('tbody tr').length === 3);
    expect(table?.hasAttribute('aria-busy')).toBe(false);
    expect(root.querySelector('.rows-to-come')).toBeNull();
    expect(texts(root, 'tbody th[scope=row]')).toEqual(['2024-05', '2024-06', '2024-07']);
    expect(texts(root, 'tbody tr:nth-child(2) td')).toEqual(['2', '4', '1', '0', '1']);
  });

  it('heads the rows by week, holds no place for a timeline without any, and orders the outlets (none first)', async () => {
    render(<TimelineTable timeline={[]} unit="week" />, root);
    expect(texts(root, 'thead th')).toEqual(['Week', 'Articles', 'Mentions']);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(0);
    expect(timelineOutlets(TIMELINE)).toEqual(['', 'KCNA Watch', 'Rodong Sinmun']);
  });
});
