import { ApiCallError } from '../../../shared/contract/errors.ts';
import type { BatchRunOptions } from '../../../shared/domain/batchOptions.ts';
import { BatchRunOptionsSchema } from '../../../shared/domain/batchOptions.ts';
import { planBatch } from '../../engine/preflight.ts';
import type { Unit } from '../../db/ledgerRepo.ts';
import type { Handlers } from '../dispatcher.ts';
import { batchMustExist, catalogProviderOf, handleFor, settingsOf, type HandlerContext } from '../handlerContext.ts';

type BatchCalls = Pick<Handlers, 'listBatches' | 'getBatch' | 'getRowsPage' | 'planBatch' | 'startBatch' | 'pauseBatch' | 'resumeBatch' | 'cancelBatch' | 'rerunRows' | 'cancelRows'>;

/** Batches: listing, paging rows, the plan, and the engine's controls. */
export function batchHandlers(context: HandlerContext): BatchCalls {
  const { store, catalog, engine, now } = context;
  const storedOptions = (batchId: number): BatchRunOptions | null => {
    const parsed = BatchRunOptionsSchema.safeParse(store.jobs.batch(batchId)?.options);
    return parsed.success ? parsed.data : null;
  };
  return {
    listBatches: () => store.batches.list(),
    getBatch: async ({ batchId }) => {
      const summary = store.batches.summary(batchId);
      if (!summary) throw new ApiCallError({ code: 'not_found', message: `Batch ${batchId} does not exist.` });
      const options = storedOptions(batchId);
      const settings = settingsOf(context);
      const units: Unit[] = ['credits', 'usd'];
      const spent = units.map((unit) => {
        const totals = store.ledger.forBatch(batchId, unit);
        return { unit, micros: totals.settled + totals.held };
      });
      // What is left to run, priced from the catalog, on top of what has been spent.
      const remaining = await planBatch({
        store,
        catalog,
        handle: { catalogProvider: catalogProviderOf(options?.provider ?? settings.defaultProvider) },
        batchId,
        options: { concurrency: options?.concurrency ?? settings.concurrency, caps: {} },
        now: now(),
      });
      const estimate = units.map((unit) => ({ unit, micros: (spent.find((s) => s.unit === unit)?.micros ?? 0) + (remaining.estimate.find((e) => e.unit === unit)?.micros ?? 0) }));
      return {
        summary,
        options,
        pauseReason: store.jobs.batch(batchId)?.pauseReason ?? null,
        spent: spent.filter((money) => money.micros !== 0),
        estimate: estimate.filter((money) => money.micros !== 0),
      };
    },
    getRowsPage: ({ batchId, offset, limit, statuses, search, pick }) => {
      batchMustExist(context, batchId);
      return { batchId, offset, ...store.rows.page({ batchId, offset, limit, statuses, search, pick }) };
    },
    planBatch: async ({ batchId, provider: choice, concurrency, caps }) => {
      batchMustExist(context, batchId);
      return planBatch({ store, catalog, handle: await handleFor(context, choice), batchId, options: { concurrency, caps }, now: now() });
    },
    startBatch: async ({ batchId, provider: choice, concurrency, caps, outputDir }) => {
      batchMustExist(context, batchId);
      await handleFor(context, choice);
      await engine.start(batchId, { provider: choice, concurrency, caps, outputDir: outputDir ?? settingsOf(context).outputDir });
      return { started: true as const };
    },
    pauseBatch: ({ batchId }) => {
      batchMustExist(context, batchId);
      engine.pause(batchId);
      return { paused: true as const };
    },
    resumeBatch: async ({ batchId }) => {
      batchMustExist(context, batchId);
      await engine.resume(batchId);
      return { resumed: true as const };
    },
    cancelBatch: ({ batchId }) => {
      batchMustExist(context, batchId);
      engine.cancel(batchId);
      return { cancelled: true as const };
    },
    rerunRows: async ({ batchId, rowIds }) => {
      batchMustExist(context, batchId);
      return { rowIds: await engine.rerun(batchId, rowIds) };
    },
    cancelRows: ({ batchId, rowIds }) => {
      batchMustExist(context, batchId);
      // Only rows waiting to run: a row in flight is paid for and still collected (product §3.10).
      const owners = store.sheets.rowsById(rowIds);
      const waiting = rowIds.filter((rowId) => {
        const owner = owners.get(rowId);
        return owner?.batchId === batchId && ['draft', 'queued', 'paused'].includes(owner.status);
      });
      if (waiting.length > 0) engine.cancelRows(batchId, waiting);
      return { cancelled: true as const };
    },
  };
}
