// The genvid command line: `npm run genvid -- <command> …` in the repo. Each command is a module
// in commands/; failures print one clear line (a stack trace only with --debug) and exit non-zero.
import { homedir } from 'node:os';
import { resolveDataDir } from '../paths/dataDir.ts';
import { checkCommand, checkUsage } from './commands/check.ts';
import { CliError } from './cliOutput.ts';

const commands: Record<string, { run: typeof checkCommand; usage: string }> = {
  check: { run: checkCommand, usage: checkUsage },
};

const usage = ['Usage:', ...Object.values(commands).map((command) => `  ${command.usage}`)].join('\n');

/** Takes the options every command shares out of the arguments. */
function commonOptions(args: string[]): { rest: string[]; dataDir: string | undefined; debug: boolean } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  let debug = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--debug') debug = true;
    else if (arg === '--data-dir') {
      dataDir = args[index + 1];
      if (!dataDir) throw new CliError('--data-dir needs a folder.');
      index += 1;
    } else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else rest.push(arg);
  }
  return { rest, dataDir, debug };
}

async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const { rest, dataDir } = commonOptions(argv);
    const [name, ...args] = rest;
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      console.log(usage);
      return name ? 0 : 2;
    }
    const command = commands[name];
    if (!command) throw new CliError(`Unknown command "${name}".\n${usage}`);
    return await command.run(args, {
      dataDir: resolveDataDir({ flag: dataDir, env: process.env, platform: process.platform, homeDir: homedir() }),
      env: process.env,
      out: (text) => console.log(text),
    });
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
