// One build for the three parts of the desktop app (`electron-vite build -c vite.config.ts`):
// main (ESM, dependencies left external), the preload (one CommonJS file, as sandboxed preloads
// require), and the renderer (React). Browser mode serves the same renderer build.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The simulator finds its sample videos next to its own module (`new URL('./media/…',
 * import.meta.url)`); in the bundle that module is out/main/index.js, so the files go to out/main/media.
 */
function copySimulatorMedia(): Plugin {
  return {
    name: 'genvid:copy-simulator-media',
    writeBundle() {
      cpSync(resolve('main/simulator/media'), resolve('out/main/media'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copySimulatorMedia()],
    build: {
      outDir: 'out/main',
      // The sheet reader runs in a worker thread, so it is an entry of its own (see inspectInWorker.ts);
      // the command line is another (bin/genvid.js runs it). Shared chunks sit beside the entries,
      // not in chunks/, so paths relative to a module (the worker, the simulator's media) hold.
      rolldownOptions: {
        input: { index: resolve('main/app/main.ts'), inspectWorker: resolve('main/sheets/worker/inspectWorker.ts'), cli: resolve('main/cli/genvid.ts') },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // A strict CSP allows no data: scripts or styles, so nothing is inlined.
      assetsInlineLimit: 0,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
