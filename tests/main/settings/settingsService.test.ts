import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/db/store.ts';
import { defaultSettings, readSettings, updateSettings } from '../../../main/settings/settingsService.ts';
import { tempDir } from '../../helpers/tempDir.ts';

describe('settings', () => {
  it('default to the OS language, the system theme and a Videos folder', () => {
    expect(defaultSettings({ locale: 'zh-Hans-CN', homeDir: '/home/ana' })).toEqual({
      language: 'zh-CN',
      theme: 'system',
      outputDir: join('/home/ana', 'Videos', 'Genvid'),
      importLimits: { maxMegabytes: 50, maxRows: 100_000 },
      defaultProvider: 'sandbox',
      concurrency: { profile: 'pro' },
      budgets: { perBatch: null, perDay: null },
      baseUrls: {},
      notifications: true,
    });
    expect(defaultSettings({ locale: 'fr-FR', homeDir: '/h' }).language).toBe('en');
    expect(defaultSettings({ locale: undefined, homeDir: '/h' }).language).toBe('en');
  });

  it('read back what was updated, over the defaults', () => {
    const store = openStore(join(tempDir(), 'genvid.db'));
    const defaults = defaultSettings({ locale: 'en-US', homeDir: '/h' });
    expect(updateSettings(store.settings, defaults, { theme: 'dark' })).toEqual({ ...defaults, theme: 'dark' });
    expect(readSettings(store.settings, defaults)).toEqual({ ...defaults, theme: 'dark' });
    store.close();
  });

  it('fall back to the default for a stored value that no longer validates', () => {
    const store = openStore(join(tempDir(), 'genvid.db'));
    const defaults = defaultSettings({ locale: 'en-US', homeDir: '/h' });
    store.settings.writeMany({ theme: 'neon', language: 'zh-CN' });
    expect(readSettings(store.settings, defaults)).toEqual({ ...defaults, language: 'zh-CN' });
    store.close();
  });
});
