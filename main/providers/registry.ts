import type { ProviderId } from '../../shared/catalog/schema.ts';
import { FalAdapter } from './fal/falAdapter.ts';
import { KieAdapter } from './kie/kieAdapter.ts';
import { OpenAiVideosAdapter } from './openai/openaiAdapter.ts';
import type { ProviderAdapter, ProviderConnection } from './types.ts';

/** The adapter for a provider's wire format, pointed at an address with a key. */
export function createAdapter(provider: ProviderId, connection: ProviderConnection): ProviderAdapter {
  switch (provider) {
    case 'kie':
      return new KieAdapter(connection);
    case 'fal':
      return new FalAdapter(connection);
    case 'openai':
      return new OpenAiVideosAdapter(connection);
  }
}
