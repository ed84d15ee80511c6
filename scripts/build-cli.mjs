#!/usr/bin/env node
// Builds the apexkeys CLI into out/cli/ with esbuild: one small entry (out/cli/main.js) and one
// chunk per command's action, loaded by dynamic import() only when that command runs, so
// `--help` or `key get` parse only what they use. @github/keytar stays external (a native module
// with prebuilt binaries): out/cli sits inside the package, where node_modules/@github/keytar
// resolves. The version comes from package.json at build time, the one version source.
//   node scripts/build-cli.mjs [--quiet]
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'out/cli');
const entry = join(outdir, 'main.js');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// zod's classic API re-exports every message locale (about 260 KiB of the bundle, more than half
// of zod) as z.locales; nothing here uses one, and English is zod's default. Parsing them cost
// every command start.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(args.path),
    }));
  },
};
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'electron/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@github/keytar'],
  plugins: [zodEnglishOnly],
  // Bundled CommonJS (proper-lockfile, graceful-fs) calls require() for Node built-ins; an ES
  // module has none, so each chunk gets one made for it.
  banner: {
    js: "import { createRequire as __apexkeysRequire } from 'node:module'; const require = __apexkeysRequire(import.meta.url);",
  },
  define: { __APEXKEYS_VERSION__: JSON.stringify(pkg.version) },
  chunkNames: 'chunks/[name]-[hash]',
  // Whitespace and syntax only: identifiers stay, so APEXKEYS_DEBUG=1 stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  // Written below, so that a CLI starting meanwhile (another test run) never sees a half build.
  write: false,
  logLevel: 'warning',
}).catch(() => {
  // esbuild has already printed each error with its file and line.
  console.error('build-cli: the CLI could not be built (errors above).');
  process.exit(1);
});
// Every file is written whole (a temp file renamed into place), chunks before the entry that
// imports them; chunk names carry a content hash, so a CLI already running keeps finding its own.
// Then chunks no longer built are removed: they would only ship in the tarball.
const written = new Set();
for (const file of [...result.outputFiles].sort(
  (a, b) => Number(a.path === entry) - Number(b.path === entry),
)) {
  mkdirSync(dirname(file.path), { recursive: true });
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
  written.add(file.path);
}
const chunksDir = join(outdir, 'chunks');
for (const name of readdirSync(chunksDir))
  if (!written.has(join(chunksDir, name))) rmSync(join(chunksDir, name), { force: true });
if (!process.argv.includes('--quiet')) {
  const outputs = Object.entries(result.metafile.outputs);
  const total = outputs.reduce((n, [, o]) => n + o.bytes, 0);
  console.log(
    `build-cli: ${outputs.length} files, ${(total / 1024).toFixed(0)} KiB in ${outdir} (apexkeys ${pkg.version})`,
  );
}
