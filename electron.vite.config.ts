import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './build/rendererConfig';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The catalog's worker thread (src/main/catalog/workerHost.ts loads out/main/catalogWorker.js).
          catalogWorker: resolve('src/main/catalog/catalogWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load chunks, ESM or node_modules: one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig(),
});
