// The preload as Electron's sandbox loads it: one CommonJS file, built by electron-vite with the
// project's own config, that can run with nothing but `require('electron')` (a sandboxed preload
// has no Node modules and no filesystem), and that exposes the same surface as its source.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, channelName } from '../../../shared/ipc/contract.ts';
import { makeTempDir } from '../../helpers/tmp.ts';
import { REPO_ROOT } from '../../helpers/repo-root.ts';

const ROOT = REPO_ROOT;
let preload = '';
let main = '';

beforeAll(async () => {
  // Main and preload only (the renderer has its own test), into a private folder.
  const dir = makeTempDir('electron-build');
  const config = join(dir, 'electron.vite.config.mjs');
  writeFileSync(
    config,
    `import c from ${JSON.stringify(join(ROOT, 'electron.vite.config.ts'))};\n` +
      'export default { main: c.main, preload: c.preload };\n',
  );
  const bin = join(ROOT, 'node_modules/.bin/electron-vite');
  await promisify(execFile)(
    bin,
    ['build', '-c', config, '--outDir', join(dir, 'out'), '-l', 'error'],
    {
      cwd: ROOT,
    },
  );
  preload = readFileSync(join(dir, 'out/preload/index.cjs'), 'utf8');
  main = readFileSync(join(dir, 'out/main/index.js'), 'utf8');
}, 120_000);

describe('built preload', () => {
  it("is one CommonJS file whose only require is 'electron'", () => {
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('runs with only contextBridge and ipcRenderer, and exposes the channels', async () => {
    const exposed: Array<[string, Record<string, (input: unknown) => Promise<unknown>>]> = [];
    const invoke = vi.fn(async (channel: string) => ({ ok: true, value: channel }));
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, api: never) => exposed.push([k, api]) },
      ipcRenderer: { invoke },
    };
    const sandbox = {
      require: (id: string) => {
        if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
        return electron;
      },
      module: { exports: {} },
      exports: {},
    };
    runInNewContext(preload, sandbox, { filename: 'preload/index.cjs' });
    expect(exposed.map(([k]) => k)).toEqual(['apexKeys']);
    const api = exposed[0]?.[1] ?? {};
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    await expect(api.getStatus?.({})).resolves.toEqual({
      ok: true,
      value: channelName('getStatus'),
    });
  });
});

describe('built main', () => {
  it('is an ES module that imports Electron by name and never ipcRenderer', () => {
    expect(main).toMatch(/^import \{[^}]*\bipcMain\b[^}]*\} from "electron";$/m);
    expect(main).not.toContain('ipcRenderer');
    expect(main).not.toMatch(/\brequire\(/);
  });
});
