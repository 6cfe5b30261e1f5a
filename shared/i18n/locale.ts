import { z } from 'zod';

export const locales = ['en', 'zh-CN'] as const;
export const LocaleSchema = z.enum(locales);
export type Locale = z.infer<typeof LocaleSchema>;

/** Maps an OS or browser language tag (`zh-Hans-CN`, `en-US`, …) to a locale we ship. */
export function resolveLocale(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
