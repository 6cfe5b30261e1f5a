// One build for the three parts of the desktop app (`electron-vite build -c vite.config.ts`):
// main (ESM, dependencies left external), the preload (one CommonJS file, as sandboxed preloads
// require), and the renderer (React). Browser mode serves the same renderer build.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve('main/app/main.ts') } },
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
