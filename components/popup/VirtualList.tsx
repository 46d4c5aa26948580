/**
 * A list that renders only the rows in view (plus a few either side), so ten thousand results
 * scroll as smoothly as ten. Rows have known heights by kind; positions are prefix sums. Asks
 * for more rows when the reader scrolls near the end of what is loaded.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { lastAtMost } from '@/utils/text/sorted';

export interface VirtualListProps<Row> {
  rows: readonly Row[];
  /** Height in pixels of a row (depends only on the row). */
  height: (row: Row) => number;
  render: (row: Row, index: number) => ComponentChildren;
  /** Called when fewer than a screenful of rows remain below the view. */
  onNearEnd?: () => void;
  /** The list's own height in pixels (it scrolls inside). */
  viewport: number;
  label: string;
}

const OVERSCAN = 4;

export function VirtualList<Row>({ rows, height, render, onNearEnd, viewport, label }: VirtualListProps<Row>) {
  const [top, setTop] = useState(0);
  const offsets = useMemo(() => {
    const at = new Float64Array(rows.length + 1);
    rows.forEach((row, i) => (at[i + 1] = at[i]! + height(row)));
    return at;
  }, [rows, height]);
  const total = offsets[rows.length] ?? 0;
  const first = Math.max(0, lastAtMost(rows.length, (i) => offsets[i]!, top) - OVERSCAN);
  let last = first;
  while (last < rows.length && offsets[last]! < top + viewport) last++;
  last = Math.min(rows.length, last + OVERSCAN);
  return (
    <div
      class="virtual-list"
      role="list"
      aria-label={label}
      style={{ height: `${viewport}px` }}
      onScroll={(event) => {
        const scrolled = event.currentTarget.scrollTop;
        setTop(scrolled);
        if (onNearEnd && scrolled + 2 * viewport >= total) onNearEnd();
      }}
    >
      <div style={{ height: `${total}px`, position: 'relative' }}>
        {rows.slice(first, last).map((row, k) => (
          <div key={first + k} role="listitem" class="virtual-row" style={{ top: `${offsets[first + k]}px`, height: `${height(row)}px` }}>
            {render(row, first + k)}
          </div>
        ))}
      </div>
    </div>
  );
}
