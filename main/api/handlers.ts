import { ApiCallError } from '../../shared/contract/errors.ts';
import type { AppInfo } from '../../shared/contract/calls.ts';
import type { Settings } from '../../shared/domain/settings.ts';
import type { Store } from '../db/store.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import { providerChoices, type ProviderChoiceId } from '../../shared/providers/choices.ts';
import type { BatchEngine } from '../engine/batchEngine.ts';
import type { ProviderHandle } from '../engine/engineDeps.ts';
import { planBatch } from '../engine/preflight.ts';
import { MissingKeyError } from '../providers/connections.ts';
import { readSettings, updateSettings } from '../settings/settingsService.ts';
import type { Handlers } from './dispatcher.ts';

export interface HandlerContext {
  store: Store;
  appInfo: AppInfo;
  settingsDefaults: Settings;
  catalog: Catalog;
  engine: BatchEngine;
  provider: (choice: ProviderChoiceId) => Promise<ProviderHandle>;
  now: () => number;
}

/** The implementation of every call in the contract. Inputs arrive validated. */
export function createHandlers({ store, appInfo, settingsDefaults, catalog, engine, provider, now }: HandlerContext): Handlers {
  const handleFor = async (choice: ProviderChoiceId) => {
    try {
      return await provider(choice);
    } catch (error) {
      if (error instanceof MissingKeyError) throw new ApiCallError({ code: 'missing_key', message: `No API key for ${choice}: ${error.message}` });
      throw error;
    }
  };
  const batchMustExist = (batchId: number) => {
    if (!store.batchExists(batchId)) throw new ApiCallError({ code: 'not_found', message: `Batch ${batchId} does not exist.` });
  };
  return {
    getAppInfo: () => appInfo,
    getSettings: () => readSettings(store.settings, settingsDefaults),
    updateSettings: (patch) => updateSettings(store.settings, settingsDefaults, patch),
    listBatches: () => store.batches.list(),
    getRowsPage: ({ batchId, offset, limit, statuses }) => {
      if (!store.batchExists(batchId)) {
        throw new ApiCallError({ code: 'not_found', message: `Batch ${batchId} does not exist.` });
      }
      return { batchId, offset, ...store.rows.page({ batchId, offset, limit, statuses }) };
    },
    listProviders: () => [...providerChoices],
    listModels: ({ provider: id }) => catalog.forProvider(id),
    planBatch: async ({ batchId, provider: choice, concurrency, caps }) => {
      batchMustExist(batchId);
      return planBatch({ store, catalog, handle: await handleFor(choice), batchId, options: { concurrency, caps }, now: now() });
    },
    startBatch: async ({ batchId, provider: choice, concurrency, caps, outputDir }) => {
      batchMustExist(batchId);
      await handleFor(choice);
      const settings = readSettings(store.settings, settingsDefaults);
      await engine.start(batchId, { provider: choice, concurrency, caps, outputDir: outputDir ?? settings.outputDir });
      return { started: true as const };
    },
    pauseBatch: ({ batchId }) => {
      batchMustExist(batchId);
      engine.pause(batchId);
      return { paused: true as const };
    },
    resumeBatch: async ({ batchId }) => {
      batchMustExist(batchId);
      await engine.resume(batchId);
      return { resumed: true as const };
    },
    cancelBatch: ({ batchId }) => {
      batchMustExist(batchId);
      engine.cancel(batchId);
      return { cancelled: true as const };
    },
    rerunRows: async ({ batchId, rowIds }) => {
      batchMustExist(batchId);
      return { rowIds: await engine.rerun(batchId, rowIds) };
    },
  };
}
