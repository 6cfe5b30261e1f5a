import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Another Genvid process (the app, browser mode or the command line) runs the engine on this data folder. */
export class EngineLockedError extends Error {
  readonly pid: number;
  constructor(pid: number, dataDir: string) {
    super(`Genvid is already running batches from ${dataDir} (process ${pid}). Close it, or wait for it to finish, then try again.`);
    this.name = 'EngineLockedError';
    this.pid = pid;
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One engine per data folder: two engines on one database could both submit the same queued row,
 * paying twice. The lock is a file holding the owner's pid, created exclusively; one left by a
 * process that died is taken over. Returns the release function.
 */
export function lockEngine(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'engine.lock');
  for (let tries = 0; tries < 3; tries += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) throw new EngineLockedError(owner, dataDir);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot take the engine lock in ${dataDir}`);
}
