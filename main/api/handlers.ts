import { ApiCallError } from '../../shared/contract/errors.ts';
import type { AppInfo } from '../../shared/contract/calls.ts';
import type { Settings } from '../../shared/domain/settings.ts';
import type { Store } from '../db/store.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import { providerChoices } from '../../shared/providers/choices.ts';
import { readSettings, updateSettings } from '../settings/settingsService.ts';
import type { Handlers } from './dispatcher.ts';

export interface HandlerContext {
  store: Store;
  appInfo: AppInfo;
  settingsDefaults: Settings;
  catalog: Catalog;
}

/** The implementation of every call in the contract. Inputs arrive validated. */
export function createHandlers({ store, appInfo, settingsDefaults, catalog }: HandlerContext): Handlers {
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
    listModels: ({ provider }) => catalog.forProvider(provider),
  };
}
