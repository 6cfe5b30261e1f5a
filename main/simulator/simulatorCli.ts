// The provider simulator on its own: `npm run sim -- [--port N] [--speed X] [--key K]…
// [--seed N] [--catalog FILE] [--no-progress] [--faults JSON]` (also `genvid sim`).
// Prints one line, `listening <url>`; KIE at <url>, fal at <url>/fal, OpenAI at <url>/v1.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadCatalog } from '../providers/catalog/loadCatalog.ts';
import { FaultSpecSchema } from './faults.ts';
import { DEFAULT_SANDBOX_KEY, startSimulator } from './server.ts';

function fail(message: string): never {
  console.error(`genvid sim: ${message}`);
  process.exit(1);
}

/** Parses the simulator's options, starts it, prints `listening <url>` and stops it on Ctrl-C. */
export async function runSimulatorCli(args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '0' },
        speed: { type: 'string', default: '1' },
        key: { type: 'string', multiple: true },
        seed: { type: 'string', default: '1' },
        catalog: { type: 'string' },
        'no-progress': { type: 'boolean', default: false },
        faults: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}. Usage: npm run sim -- [--port N] [--speed X] [--key K]…`);
  }
  const port = Number(values.port);
  const speed = Number(values.speed);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".`);
  if (!(speed > 0)) fail(`--speed must be a number above 0, not "${values.speed}".`);
  if (!Number.isInteger(seed)) fail(`--seed must be a whole number, not "${values.seed}".`);

  const { catalog, problems } = loadCatalog(values.catalog);
  if (problems.length > 0) fail(problems.join(' '));
  let faults: z.infer<typeof FaultSpecSchema>[] = [];
  if (values.faults) {
    const parsed = z.array(FaultSpecSchema).safeParse((() => {
      try {
        return JSON.parse(values.faults) as unknown;
      } catch {
        return undefined;
      }
    })());
    if (!parsed.success) fail('--faults must be a JSON list of fault switches, e.g. [{"kind":"task-fail-transient","rate":0.1}].');
    faults = parsed.data;
  }

  const simulator = await startSimulator({ port, speed, seed, catalog, faults, reportProgress: !values['no-progress'], keys: values.key ?? [DEFAULT_SANDBOX_KEY] }).catch((error: NodeJS.ErrnoException) =>
    fail(error.code === 'EADDRINUSE' ? `port ${port} is already in use; pick another with --port.` : error.message),
  );
  console.log(`listening ${simulator.url}`);

  const stop = () => void simulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
