import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { startBrowserMode, type BrowserModeServer } from '../../main/web/browserMode.ts';
import type { GenvidCore } from '../../main/core.ts';
import { tempDir } from './tempDir.ts';

/** A stand-in renderer build: an index page and one asset. */
export function fakeRendererDir(): string {
  const dir = tempDir('genvid-renderer-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Genvid</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("genvid");');
  return dir;
}

export async function testBrowserMode(core: GenvidCore, rendererDir = fakeRendererDir()): Promise<BrowserModeServer> {
  const server = await startBrowserMode({ core, rendererDir, port: 0 });
  onTestFinished(() => server.close());
  return server;
}
