import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three builds: the main process (electron/main, which bundles electron/core), the sandboxed
// preload (CommonJS, as Electron's sandbox requires), and the renderer with two pages:
// the main window and the wall-board.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The monthly archive's worker thread (electron/core/services/archive/tablesJob.ts finds
          // it as archiveWorker.js beside the bundle).
          archiveWorker: resolve(__dirname, 'electron/core/services/archive/tablesWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Offline app: no CDN, everything in the bundle; large vendor chunk is fine on a local disk.
      chunkSizeWarningLimit: 4000,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'renderer/index.html'),
          wallboard: resolve(__dirname, 'renderer/wallboard.html'),
        },
      },
    },
  },
});
