import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineLockedError, lockEngine } from '../../../main/paths/engineLock.ts';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/tempDir.ts';

describe('one engine per data folder', () => {
  it('records its process and lets go on release', () => {
    const dir = tempDir();
    const release = lockEngine(dir);
    expect(readFileSync(join(dir, 'engine.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, 'engine.lock'))).toBe(false);
  });

  it('refuses while another live process holds it, and takes over one left by a dead process', () => {
    const dir = tempDir();
    // The test runner's parent process is alive and is not this one.
    writeFileSync(join(dir, 'engine.lock'), String(process.ppid));
    expect(() => lockEngine(dir)).toThrow(EngineLockedError);
    writeFileSync(join(dir, 'engine.lock'), '2147483646');
    const release = lockEngine(dir);
    expect(readFileSync(join(dir, 'engine.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('makes genvid run say so in one line instead of running a second engine', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'engine.lock'), String(process.pid));
    const sample = new URL('../../../examples/sample.xlsx', import.meta.url).pathname;
    const run = await runCli(['run', sample, '--yes', '--data-dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`genvid: Genvid is already running batches from ${dir} (process ${process.pid}). Close it, or wait for it to finish, then try again.`);
  });
});
