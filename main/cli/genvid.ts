// The genvid command line: `npm run genvid -- <command> …` in the repo, `genvid` when installed.
// Each command is a module in commands/; failures print one clear line (a stack trace only with
// --debug) and exit non-zero.
import { homedir } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { resolveDataDir } from '../paths/dataDir.ts';
import type { Command, CommandContext } from './cliContext.ts';
import { CliError, cliLocale } from './cliOutput.ts';
import { checkCommandSpec } from './commands/check.ts';
import { exportCommandSpec } from './commands/export.ts';
import { ledgerCommandSpec } from './commands/ledger.ts';
import { resumeCommandSpec, retryFailedCommandSpec } from './commands/resume.ts';
import { runCommandSpec } from './commands/run.ts';
import { simCommandSpec } from './commands/sim.ts';
import { statusCommandSpec } from './commands/status.ts';

const commands: Record<string, Command> = {
  run: runCommandSpec,
  check: checkCommandSpec,
  resume: resumeCommandSpec,
  status: statusCommandSpec,
  'retry-failed': retryFailedCommandSpec,
  export: exportCommandSpec,
  ledger: ledgerCommandSpec,
  sim: simCommandSpec,
};

const usage = [
  'Usage:',
  ...Object.values(commands).map((command) => `  ${command.usage}`),
  'Every command also takes --data-dir DIR (default: the desktop app\'s data folder), --lang en|zh-CN and --debug.',
].join('\n');

/** Takes the options every command shares out of the arguments. */
function commonOptions(args: string[]): { rest: string[]; dataDir: string | undefined; lang: string | undefined } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  let lang: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--debug') continue;
    if (arg === '--data-dir' || arg === '--lang') {
      const value = args[index + 1];
      if (!value || value.startsWith('--')) throw new CliError(`${arg} needs a value.`);
      if (arg === '--data-dir') dataDir = value;
      else lang = value;
      index += 1;
    } else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  return { rest, dataDir, lang };
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new CliError('There is no terminal to ask for confirmation: add --yes to start without asking.');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes|是|好)$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const { rest, dataDir, lang } = commonOptions(argv);
    const [name, ...args] = rest;
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      console.log(usage);
      return name ? 0 : 2;
    }
    const command = commands[name];
    if (!command) throw new CliError(`Unknown command "${name}".\n${usage}`);
    const context: CommandContext = {
      dataDir: resolveDataDir({ flag: dataDir, env: process.env, platform: process.platform, homeDir: homedir() }),
      env: process.env,
      locale: cliLocale(lang, process.env),
      out: (text) => console.log(text),
      err: (text) => process.stderr.write(text),
      interactive: process.stderr.isTTY === true,
      confirm,
    };
    return await command.run(args, context);
  } catch (error) {
    if (debug) console.error(error);
    else if (error instanceof CliError) console.error(`genvid: ${error.message}`);
    // parseArgs reports unknown or malformed options with a code and a readable message.
    else if (String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) console.error(`genvid: ${(error as Error).message}`);
    else console.error(`genvid: ${(error as Error).message} (run again with --debug for details)`);
    return error instanceof CliError ? error.exitCode : 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
