import { readSettings, updateSettings } from '../settings/settingsService.ts';
import type { Handlers } from './dispatcher.ts';
import type { HandlerContext } from './handlerContext.ts';
import { batchHandlers } from './handlers/batchHandlers.ts';
import { importHandlers } from './handlers/importHandlers.ts';
import { providerHandlers } from './handlers/providerHandlers.ts';
import { reviewHandlers } from './handlers/reviewHandlers.ts';

export type { HandlerContext } from './handlerContext.ts';

/** The implementation of every call in the contract, by area. Inputs arrive validated. */
export function createHandlers(context: HandlerContext): Handlers {
  const { store, appInfo, settingsDefaults } = context;
  return {
    getAppInfo: () => appInfo,
    getSettings: () => readSettings(store.settings, settingsDefaults),
    updateSettings: (patch) => updateSettings(store.settings, settingsDefaults, patch),
    ...providerHandlers(context),
    ...batchHandlers(context),
    ...importHandlers(context),
    ...reviewHandlers(context),
  };
}
