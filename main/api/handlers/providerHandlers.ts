import { ApiCallError } from '../../../shared/contract/errors.ts';
import { providerErrorMessage } from '../../../shared/providers/errorMessage.ts';
import { providerStatuses } from '../../providers/connections.ts';
import { ProviderError } from '../../providers/errors.ts';
import { translate } from '../../../shared/i18n/translate.ts';
import type { Handlers } from '../dispatcher.ts';
import { handleFor, localeOf, settingsOf, type HandlerContext } from '../handlerContext.ts';

type ProviderCalls = Pick<Handlers, 'listProviders' | 'setProviderKey' | 'clearProviderKey' | 'testConnection' | 'getConnectivity' | 'listModels'>;

/** Providers and their keys. A key goes in and never comes back out: only whether there is one. */
export function providerHandlers(context: HandlerContext): ProviderCalls {
  const { keys, env, catalog } = context;
  const list = () => ({ providers: providerStatuses({ env, keys, baseUrls: settingsOf(context).baseUrls }), keyStorage: keys.storage });
  return {
    listProviders: list,
    setProviderKey: ({ provider, key }) => {
      keys.set(provider, key);
      return list();
    },
    clearProviderKey: ({ provider }) => {
      if (provider === 'sandbox') throw new ApiCallError({ code: 'invalid_input', message: 'The Sandbox has no key.' });
      keys.clear(provider);
      return list();
    },
    testConnection: async ({ provider }) => {
      const handle = await handleFor(context, provider);
      try {
        // A balance proves the key works. fal and the gateways have no call that checks a key
        // without spending, so for them the screen says the first row will tell.
        if (!handle.adapter.balance) return { ok: true, balance: null, message: translate(localeOf(context), 'provider.noKeyCheck') };
        return { ok: true, balance: await handle.adapter.balance(), message: null };
      } catch (error) {
        const message = error instanceof ProviderError ? providerErrorMessage(localeOf(context), error.kind, error.detail) : (error as Error).message;
        return { ok: false, balance: null, message };
      }
    },
    getConnectivity: () => ({ outages: context.engine.outages() }),
    listModels: ({ provider }) => catalog.forProvider(provider),
  };
}
