#!/usr/bin/env node
// Builds the apexkeys CLI into out/cli/ with esbuild: one small entry (out/cli/main.js) and one
// chunk per command's action, loaded by dynamic import() only when that command runs, so
// `--help` or `key get` parse only what they use. zod and commander, which every start loads, are
// one CommonJS file in out/cli/vendor/ with V8's code cache beside it, made here by a training run
// (electron/cli/vendor-cache.ts says why). @github/keytar stays external (a native module
// with prebuilt binaries): out/cli sits inside the package, where node_modules/@github/keytar
// resolves. The version comes from package.json at build time, the one version source.
//   node scripts/build-cli.mjs [--quiet] [--outdir DIR] [--metafile FILE]
// --outdir builds elsewhere than out/cli (a test that inspects a build of its own); --metafile
// writes esbuild's metafile of the command bundle (which source went into which chunk, what each
// chunk imports), kept out of the package's out/cli.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The value after a flag, or undefined when the flag is absent. */
function flag(name) {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (!value || value.startsWith('--')) {
    console.error(`build-cli: ${name} needs a value.`);
    process.exit(2);
  }
  return resolve(value);
}
const outdir = flag('--outdir') ?? join(root, 'out/cli');
const metafileOut = flag('--metafile');
const quiet = process.argv.includes('--quiet');
const entry = join(outdir, 'main.js');
const chunksDir = join(outdir, 'chunks');
const vendorDir = join(outdir, 'vendor');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * The vendored libraries and the names each exports (read from the libraries themselves, so an
 * import of any of them works as it would from node_modules).
 */
const VENDORED = {};
for (const lib of ['zod', 'commander'])
  VENDORED[lib] = Object.keys(await import(lib)).filter((name) => name !== 'default');

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

/** Points the command bundle's `zod` and `commander` at the vendor file, loaded once with its cache. */
const fromVendor = (vendorName) => ({
  name: 'apexkeys-vendor',
  setup(b) {
    const loader = join(root, 'electron/cli/vendor-cache.ts');
    b.onResolve({ filter: /^(zod|commander)$/ }, (args) => ({
      path: args.path,
      namespace: 'apexkeys-vendor',
    }));
    b.onLoad({ filter: /.*/, namespace: 'apexkeys-vendor' }, (args) => ({
      contents:
        `import { loadVendor } from ${JSON.stringify(loader)};\n` +
        `export const { ${VENDORED[args.path].join(', ')} } =\n` +
        `  loadVendor(${JSON.stringify(vendorName)})[${JSON.stringify(args.path)}];\n`,
      resolveDir: root,
      loader: 'js',
    }));
  },
});

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  define: { __APEXKEYS_VERSION__: JSON.stringify(pkg.version) },
  // Whitespace and syntax only: identifiers stay, so APEXKEYS_DEBUG=1 stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // Written below, so that a CLI starting meanwhile (another test run) never sees a half build.
  write: false,
  logLevel: 'warning',
};
const esm = {
  ...common,
  format: 'esm',
  external: ['@github/keytar'],
  // Bundled CommonJS (proper-lockfile, graceful-fs) calls require() for Node built-ins; an ES
  // module has none, so each file gets one made for it.
  banner: {
    js: "import { createRequire as __apexkeysRequire } from 'node:module'; const require = __apexkeysRequire(import.meta.url);",
  },
};
const failed = () => {
  // esbuild has already printed each error with its file and line.
  console.error('build-cli: the CLI could not be built (errors above).');
  process.exit(1);
};

const vendor = await build({
  ...common,
  stdin: {
    contents: Object.keys(VENDORED)
      .map((lib) => `export * as ${lib} from ${JSON.stringify(lib)};`)
      .join('\n'),
    resolveDir: root,
    sourcefile: 'vendor.js',
  },
  format: 'cjs',
  outfile: join(vendorDir, 'vendor.cjs'),
  plugins: [zodEnglishOnly],
}).catch(failed);
const vendorCode = vendor.outputFiles[0].contents;
// Named by content, like the chunks: a CLI already running keeps finding its own.
const vendorName = `vendor-${createHash('sha256').update(vendorCode).digest('hex').slice(0, 12)}.cjs`;

const result = await build({
  ...esm,
  entryPoints: { main: 'electron/cli/main.ts' },
  outdir,
  splitting: true,
  plugins: [zodEnglishOnly, fromVendor(vendorName)],
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
}).catch(failed);

/** Writes a file whole: a temp file renamed into place. */
function writeWhole(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}
// The vendor file first, then the chunks, then the entry that imports them.
const written = new Set([join(vendorDir, vendorName)]);
writeWhole(join(vendorDir, vendorName), vendorCode);
for (const file of [...result.outputFiles].sort(
  (a, b) => Number(a.path === entry) - Number(b.path === entry),
)) {
  writeWhole(file.path, file.contents);
  written.add(file.path);
}

// The training run: a bundle of electron/cli/vendor-train.ts at the top of outdir (where the
// loader finds vendor/), run once by this Node, which writes the vendor's code cache.
const train = await build({
  ...esm,
  entryPoints: ['electron/cli/vendor-train.ts'],
  outfile: join(outdir, `vendor-train-${process.pid}.mjs`),
  plugins: [zodEnglishOnly, fromVendor(vendorName)],
}).catch(failed);
const trainFile = train.outputFiles[0].path;
writeWhole(trainFile, train.outputFiles[0].contents);
const trained = spawnSync(process.execPath, [trainFile, vendorName], {
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
});
rmSync(trainFile, { force: true });
if (trained.status === 0) written.add(join(vendorDir, `${vendorName}.v8cache`));
else
  // The CLI works without the cache; it only compiles zod and commander at every start.
  console.error(
    `build-cli: no code cache for ${vendorName} (the CLI starts slower):\n${trained.stderr}`,
  );

// Files no longer built are removed: they would only ship in the tarball.
for (const dir of [chunksDir, vendorDir])
  for (const name of readdirSync(dir))
    if (!written.has(join(dir, name))) rmSync(join(dir, name), { force: true });
if (metafileOut) writeFileSync(metafileOut, JSON.stringify(result.metafile));
if (!quiet) {
  const outputs = Object.entries(result.metafile.outputs);
  const total = outputs.reduce((n, [, o]) => n + o.bytes, 0) + vendorCode.length;
  console.log(
    `build-cli: ${outputs.length + 1} files, ${(total / 1024).toFixed(0)} KiB in ${outdir} (apexkeys ${pkg.version})`,
  );
}
