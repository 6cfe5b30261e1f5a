import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../main/paths/dataDir.ts';

describe('the data folder', () => {
  const home = '/home/ana';

  it('is --data-dir first, then GENVID_DATA_DIR', () => {
    expect(resolveDataDir({ flag: '/d/flag', env: { GENVID_DATA_DIR: '/d/env' }, platform: 'linux', homeDir: home })).toBe('/d/flag');
    expect(resolveDataDir({ env: { GENVID_DATA_DIR: '/d/env' }, platform: 'linux', homeDir: home })).toBe('/d/env');
  });

  it("defaults to the folder Electron's userData would be on each OS", () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', homeDir: home })).toBe(join(home, '.config', 'Genvid'));
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', homeDir: home })).toBe(join('/xdg', 'Genvid'));
    expect(resolveDataDir({ env: {}, platform: 'darwin', homeDir: home })).toBe(join(home, 'Library', 'Application Support', 'Genvid'));
    expect(resolveDataDir({ env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, platform: 'win32', homeDir: home })).toBe(
      join('C:\\Users\\ana\\AppData\\Roaming', 'Genvid'),
    );
  });
});
