import { z } from 'zod';
import { ProviderChoiceIdSchema, ProviderChoiceSchema } from '../providers/choices.ts';

/** Where keys are kept: the OS keychain (Electron's safeStorage) or a file only this user can read. */
export const KeyStorageSchema = z.object({ kind: z.enum(['os-keychain', 'user-file']), location: z.string().nullable() });
export type KeyStorage = z.infer<typeof KeyStorageSchema>;

/** A provider as settings shows it. The key itself never leaves main: only whether there is one. */
export const ProviderStatusSchema = ProviderChoiceSchema.extend({
  baseUrl: z.string().nullable(),
  key: z.object({
    present: z.boolean(),
    /** `store`: saved in Settings; `environment`: from GENVID_<PROVIDER>_KEY, which wins. */
    source: z.enum(['store', 'environment']).nullable(),
    /** The key's last four characters, so the creator can tell keys apart. */
    hint: z.string().nullable(),
  }),
});
export type ProviderStatus = z.infer<typeof ProviderStatusSchema>;

export const ProvidersOutputSchema = z.object({ providers: z.array(ProviderStatusSchema), keyStorage: KeyStorageSchema });

export const SetKeyInputSchema = z.object({ provider: ProviderChoiceIdSchema.exclude(['sandbox']), key: z.string().trim().min(8).max(500) }).strict();
export const ProviderRefSchema = z.object({ provider: ProviderChoiceIdSchema }).strict();

export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  /** The balance where the provider reports one (KIE). */
  balance: z.object({ amount: z.number(), unit: z.enum(['credits', 'usd']) }).nullable(),
  /** Why it failed, in the creator's language. */
  message: z.string().nullable(),
});

/** A provider that cannot be reached right now: runs on it wait and go on by themselves. */
export const OutageSchema = z.object({
  provider: ProviderChoiceIdSchema,
  /** When the first request failed to connect (ms since the epoch). */
  since: z.number(),
  /** The last failure, in English (the banner's details). */
  detail: z.string(),
  /** When the engine checks again. */
  nextCheckAt: z.number(),
});
export type Outage = z.infer<typeof OutageSchema>;
export const ConnectivitySchema = z.object({ outages: z.array(OutageSchema) });
