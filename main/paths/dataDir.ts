import { join } from 'node:path';

/** The folder name under the OS app-data folder; Electron derives its userData from productName. */
export const APP_FOLDER_NAME = 'Genvid';

export interface DataDirInputs {
  /** `--data-dir` from the command line. */
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
}

/**
 * Where Genvid keeps its database, logs and settings: `--data-dir`, else `GENVID_DATA_DIR`, else
 * the same folder Electron's `app.getPath('userData')` gives, so the desktop app, browser mode and
 * the command line all share one data folder by default.
 */
export function resolveDataDir({ flag, env, platform, homeDir }: DataDirInputs): string {
  if (flag) return flag;
  if (env.GENVID_DATA_DIR) return env.GENVID_DATA_DIR;
  return join(osAppDataDir(env, platform, homeDir), APP_FOLDER_NAME);
}

function osAppDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string {
  if (platform === 'win32') return env.APPDATA ?? join(homeDir, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homeDir, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(homeDir, '.config');
}

export const databaseFile = (dataDir: string): string => join(dataDir, 'genvid.db');
