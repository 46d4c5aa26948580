/**
 * Scores recognized spans against a gold file in the format of `../shared/gold/` (see its
 * `_meta`): per type, a multiset match of surface strings; predictions listed under `_ignore`
 * (same type) or matching `_ignore_regex` are dropped before scoring.
 */
import type { EntitySpan, EntityType } from '@/utils/entities/types';

export interface Gold {
  PERSON: Record<string, number>;
  ORG: Record<string, number>;
  PLACE: Record<string, number>;
  DATE: Record<string, number>;
  TERM: Record<string, number>;
  _ignore?: Partial<Record<EntityType, Record<string, number>>>;
  _ignore_regex?: Partial<Record<EntityType, string>>;
}

export interface TypeScore {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
  /** Predicted strings that are not gold (with how many too many), and gold strings missed. */
  extra: Record<string, number>;
  missed: Record<string, number>;
}

export function scoreType(text: string, spans: readonly EntitySpan[], gold: Gold, type: EntityType): TypeScore {
  const ignore = gold._ignore?.[type] ?? {};
  const pattern = gold._ignore_regex?.[type];
  const ignoreRegex = pattern ? new RegExp(pattern, 'u') : null;
  const predicted = new Map<string, number>();
  for (const span of spans) {
    if (span.type !== type) continue;
    const surface = text.slice(span.start, span.end);
    if (surface in ignore || ignoreRegex?.test(surface)) continue;
    predicted.set(surface, (predicted.get(surface) ?? 0) + 1);
  }
  const wanted = gold[type];
  let tp = 0;
  const extra: Record<string, number> = {};
  const missed: Record<string, number> = {};
  for (const [surface, count] of predicted) {
    const hit = Math.min(count, wanted[surface] ?? 0);
    tp += hit;
    if (count > hit) extra[surface] = count - hit;
  }
  for (const [surface, count] of Object.entries(wanted)) {
    const got = Math.min(count, predicted.get(surface) ?? 0);
    if (got < count) missed[surface] = count - got;
  }
  const predictedTotal = [...predicted.values()].reduce((a, b) => a + b, 0);
  const goldTotal = Object.values(wanted).reduce((a, b) => a + b, 0);
  const precision = predictedTotal ? tp / predictedTotal : goldTotal ? 0 : 1;
  const recall = goldTotal ? tp / goldTotal : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, predicted: predictedTotal, gold: goldTotal, precision, recall, f1, extra, missed };
}

/** Micro-averaged F1 over several (text, spans, gold) triples and types. */
export function microF1(pages: { text: string; spans: readonly EntitySpan[]; gold: Gold }[], types: EntityType[]) {
  let tp = 0;
  let predicted = 0;
  let goldTotal = 0;
  for (const page of pages) {
    for (const type of types) {
      const score = scoreType(page.text, page.spans, page.gold, type);
      tp += score.tp;
      predicted += score.predicted;
      goldTotal += score.gold;
    }
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = goldTotal ? tp / goldTotal : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
