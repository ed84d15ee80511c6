// Electron fuses (SECURITY.md item 19) and the installers' configuration, as electron-builder
// reads them from its own config, and as they end up in a packaged build: the app is packed for
// Linux (`dir` target) around a stub "Electron" that carries only a fuse wire, by the same code
// as `npm run dist:check` (scripts/dist-check.mjs), and every check of that script must pass:
// fuses flipped, only the built app and its production dependencies in app.asar, keytar's
// native module and the CLI unpacked, icons in every size, the version of package.json.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_EXECUTABLE,
  pack,
  packageProblems,
  stageProject,
  stubElectron,
} from '../../../../scripts/dist-check.mjs';
import { makeTempDir } from '../../../helpers/tmp.ts';
import { REPO_ROOT } from '../../../helpers/repo-root.ts';

const ROOT = REPO_ROOT;

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

type Targets = Array<{ target: string; arch: string[] }>;
const load = () => getConfig(ROOT, 'electron-builder.yml', null);

describe('electron-builder config', () => {
  it('is valid for electron-builder and sets the fuse table', async () => {
    const config = await load();
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual(FUSES);
  });

  it('packs an allow-list with the CLI bundle, and unpacks keytar and the CLI', async () => {
    const config = await load();
    expect(config.appId).toMatch(/^com\.apexverify\./);
    expect(config.asar).toBe(true);
    // validateConfiguration (above) rewrites `files` into [{ filter }] in the shared object.
    const raw = config.files as Array<string | { filter: string[] }>;
    const files = raw.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'out/cli/**']),
    );
    // Nothing but out/ and package.json is let in: every other pattern is an exclusion.
    const admitted = files.filter((f) => !f.startsWith('!'));
    expect(admitted.filter((f) => !/^out\/[a-z]+\/\*\*$/.test(f))).toEqual(['package.json']);
    expect(config.asarUnpack).toEqual(['node_modules/@github/keytar/**', 'out/cli/**']);
    expect(config.extraMetadata).toEqual({ main: 'out/main/index.js' });
  });

  it('builds dmg and zip for both Mac architectures, hardened, notarized from the environment', async () => {
    const { mac } = await load();
    expect(mac?.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ] satisfies Targets);
    expect(mac?.hardenedRuntime).toBe(true);
    expect(mac?.notarize).toBe(true);
    expect(mac?.entitlements).toBe('resources/entitlements.mac.plist');
    expect(mac?.icon).toBe('out/icons/icon.icns');
    // No identity or credential is ever written into the config: they come from the environment.
    expect(JSON.stringify(await load())).not.toMatch(/"(identity|certificatePassword|cscLink)"/);
  });

  it('builds a per-user NSIS installer for x64 and arm64, never asking for elevation', async () => {
    const { win, nsis } = await load();
    expect(win?.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }] satisfies Targets);
    expect(win?.icon).toBe('out/icons/icon.ico');
    expect(nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
  });

  it('builds AppImage, deb and rpm with a desktop entry and libsecret as a dependency', async () => {
    const { linux, deb, rpm } = await load();
    expect(linux?.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(linux?.category).toBe('Utility');
    expect(linux?.icon).toBe('out/icons/png');
    expect(linux?.desktop?.entry).toMatchObject({
      Comment: expect.stringMatching(/keychain/),
      Keywords: expect.stringMatching(/^([a-z]+;)+$/),
    });
    expect(deb?.depends).toContain('libsecret-1-0');
    // `depends` replaces electron-builder's defaults: Electron's own libraries must stay listed.
    expect(deb?.depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3']));
    expect(rpm?.depends).toEqual(expect.arrayContaining(['libsecret', 'gtk3', 'nss']));
  });
});

describe.skipIf(process.platform !== 'linux')('a packaged build (Linux dir target)', () => {
  let dir = '';
  // 40 MB of packaged app, and a link to node_modules: gone before the secret scan walks the tree.
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes every dist:check check, with the fuses flipped in the binary', async () => {
    dir = makeTempDir('package');
    const project = await stageProject(dir);
    const appDir = await pack(project, stubElectron(dir), join(dir, 'release'));

    const wire = await getCurrentFuseWire(join(appDir, APP_EXECUTABLE));
    const ON = 49;
    const OFF = 48;
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);

    expect(await packageProblems(appDir, project)).toEqual([]);
  }, 180_000);
});
