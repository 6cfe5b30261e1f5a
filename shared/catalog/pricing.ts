import { conditionHolds, type ResolvedRequest } from './request.ts';
import type { ModelEntry } from './schema.ts';

export interface PriceEstimate {
  /** Integer micro-units of `unit`, the ledger's measure. */
  micros: number;
  unit: 'credits' | 'usd';
}

/** The catalog's estimate for one video of this request (takes multiply it). */
export function estimatePrice(entry: ModelEntry, request: ResolvedRequest): PriceEstimate {
  const rule = entry.pricing.rules.find((candidate) => conditionHolds(candidate.when, request));
  if (!rule) throw new Error(`${entry.provider}/${entry.id}: no price rule matches this request.`);
  const amount = rule.perVideo + rule.perSecond * (request.durationS ?? 0);
  return { micros: Math.round(amount * 1_000_000), unit: entry.pricing.unit };
}

/** Expected generation time in seconds, from the catalog's distribution for this request. */
export function expectedGenerationS(entry: ModelEntry, request: ResolvedRequest): { minS: number; maxS: number; meanS: number } {
  const rule = entry.timing.rules.find((candidate) => conditionHolds(candidate.when, request)) ?? entry.timing.rules.at(-1)!;
  return { minS: rule.minS, maxS: rule.maxS, meanS: (rule.minS + rule.maxS) / 2 };
}
