// The child processes tests spawn (tests/fixtures/*.ts), bundled once per run with esbuild into
// out/test-fixtures/: spawned through tsx, each start spent about a second transpiling, and the
// crash tests start a child per kill point, several times over. Built by the global setup;
// `fixture(name)` is what a test spawns with process.execPath.
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './repo-root.ts';

export const FIXTURES = ['rotation-crash-child', 'generate-crash-child', 'store-writer'] as const;
export type FixtureName = (typeof FIXTURES)[number];

const OUT = join(REPO_ROOT, 'out/test-fixtures');

/** The bundled script to run with `node`. */
export const fixture = (name: FixtureName): string => join(OUT, `${name}.mjs`);

export async function buildFixtures(): Promise<void> {
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: Object.fromEntries(FIXTURES.map((n) => [n, `tests/fixtures/${n}.ts`])),
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // A native module: loaded from node_modules as the app loads it.
    external: ['@github/keytar'],
    // Bundled CommonJS (proper-lockfile, graceful-fs) calls require() for Node built-ins.
    banner: {
      js: "import { createRequire as __apexkeysRequire } from 'node:module'; const require = __apexkeysRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
