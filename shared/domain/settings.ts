import { z } from 'zod';
import { LocaleSchema } from '../i18n/locale.ts';

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.object({
  language: LocaleSchema,
  theme: ThemeSchema,
  /** Where finished videos are written. */
  outputDir: z.string().trim().min(1),
  /** Sheets larger than these are refused before they are read (product §2: big files stall machines). */
  importLimits: z.object({ maxMegabytes: z.number().int().min(1).max(1024), maxRows: z.number().int().min(1).max(1_000_000) }).strict(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update: unknown keys are refused rather than silently dropped. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
