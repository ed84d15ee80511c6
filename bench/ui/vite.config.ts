// The bench:ui pages: the renderer's components on 10,000 generated keys, with no backend.
//   npx vite build -c bench/ui/vite.config.ts     -> out/bench-ui/{index,baseline}.html
//   npx vite preview -c bench/ui/vite.config.ts   -> serves them on http://localhost:4173/
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';
import { APP_CSP } from '../../shared/csp.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The app's own CSP, so the bench page runs under the same rules as the window. */
function cspMeta(): Plugin {
  return {
    name: 'apexkeys-bench-csp-meta',
    transformIndexHtml: (html) => html.replace('%APP_CSP%', APP_CSP),
  };
}

const config: UserConfig = {
  root: here('./'),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: here('../../out/bench-ui'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: { input: { index: here('./index.html'), baseline: here('./baseline.html') } },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
};

export default config;
