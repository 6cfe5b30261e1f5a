import { runSimulatorCli } from '../../simulator/simulatorCli.ts';
import type { Command } from '../cliContext.ts';

const usage = 'genvid sim [--port N] [--speed X] [--key K]… [--seed N] [--catalog FILE] [--no-progress] [--faults JSON]';

/** `genvid sim`: the provider simulator, exactly as `npm run sim`; it runs until Ctrl-C. */
async function simCommand(args: string[]): Promise<number> {
  await runSimulatorCli(args);
  // Serving until the process is stopped (the simulator exits the process itself).
  await new Promise(() => {});
  return 0;
}

export const simCommandSpec: Command = { run: simCommand, usage };
