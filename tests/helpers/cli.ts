import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../main/cli/genvid.ts', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const cliEnv = (env: NodeJS.ProcessEnv) => ({ ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env });

/** Starts `genvid ARGS` as a child process to interact with (signals, streams). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [entry, ...args], { env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Runs `genvid ARGS` as a user would (a child process), with English messages unless env says
 * otherwise, in `cwd` (the test's own folder when the command writes where it is run).
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [entry, ...args], { env: cliEnv(env), timeout: 60_000, cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
