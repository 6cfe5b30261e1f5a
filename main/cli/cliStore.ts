import { existsSync } from 'node:fs';
import { openCore, type GenvidCore } from '../core.ts';
import { openStore, type Store } from '../db/store.ts';
import { databaseFile } from '../paths/dataDir.ts';
import { EngineLockedError } from '../paths/engineLock.ts';
import { CliError } from './cliOutput.ts';
import type { ProviderChoiceId } from '../../shared/providers/choices.ts';
import type { ProviderHandle } from '../engine/engineDeps.ts';
import { MissingKeyError } from '../providers/connections.ts';

/** The data folder's database for a command that only reads (no engine, nothing resumed). */
export function openExistingStore(dataDir: string): Store {
  if (!existsSync(databaseFile(dataDir))) throw new CliError(`There is no Genvid data in ${dataDir} yet: run a batch first (or pass --data-dir).`);
  return openStore(databaseFile(dataDir));
}

/** The engine and its database, for commands that run batches. Interrupted work is reconciled first. */
export async function openEngine(dataDir: string, env: NodeJS.ProcessEnv, sandboxSpeed: number): Promise<GenvidCore> {
  let core: GenvidCore;
  try {
    core = openCore({ dataDir, shell: 'cli', env, sandboxSpeed, locale: env.LANG, onInternalError: (error, where) => console.error(`genvid: ${where} failed: ${(error as Error).message}`) });
  } catch (error) {
    if (error instanceof EngineLockedError) throw new CliError(error.message);
    throw error;
  }
  await core.recovered;
  return core;
}

/** A batch id from the command line that names a batch in this database. */
export function batchIdArg(text: string | undefined, store: Store): number {
  const id = Number(text);
  if (!text || !Number.isInteger(id) || id <= 0) throw new CliError(`"${text ?? ''}" is not a batch number: see \`genvid status\` for the list.`);
  if (!store.batchExists(id)) throw new CliError(`There is no batch ${id}: see \`genvid status\` for the list.`);
  return id;
}

/** The provider a batch runs on; a missing key is one clear line. */
export async function providerHandleFor(core: GenvidCore, provider: ProviderChoiceId, baseUrl?: string): Promise<ProviderHandle> {
  try {
    return await core.provider(provider, baseUrl);
  } catch (error) {
    if (error instanceof MissingKeyError) throw new CliError(`No API key for ${provider}: ${error.message}`);
    throw error;
  }
}
