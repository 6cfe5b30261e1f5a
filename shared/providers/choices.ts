import { z } from 'zod';
import { ProviderIdSchema } from '../catalog/schema.ts';

/** Where a batch's videos are made: a real provider with the creator's key, or the built-in Sandbox. */
export const providerChoiceIds = ['sandbox', 'kie', 'fal', 'openai'] as const;
export const ProviderChoiceIdSchema = z.enum(providerChoiceIds);
export type ProviderChoiceId = z.infer<typeof ProviderChoiceIdSchema>;

export const ProviderChoiceSchema = z.object({
  id: ProviderChoiceIdSchema,
  /** Whose catalog models and wire format it uses. */
  catalogProvider: ProviderIdSchema,
  needsKey: z.boolean(),
  /** True for the Sandbox: nothing is generated or paid for; it is always labelled as simulated. */
  simulated: z.boolean(),
  /** The provider's own address; gateways and relays replace it in settings. */
  defaultBaseUrl: z.string().nullable(),
});
export type ProviderChoice = z.infer<typeof ProviderChoiceSchema>;

export const providerChoices: readonly ProviderChoice[] = [
  { id: 'sandbox', catalogProvider: 'kie', needsKey: false, simulated: true, defaultBaseUrl: null },
  { id: 'kie', catalogProvider: 'kie', needsKey: true, simulated: false, defaultBaseUrl: 'https://api.kie.ai' },
  { id: 'fal', catalogProvider: 'fal', needsKey: true, simulated: false, defaultBaseUrl: 'https://queue.fal.run' },
  { id: 'openai', catalogProvider: 'openai', needsKey: true, simulated: false, defaultBaseUrl: 'https://api.openai.com' },
];
