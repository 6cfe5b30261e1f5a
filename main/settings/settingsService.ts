import { join } from 'node:path';
import { resolveLocale } from '../../shared/i18n/locale.ts';
import { SettingsSchema, type Settings, type SettingsPatch } from '../../shared/domain/settings.ts';
import type { SettingsRepo } from '../db/settingsRepo.ts';

export function defaultSettings(env: { locale: string | undefined; homeDir: string }): Settings {
  return {
    language: resolveLocale(env.locale),
    theme: 'system',
    outputDir: join(env.homeDir, 'Videos', 'Genvid'),
    importLimits: { maxMegabytes: 50, maxRows: 100_000 },
    defaultProvider: 'sandbox',
    concurrency: { profile: 'pro' },
    budgets: { perBatch: null, perDay: null },
    baseUrls: {},
    notifications: true,
  };
}

/** Reads settings over their defaults. A stored value that no longer validates falls back to its default. */
export function readSettings(repo: SettingsRepo, defaults: Settings): Settings {
  const stored = repo.readAll();
  const settings: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
    const parsed = SettingsSchema.shape[key].safeParse(stored[key]);
    if (parsed.success) settings[key] = parsed.data;
  }
  return SettingsSchema.parse(settings);
}

export function updateSettings(repo: SettingsRepo, defaults: Settings, patch: SettingsPatch): Settings {
  repo.writeMany(patch);
  return readSettings(repo, defaults);
}

/** The settings' import limits as the sheet reader takes them. */
export function sheetLimitsOf(settings: Pick<Settings, 'importLimits'>): { maxBytes: number; maxRows: number } {
  return { maxBytes: settings.importLimits.maxMegabytes * 1024 * 1024, maxRows: settings.importLimits.maxRows };
}
