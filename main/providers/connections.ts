import type { ProviderStatus } from '../../shared/contract/providerSchemas.ts';
import type { ProviderChoiceId } from '../../shared/providers/choices.ts';
import { providerChoices } from '../../shared/providers/choices.ts';
import type { Clock } from '../clock/clock.ts';
import type { ProviderHandle } from '../engine/engineDeps.ts';
import { budgetFor } from '../engine/rateLimiter.ts';
import type { KeyedProvider, KeyStore } from '../keys/keyStore.ts';
import type { ProviderId } from '../../shared/catalog/schema.ts';
import { probeAddress } from './http.ts';
import { createAdapter } from './registry.ts';
import type { Sandbox } from './sandbox.ts';

/** A real provider was chosen but the creator has not given its key. */
export class MissingKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingKeyError';
  }
}

const ENV_PREFIX: Record<KeyedProvider, string> = { kie: 'GENVID_KIE', fal: 'GENVID_FAL', openai: 'GENVID_OPENAI' };

export interface ConnectionContext {
  sandbox: Sandbox;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** Keys saved in Settings; GENVID_<PROVIDER>_KEY in the environment wins over them. */
  keys?: KeyStore | undefined;
  /** Gateway addresses from Settings. */
  baseUrls?: Partial<Record<KeyedProvider, string>> | undefined;
  /** The batch's own address, which wins over everything: its jobs live there. */
  baseUrl?: string | undefined;
}

function keyOf(provider: KeyedProvider, context: Pick<ConnectionContext, 'env' | 'keys'>): { key: string; source: 'environment' | 'store' } | undefined {
  const fromEnv = context.env[`${ENV_PREFIX[provider]}_KEY`];
  if (fromEnv) return { key: fromEnv, source: 'environment' };
  const stored = context.keys?.get(provider);
  return stored ? { key: stored, source: 'store' } : undefined;
}

function baseUrlOf(provider: KeyedProvider, context: Pick<ConnectionContext, 'env' | 'baseUrls' | 'baseUrl'>): string {
  const info = providerChoices.find((candidate) => candidate.id === provider)!;
  return context.baseUrl ?? context.env[`${ENV_PREFIX[provider]}_BASE_URL`] ?? context.baseUrls?.[provider] ?? info.defaultBaseUrl!;
}

/**
 * The provider a batch runs on, ready to use. The Sandbox needs nothing; a real provider needs the
 * creator's key (from Settings, or GENVID_KIE_KEY, GENVID_FAL_KEY or GENVID_OPENAI_KEY) and may have
 * its address replaced (in Settings, or GENVID_KIE_BASE_URL, …) for a gateway.
 */
export async function providerHandle(choice: ProviderChoiceId, context: ConnectionContext): Promise<ProviderHandle> {
  const info = providerChoices.find((candidate) => candidate.id === choice)!;
  if (choice === 'sandbox') {
    const sandbox = await context.sandbox.connection();
    return { ...providerAt('kie', sandbox.baseUrl, sandbox.apiKey, context.clock), timeScale: context.sandbox.speed };
  }
  const key = keyOf(choice, context);
  if (!key) throw new MissingKeyError(`add its key in Settings, or set ${ENV_PREFIX[choice]}_KEY.`);
  return providerAt(info.catalogProvider, baseUrlOf(choice, context), key.key, context.clock);
}

/** A provider's API at an address with a key: its adapter, its key's rate budget, and a reachability check. */
export function providerAt(provider: ProviderId, baseUrl: string, apiKey: string, clock: Clock): ProviderHandle {
  return {
    adapter: createAdapter(provider, { baseUrl, apiKey }),
    catalogProvider: provider,
    budget: budgetFor(provider, clock),
    probe: () => probeAddress(fetch, provider, baseUrl),
  };
}

/** Every provider as Settings shows it: the key's presence and last characters, never the key. */
export function providerStatuses(context: Pick<ConnectionContext, 'env' | 'keys' | 'baseUrls'>): ProviderStatus[] {
  return providerChoices.map((choice) => {
    if (choice.id === 'sandbox') return { ...choice, baseUrl: null, key: { present: false, source: null, hint: null } };
    const key = keyOf(choice.id, context);
    return {
      ...choice,
      baseUrl: baseUrlOf(choice.id, context),
      key: { present: key !== undefined, source: key?.source ?? null, hint: key ? `…${key.key.slice(-4)}` : null },
    };
  });
}
