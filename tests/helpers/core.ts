import { onTestFinished } from 'vitest';
import type { CallInput, CallOutput } from '../../shared/contract/calls.ts';
import type { CallName } from '../../shared/contract/names.ts';
import { openCore, type CoreOptions, type GenvidCore } from '../../main/core.ts';
import { tempDir } from './tempDir.ts';

/** A real core over a fresh data folder, closed when the test ends. */
export function testCore(options: Partial<CoreOptions> = {}): GenvidCore {
  const core = openCore({ dataDir: tempDir(), shell: 'browser', locale: 'en-US', homeDir: '/home/test', ...options });
  onTestFinished(() => core.close());
  return core;
}

/** Dispatches a call and returns its typed output, failing the test with the error if it failed. */
export async function callOk<K extends CallName>(core: GenvidCore, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as CallOutput<K>;
}
