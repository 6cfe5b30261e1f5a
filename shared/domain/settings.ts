import { z } from 'zod';
import { LocaleSchema } from '../i18n/locale.ts';
import { ConcurrencySettingSchema } from './concurrency.ts';
import { ProviderChoiceIdSchema } from '../providers/choices.ts';

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.object({
  language: LocaleSchema,
  theme: ThemeSchema,
  /** Where finished videos are written. */
  outputDir: z.string().trim().min(1),
  /** Sheets larger than these are refused before they are read (product §2: big files stall machines). */
  importLimits: z.object({ maxMegabytes: z.number().int().min(1).max(1024), maxRows: z.number().int().min(1).max(1_000_000) }).strict(),
  /** Where new batches run unless the creator picks another provider before Start. */
  defaultProvider: ProviderChoiceIdSchema,
  /** The concurrency profile (product §3.1) new batches start with. */
  concurrency: ConcurrencySettingSchema,
  /** Spending caps in the provider's own unit (credits or US dollars); null: no cap. */
  budgets: z.object({ perBatch: z.number().positive().nullable(), perDay: z.number().positive().nullable() }).strict(),
  /** A gateway or relay's address in place of a provider's own. */
  baseUrls: z.partialRecord(z.enum(['kie', 'fal', 'openai']), z.url()),
  /** OS notifications when a batch finishes or needs the creator. */
  notifications: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update: unknown keys are refused rather than silently dropped. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
