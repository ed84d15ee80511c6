// electron-vite 5: main (ESM, out/main), the sandboxed preload (one CJS file, out/preload) and the
// renderer (the same build as the preview host's, out/renderer).
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './vite.renderer.config.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      lib: { entry: here('./electron/main/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      // A sandboxed preload cannot load modules from disk: everything, zod and the contract
      // included, goes into the one file, and `require('electron')` is the only import left.
      externalizeDeps: false,
      lib: {
        entry: here('./electron/preload/index.ts'),
        formats: ['cjs'],
        fileName: () => 'index.cjs',
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      // electron-vite looks for src/renderer/index.html unless told where the page is.
      rollupOptions: { input: here('./renderer/index.html') },
    },
  },
});
