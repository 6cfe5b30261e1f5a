import type { ProviderChoiceId } from '../../shared/providers/choices.ts';
import { providerChoices } from '../../shared/providers/choices.ts';
import type { Clock } from '../clock/clock.ts';
import type { ProviderHandle } from '../engine/engineDeps.ts';
import { budgetFor } from '../engine/rateLimiter.ts';
import { createAdapter } from './registry.ts';
import type { Sandbox } from './sandbox.ts';

/** A real provider was chosen but the creator has not given its key. */
export class MissingKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingKeyError';
  }
}

const ENV_PREFIX: Record<Exclude<ProviderChoiceId, 'sandbox'>, string> = { kie: 'GENVID_KIE', fal: 'GENVID_FAL', openai: 'GENVID_OPENAI' };

/**
 * The provider a batch runs on, ready to use. The Sandbox needs nothing; a real provider needs the
 * creator's key (for now from GENVID_KIE_KEY, GENVID_FAL_KEY or GENVID_OPENAI_KEY) and may have its
 * address replaced (GENVID_KIE_BASE_URL, …) for a gateway.
 */
export async function providerHandle(choice: ProviderChoiceId, context: { sandbox: Sandbox; env: NodeJS.ProcessEnv; clock: Clock; baseUrl?: string | undefined }): Promise<ProviderHandle> {
  const info = providerChoices.find((candidate) => candidate.id === choice)!;
  if (choice === 'sandbox') {
    return { adapter: await context.sandbox.adapter(), catalogProvider: 'kie', budget: budgetFor('kie', context.clock), timeScale: context.sandbox.speed };
  }
  const prefix = ENV_PREFIX[choice];
  const apiKey = context.env[`${prefix}_KEY`];
  if (!apiKey) throw new MissingKeyError(`set ${prefix}_KEY (the key store in Settings comes later).`);
  const baseUrl = context.baseUrl ?? context.env[`${prefix}_BASE_URL`] ?? info.defaultBaseUrl!;
  return { adapter: createAdapter(info.catalogProvider, { baseUrl, apiKey }), catalogProvider: info.catalogProvider, budget: budgetFor(info.catalogProvider, context.clock) };
}
