import { onTestFinished } from 'vitest';
import { openCore, type CoreOptions, type GenvidCore } from '../../main/core.ts';
import { tempDir } from './tempDir.ts';

/** A real core over a fresh data folder, closed when the test ends. */
export function testCore(options: Partial<CoreOptions> = {}): GenvidCore {
  const core = openCore({ dataDir: tempDir(), shell: 'browser', locale: 'en-US', homeDir: '/home/test', ...options });
  onTestFinished(() => core.close());
  return core;
}
