// Electron fuses (SECURITY.md item 19), as electron-builder reads them from its own config, and
// as they end up in a packaged binary: the app is packaged for Linux (`dir` target) around a stub
// "Electron" that carries only a fuse wire, and the wire is read back after electron-builder
// flipped it. The package's layout is checked on the way: only the built app in app.asar,
// keytar's native module unpacked next to it.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../helpers/tmp.ts';
import { REPO_ROOT } from '../../../helpers/repo-root.ts';

const ROOT = REPO_ROOT;
const run = promisify(execFile);

// SECURITY.md's table.
const FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

describe('electron-builder config', () => {
  it('is valid for electron-builder and sets the fuse table', async () => {
    const config = await getConfig(ROOT, 'electron-builder.yml', null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual(FUSES);
  });

  it('packages only the built app, unpacks keytar, and targets all three systems', async () => {
    const config = await getConfig(ROOT, 'electron-builder.yml', null);
    expect(config.appId).toMatch(/^com\.apexverify\./);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/@github/keytar/**');
    expect(config.extraMetadata).toEqual({ main: 'out/main/index.js' });
    expect(config.mac?.target).toBeDefined();
    expect(config.win?.target).toBeDefined();
    expect(config.linux?.target).toBeDefined();
  });
});

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's own defaults, in FuseV1Options order: '1' on, '0' off.
const DEFAULT_WIRE = '10110001';

/** A copy of the project that electron-builder can package: config, manifest, a private build. */
async function stagedProject(dir: string): Promise<string> {
  const project = join(dir, 'project');
  mkdirSync(project);
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
  return project;
}

function stubElectron(dir: string): string {
  const dist = join(dir, 'electron-dist');
  mkdirSync(dist);
  const wire = Buffer.from(DEFAULT_WIRE, 'ascii');
  const body = [
    Buffer.from('#!/bin/sh\n# '),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length]),
    wire,
  ];
  writeFileSync(join(dist, 'electron'), Buffer.concat(body), { mode: 0o755 });
  writeFileSync(join(dist, 'version'), 'v45.5.0');
  return dist;
}

describe.skipIf(process.platform !== 'linux')('a packaged build (Linux dir target)', () => {
  let dir = '';
  // 40 MB of packaged app, and a link to node_modules: gone before the secret scan walks the tree.
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has the fuses flipped and only the built app inside', async () => {
    dir = makeTempDir('package');
    const project = await stagedProject(dir);
    const dist = stubElectron(dir);
    const output = join(dir, 'release');
    const script = join(dir, 'pack.mjs');
    writeFileSync(
      script,
      `import { build, Platform } from ${JSON.stringify(join(ROOT, 'node_modules/electron-builder/out/index.js'))};\n` +
        `await build({ projectDir: ${JSON.stringify(project)}, targets: Platform.LINUX.createTarget('dir'), publish: 'never',\n` +
        `  config: { electronDist: ${JSON.stringify(dist)}, directories: { output: ${JSON.stringify(output)} } } });\n`,
    );
    // Nothing here needs the network; a dead proxy makes sure nothing reaches it.
    const proxy = 'http://127.0.0.1:9';
    await run(process.execPath, [script], {
      cwd: project,
      env: {
        ...process.env,
        HTTPS_PROXY: proxy,
        HTTP_PROXY: proxy,
        https_proxy: proxy,
        http_proxy: proxy,
      },
    });

    const appDir = join(output, 'linux-unpacked');
    const wire = await getCurrentFuseWire(join(appDir, 'apexverify-key-manager'));
    const ON = 49;
    const OFF = 48;
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);

    const asar = join(appDir, 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    const own = files.filter((f) => !f.startsWith('/node_modules'));
    expect(own).toEqual(
      expect.arrayContaining([
        '/out/main/index.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
      ]),
    );
    expect(own.filter((f) => !/^\/(out(\/|$)|package\.json$)/.test(f))).toEqual([]);
    expect(own.some((f) => f.endsWith('.map'))).toBe(false);
    // What main loads at run time is there; the CLI's tsx, esbuild and commander are not.
    const modules = new Set(files.map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]));
    for (const needed of ['zod', 'proper-lockfile', '@github/keytar'])
      expect(modules.has(needed), needed).toBe(true);
    for (const dropped of ['tsx', 'esbuild', 'commander', 'react', 'vite'])
      expect(modules.has(dropped), dropped).toBe(false);
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString()) as { main: string };
    expect(manifest.main).toBe('out/main/index.js');
    const keytar = join(
      appDir,
      'resources',
      'app.asar.unpacked',
      'node_modules/@github/keytar/prebuilds/linux-x64/keytar.node',
    );
    expect(existsSync(keytar)).toBe(true);
  }, 180_000);
});
