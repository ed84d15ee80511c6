// npm run dist:check: packs the app offline and checks what an installer would ship. No Electron
// download is possible here, so electron-builder packs the Linux `dir` target around a stub
// "Electron" (a file carrying only a fuse wire); what it writes into app.asar, what it unpacks
// and the fuses it flips are the same for every target. Checked: the asar holds the built main,
// preload, renderer and CLI, package.json and production dependencies only (no tests, sources,
// bench, maps or .env files), keytar's native module and the CLI are unpacked, the fuses match
// SECURITY.md's table, the icons exist in every size, and the version is package.json's.
// tests/unit/main/security/fuses.test.ts runs the same functions inside `npm test`.
//   node scripts/dist-check.mjs [--keep]      (--keep leaves the staging folder and prints it)
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { PNG_SIZES, writeIcons } from './icons.mjs';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const APP_EXECUTABLE = 'apexverify-key-manager';
/** The CLI bundle's entry, as scripts/build-cli.mjs writes it. */
export const CLI_ENTRY = 'out/cli/main.js';

/** SECURITY.md's fuse table, in @electron/fuses' names. */
export const FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  GrantFileProtocolExtraPrivileges: false,
  EnableCookieEncryption: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
};
/** Windows' .ico sizes and the .icns entry types for 16 to 1024 px (ic04/ic05 are 16/32 ARGB). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const ICNS_TYPES = ['ic07', 'ic08', 'ic09', 'ic10'];

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's own defaults, in FuseV1Options order: '1' on, '0' off.
const DEFAULT_WIRE = '10110001';

/** A copy of the project electron-builder can pack: config, manifest, a private build, icons. */
export async function stageProject(dir) {
  const project = join(dir, 'project');
  mkdirSync(project, { recursive: true });
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml'])
    cpSync(join(ROOT, f), join(project, f));
  cpSync(join(ROOT, 'resources'), join(project, 'resources'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  // Built here, not into the shared out/, which the preview host and other suites use.
  await run(
    join(ROOT, 'node_modules/.bin/electron-vite'),
    ['build', '--outDir', join(project, 'out'), '-l', 'error'],
    { cwd: ROOT },
  );
  // build-cli.mjs writes only the shared out/cli; an existing bundle is reused, not rebuilt
  // under a suite that may be running it.
  if (!existsSync(join(ROOT, CLI_ENTRY)))
    await run(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--quiet'], { cwd: ROOT });
  cpSync(join(ROOT, 'out/cli'), join(project, 'out/cli'), { recursive: true });
  writeIcons(join(project, 'out/icons'));
  return project;
}

/** An "Electron" that is only a fuse wire, and the version file electron-builder reads. */
export function stubElectron(dir) {
  const dist = join(dir, 'electron-dist');
  mkdirSync(dist);
  const wire = Buffer.from(DEFAULT_WIRE, 'ascii');
  const body = [Buffer.from('#!/bin/sh\n# '), Buffer.from(SENTINEL), Buffer.from([1, wire.length])];
  writeFileSync(join(dist, 'electron'), Buffer.concat([...body, wire]), { mode: 0o755 });
  const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json')));
  writeFileSync(join(dist, 'version'), `v${version}`);
  return dist;
}

/** Packs the staged project (Linux `dir`) into `output`; returns the unpacked app folder. */
export async function pack(project, electronDist, output) {
  const builder = join(ROOT, 'node_modules/electron-builder/out/index.js');
  const script = join(project, '..', 'pack.mjs');
  writeFileSync(
    script,
    `import { build, Platform } from ${JSON.stringify(builder)};\n` +
      `await build({ projectDir: ${JSON.stringify(project)}, targets: Platform.LINUX.createTarget('dir'), publish: 'never',\n` +
      `  config: { electronDist: ${JSON.stringify(electronDist)}, directories: { output: ${JSON.stringify(output)} } } });\n`,
  );
  // Nothing here needs the network; a dead proxy makes sure nothing reaches it.
  const proxy = 'http://127.0.0.1:9';
  const env = { ...process.env, HTTPS_PROXY: proxy, HTTP_PROXY: proxy };
  await run(process.execPath, [script], {
    cwd: project,
    env: { ...env, https_proxy: proxy, http_proxy: proxy },
  });
  return join(output, 'linux-unpacked');
}

/**
 * Problems with the asar's listing (`pack : /x` / `unpack : /x` lines) for the manifest `pkg`;
 * [] when it is right. Every production dependency (electron-vite leaves them external) must be
 * there, electron-store (the window's state) named on its own; no dev dependency may be.
 */
export function listingProblems(lines, pkg) {
  const problems = [];
  const entries = lines.map((l) => {
    const [state, path] = l.split(' : ');
    return { unpacked: state === 'unpack', path: (path ?? '').replaceAll('\\', '/') };
  });
  const paths = new Set(entries.map((e) => e.path));
  const own = entries.filter((e) => !e.path.startsWith('/node_modules'));
  for (const need of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html'])
    if (!paths.has(need)) problems.push(`missing ${need}`);
  for (const need of ['/package.json', `/${CLI_ENTRY}`])
    if (!paths.has(need)) problems.push(`missing ${need}`);
  for (const { path } of own) {
    if (!/^\/(out(\/(main|preload|renderer|cli)(\/|$)|$)|package\.json$)/.test(path))
      problems.push(`not part of the app: ${path}`);
  }
  for (const { path } of entries) {
    if (/\.map$/.test(path)) problems.push(`source map: ${path}`);
    if (/\/\.env[^/]*$/.test(path)) problems.push(`.env file: ${path}`);
    if (/^\/(tests|bench|electron|renderer|shared|scripts)\//.test(path))
      problems.push(`source or test file: ${path}`);
    if (/^\/out\/.*\.tsx?$/.test(path)) problems.push(`TypeScript source: ${path}`);
  }
  const cli = entries.find((e) => e.path === `/${CLI_ENTRY}`);
  if (cli && !cli.unpacked) problems.push(`${CLI_ENTRY} is packed (system Node cannot read it)`);
  const modules = new Set(
    entries.map((e) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(e.path)?.[1]),
  );
  const production = Object.keys(pkg.dependencies ?? {});
  for (const needed of new Set(['@github/keytar', 'electron-store', ...production]))
    if (!modules.has(needed)) problems.push(`production dependency missing: ${needed}`);
  // The CLI is bundled into out/cli; its tools and runtime-only dependencies stay out of the app.
  const dev = Object.keys(pkg.devDependencies ?? {});
  for (const dropped of ['tsx', 'esbuild', 'commander', ...dev])
    if (modules.has(dropped)) problems.push(`not a production dependency of the app: ${dropped}`);
  return problems;
}

/** The sizes in a .ico file's directory (a 0 byte means 256). */
export function icoSizes(buf) {
  const count = buf.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => buf[6 + i * 16] || 256);
}

/** The entry types in a .icns file ('ic07', ...). */
export function icnsTypes(buf) {
  const types = [];
  for (let at = 8; at + 8 <= buf.length; at += buf.readUInt32BE(at + 4) || buf.length)
    types.push(buf.toString('ascii', at, at + 4));
  return types;
}

/** Problems with the icons electron-builder was given, in every size each target needs. */
export function iconProblems(iconsDir) {
  const problems = [];
  for (const size of PNG_SIZES) {
    const file = join(iconsDir, 'png', `${size}x${size}.png`);
    if (!existsSync(file)) problems.push(`missing Linux icon ${size}x${size}`);
    else if (readFileSync(file).readUInt32BE(16) !== size) problems.push(`wrong size: ${file}`);
  }
  const ico = join(iconsDir, 'icon.ico');
  const icns = join(iconsDir, 'icon.icns');
  if (!existsSync(ico)) problems.push('missing icon.ico');
  else {
    const sizes = icoSizes(readFileSync(ico));
    for (const s of ICO_SIZES) if (!sizes.includes(s)) problems.push(`icon.ico lacks ${s}px`);
  }
  if (!existsSync(icns)) problems.push('missing icon.icns');
  else {
    const types = icnsTypes(readFileSync(icns));
    for (const t of ICNS_TYPES) if (!types.includes(t)) problems.push(`icon.icns lacks ${t}`);
  }
  return problems;
}

/** Every problem with a packed app folder; [] when it ships what it should. */
export async function packageProblems(appDir, project) {
  const problems = [];
  const wire = await getCurrentFuseWire(join(appDir, APP_EXECUTABLE));
  for (const [name, on] of Object.entries(FUSES)) {
    if (wire[FuseV1Options[name]] !== (on ? 49 : 48)) problems.push(`fuse ${name} is not ${on}`);
  }
  const archive = join(appDir, 'resources', 'app.asar');
  const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
  const lines = asar.listPackage(archive, { isPack: true });
  problems.push(...listingProblems(lines, pkg));
  const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString());
  if (manifest.main !== 'out/main/index.js') problems.push(`main is ${manifest.main}`);
  if (manifest.version !== pkg.version)
    problems.push(`version ${manifest.version} is not package.json's ${pkg.version}`);
  const unpacked = join(appDir, 'resources', 'app.asar.unpacked');
  const keytar = 'node_modules/@github/keytar/prebuilds/linux-x64/keytar.node';
  if (process.arch === 'x64' && !existsSync(join(unpacked, keytar)))
    problems.push(`${keytar} not unpacked`);
  if (!existsSync(join(unpacked, CLI_ENTRY))) problems.push(`${CLI_ENTRY} not unpacked`);
  problems.push(...iconProblems(join(project, 'out', 'icons')));
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = mkdtempSync(join(tmpdir(), 'apexkeys-dist-check-'));
  try {
    const project = await stageProject(dir);
    const appDir = await pack(project, stubElectron(dir), join(dir, 'release'));
    const problems = await packageProblems(appDir, project);
    for (const p of problems) console.error(`dist:check: ${p}`);
    console.log(problems.length ? `dist:check: ${problems.length} problem(s)` : 'dist:check: ok');
    process.exitCode = problems.length ? 1 : 0;
  } finally {
    if (process.argv.includes('--keep')) console.log(`dist:check: staged in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
