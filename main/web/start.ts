// Browser mode: `npm run web -- [--port N] [--data-dir D]`. Starts main's services under Node and
// serves the renderer to a normal browser on 127.0.0.1, printing the one address to open.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCore } from '../core.ts';
import { resolveDataDir } from '../paths/dataDir.ts';
import { startBrowserMode } from './browserMode.ts';

const rendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

function fail(message: string): never {
  console.error(`genvid web: ${message}`);
  process.exit(1);
}

let options;
try {
  options = parseArgs({
    options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' }, 'sandbox-speed': { type: 'string', default: '10' } },
    strict: true,
  }).values;
} catch (error) {
  fail(`${(error as Error).message}. Usage: npm run web -- [--port N] [--data-dir DIR]`);
}
const port = Number(options.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${options.port}".`);
const sandboxSpeed = Number(options['sandbox-speed']);
if (!(sandboxSpeed >= 1 && sandboxSpeed <= 10_000)) fail(`--sandbox-speed must be a number from 1 to 10000, not "${options['sandbox-speed']}".`);
if (!existsSync(`${rendererDir}index.html`)) fail('the renderer is not built yet. Run `npm run build` first.');

const dataDir = resolveDataDir({ flag: options['data-dir'], env: process.env, platform: process.platform, homeDir: homedir() });
let core;
try {
  core = openCore({ dataDir, shell: 'browser', locale: Intl.DateTimeFormat().resolvedOptions().locale, sandboxSpeed });
} catch (error) {
  fail(`cannot open the data folder ${dataDir}: ${(error as Error).message}`);
}
const server = await startBrowserMode({ core, rendererDir, port }).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === 'EADDRINUSE' ? `port ${port} is already in use; pick another with --port.` : error.message),
);
console.log(`Genvid browser mode: open ${server.url}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
