// The renderer's build, shared by electron-vite (the app) and the preview host.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';
import { APP_CSP } from './shared/csp.ts';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

/** Writes the one CSP from shared/csp.ts into index.html's meta tag. */
function cspMeta(): Plugin {
  return {
    name: 'apexkeys-csp-meta',
    transformIndexHtml: (html) => html.replace('%APP_CSP%', APP_CSP),
  };
}

export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    // No inline assets: everything is a file under the renderer, so 'self' covers it.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
};

export default rendererConfig;
