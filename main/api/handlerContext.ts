import { ApiCallError } from '../../shared/contract/errors.ts';
import type { AppInfo } from '../../shared/contract/calls.ts';
import type { Settings } from '../../shared/domain/settings.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { providerChoices, type ProviderChoiceId } from '../../shared/providers/choices.ts';
import type { ProviderId } from '../../shared/catalog/schema.ts';
import type { Store } from '../db/store.ts';
import type { BatchEngine } from '../engine/batchEngine.ts';
import type { ProviderHandle } from '../engine/engineDeps.ts';
import type { KeyStore } from '../keys/keyStore.ts';
import type { DesktopActions } from '../media/desktopActions.ts';
import { MissingKeyError } from '../providers/connections.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import type { ImportSessions } from '../sheets/importSessions.ts';
import { readSettings } from '../settings/settingsService.ts';

/** Everything the handlers reach: main's services, injected so tests build the same table. */
export interface HandlerContext {
  store: Store;
  appInfo: AppInfo;
  settingsDefaults: Settings;
  catalog: Catalog;
  engine: BatchEngine;
  provider: (choice: ProviderChoiceId) => Promise<ProviderHandle>;
  keys: KeyStore;
  env: NodeJS.ProcessEnv;
  imports: ImportSessions;
  desktop: DesktopActions;
  now: () => number;
}

export const settingsOf = (context: Pick<HandlerContext, 'store' | 'settingsDefaults'>): Settings => readSettings(context.store.settings, context.settingsDefaults);
export const localeOf = (context: Pick<HandlerContext, 'store' | 'settingsDefaults'>): Locale => settingsOf(context).language;

export function catalogProviderOf(choice: ProviderChoiceId): ProviderId {
  return providerChoices.find((candidate) => candidate.id === choice)!.catalogProvider;
}

export function batchMustExist(context: Pick<HandlerContext, 'store'>, batchId: number): void {
  if (!context.store.batchExists(batchId)) throw new ApiCallError({ code: 'not_found', message: `Batch ${batchId} does not exist.` });
}

/** The provider's handle, or `missing_key` when a real provider has no key yet. */
export async function handleFor(context: Pick<HandlerContext, 'provider'>, choice: ProviderChoiceId): Promise<ProviderHandle> {
  try {
    return await context.provider(choice);
  } catch (error) {
    if (error instanceof MissingKeyError) throw new ApiCallError({ code: 'missing_key', message: `No API key for ${choice}: ${error.message}` });
    throw error;
  }
}
