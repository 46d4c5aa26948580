/**
 * Which entity is at a text offset, in O(log n): spans sorted by start, binary search, then a
 * short look back (only a term can lie over another span). Also what the hover card needs:
 * every mention of the same entity, in order.
 */
import type { EntitySpan } from '../entities/types';
import { lastAtMost } from '../text/sorted';

/** How far back a lookup scans for a span that started earlier and still covers the offset. */
const LOOK_BACK = 4;

export class SpanIndex {
  private readonly spans: EntitySpan[];

  constructor(spans: readonly EntitySpan[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  get size(): number {
    return this.spans.length;
  }

  /** The innermost span covering `offset`, or null. */
  at(offset: number): EntitySpan | null {
    const last = lastAtMost(this.spans.length, (i) => (this.spans[i] as EntitySpan).start, offset);
    let best: EntitySpan | null = null;
    for (let i = last; i >= 0 && i > last - LOOK_BACK; i--) {
      const span = this.spans[i] as EntitySpan;
      if (span.end > offset && (!best || span.end - span.start < best.end - best.start)) best = span;
    }
    return best;
  }

  /** The first mention of each entity of `type` (one per key), in text order. */
  entitiesOf(type: EntitySpan['type']): EntitySpan[] {
    const seen = new Set<string>();
    const first: EntitySpan[] = [];
    for (const span of this.spans) {
      if (span.type !== type || seen.has(span.key)) continue;
      seen.add(span.key);
      first.push(span);
    }
    return first;
  }

  /** Every span of the same type and key as `span`, in text order. */
  mentionsOf(span: EntitySpan): EntitySpan[] {
    return this.spans.filter((other) => other.type === span.type && other.key === span.key);
  }
}
