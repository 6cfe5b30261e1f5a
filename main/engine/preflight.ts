import { estimatePrice, expectedGenerationS } from '../../shared/catalog/pricing.ts';
import { resolveRequest, validateRequest } from '../../shared/catalog/request.ts';
import type { BatchRunOptions } from '../../shared/domain/batchOptions.ts';
import { videoRequestOf } from '../db/jobsRepo.ts';
import type { Store } from '../db/store.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import type { ProviderHandle } from './engineDeps.ts';
import { classConcurrency } from './concurrency.ts';

export interface BatchPlan {
  rows: number;
  videos: number;
  /** Rows the engine would refuse before spending (unknown or retired model, bad settings). */
  invalid: { rowNumber: number; message: string }[];
  byClass: { model: string; resolution: string; durationS: number | null; videos: number; micros: number; unit: 'credits' | 'usd' }[];
  estimate: { micros: number; unit: 'credits' | 'usd' }[];
  /** The provider's balance, where it reports one. */
  balance: { amount: number; unit: 'credits' | 'usd' } | null;
  caps: { batchMicros: number | null; dayMicros: number | null; spentTodayMicros: number };
  /** True when the estimate fits the caps and the balance (as far as they are known). */
  affordable: boolean;
  /** Rows asking for exactly what another row of the batch asks for. */
  duplicates: { rowNumber: number; sameAsRow: number }[];
  /** Rough time to finish, from expected generation times and concurrency, in seconds. */
  etaS: number;
}

/**
 * The batch plan shown before Start (product §2.2): what will run, what it should cost against
 * the balance and the caps, which rows are duplicates or cannot run, and roughly how long it takes.
 */
export async function planBatch(args: { store: Store; catalog: Catalog; handle: Pick<ProviderHandle, 'catalogProvider'> & Partial<Pick<ProviderHandle, 'adapter'>>; batchId: number; options: Pick<BatchRunOptions, 'concurrency' | 'caps'>; now: number }): Promise<BatchPlan> {
  const { store, catalog, handle, batchId, options } = args;
  const rows = store.jobs.rowsOf(batchId).filter((row) => ['draft', 'queued', 'paused', 'failed'].includes(row.status));
  const invalid: BatchPlan['invalid'] = [];
  const classes = new Map<string, BatchPlan['byClass'][number] & { expectedS: number; limit: number }>();
  const seen = new Map<string, number>();
  const duplicates: BatchPlan['duplicates'] = [];
  for (const row of rows) {
    const entry = row.model ? catalog.find(handle.catalogProvider, row.model) : undefined;
    const request = videoRequestOf(row);
    const problem = row.importProblem ?? (!entry ? `The model "${row.model ?? ''}" is not in the catalog.` : validateRequest(entry, request).map((issue) => issue.message).join(' '));
    if (problem || !entry) {
      invalid.push({ rowNumber: row.rowNumber, message: problem });
      continue;
    }
    const resolved = resolveRequest(entry, request);
    const signature = JSON.stringify([entry.id, resolved]);
    const first = seen.get(signature);
    if (first !== undefined) duplicates.push({ rowNumber: row.rowNumber, sameAsRow: first });
    else seen.set(signature, row.rowNumber);
    const price = estimatePrice(entry, resolved);
    const key = `${entry.id}|${resolved.resolution}|${resolved.durationS ?? '-'}`;
    const current = classes.get(key) ?? {
      model: entry.id,
      resolution: resolved.resolution,
      durationS: resolved.durationS ?? null,
      videos: 0,
      micros: 0,
      unit: price.unit,
      expectedS: expectedGenerationS(entry, resolved).meanS,
      limit: classConcurrency(options.concurrency, { key, modelWeight: entry.concurrencyWeight, resolution: resolved.resolution, durationS: resolved.durationS }),
    };
    current.videos += row.takes;
    current.micros += price.micros * row.takes;
    classes.set(key, current);
  }
  const byClass = [...classes.values()];
  const totals = new Map<'credits' | 'usd', number>();
  for (const c of byClass) totals.set(c.unit, (totals.get(c.unit) ?? 0) + c.micros);
  const estimate = [...totals].map(([unit, micros]) => ({ unit, micros }));
  // Without an adapter (an estimate only), no balance is asked for.
  const balance = handle.adapter?.balance ? await handle.adapter.balance().catch(() => null) : null;
  const midnight = new Date(args.now);
  midnight.setHours(0, 0, 0, 0);
  const unit = estimate[0]?.unit ?? 'credits';
  const today = store.ledger.since(midnight.getTime(), unit);
  const spentTodayMicros = today.reserved - today.released;
  const total = totals.get(unit) ?? 0;
  const affordable =
    (options.caps.batchMicros === undefined || total <= options.caps.batchMicros) &&
    (options.caps.dayMicros === undefined || spentTodayMicros + total <= options.caps.dayMicros) &&
    (balance === null || balance.unit !== unit || balance.amount * 1_000_000 >= total);
  const etaS =
    options.concurrency.profile === 'custom'
      ? Math.max(byClass.reduce((sum, c) => sum + c.videos * c.expectedS, 0) / options.concurrency.custom!, ...byClass.map((c) => c.expectedS), 0)
      : Math.max(0, ...byClass.map((c) => Math.ceil(c.videos / c.limit) * c.expectedS));
  return {
    rows: rows.length,
    videos: byClass.reduce((sum, c) => sum + c.videos, 0),
    invalid,
    byClass: byClass.map(({ model, resolution, durationS, videos, micros, unit: u }) => ({ model, resolution, durationS, videos, micros, unit: u })),
    estimate,
    balance,
    caps: { batchMicros: options.caps.batchMicros ?? null, dayMicros: options.caps.dayMicros ?? null, spentTodayMicros },
    affordable,
    duplicates,
    etaS: Math.round(etaS),
  };
}
