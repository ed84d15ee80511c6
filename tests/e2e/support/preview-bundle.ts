// The preview host, bundled once per run with esbuild (as the CLI is): each test starts its own
// host, and running it from TypeScript through tsx cost every start about a second of
// transpiling on a 2-core machine that Chromium needs. Tests only: the app's own `npm start`
// runs the sources. out/preview is two folders below the repository, as electron/preview is, so
// the host's own path to out/renderer resolves the same; @github/keytar stays external (native).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const PREVIEW_BUNDLE = fileURLToPath(
  new URL('../../../out/preview/main.js', import.meta.url),
);

export async function buildPreviewBundle(): Promise<void> {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'electron/preview/main.ts' },
    outdir: 'out/preview',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@github/keytar'],
    // Bundled CommonJS (proper-lockfile, graceful-fs) calls require() for Node built-ins.
    banner: {
      js: "import { createRequire as __apexkeysRequire } from 'node:module'; const require = __apexkeysRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
