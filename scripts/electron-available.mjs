#!/usr/bin/env node
// Can the Electron runtime run on this machine? As a command: exit 0 and print nothing when it
// can; otherwise print why on stderr and exit 1 (scripts/start.sh then starts the preview host).
// As a module: electronRuntime() answers the same question for the Electron end-to-end test.
//
// It never calls require('electron'): since Electron 45 that starts a download of the missing
// binary (node_modules/electron/index.js), and this check must not touch the network.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const fail = (reason) => ({ ok: false, reason });

/** Where the runtime binary should be, from electron's own path.txt; never downloads. */
export function electronBinaryPath(env = process.env) {
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return fail('the electron package is not installed (run npm ci)');
  }
  const pathFile = join(pkgDir, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH)
    return { ok: true, path: join(env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron') };
  if (!rel)
    return fail(
      `Electron runtime binary not installed (${pathFile} is missing: npm ci does not fetch ` +
        'it; "npx install-electron" downloads it, given network access to its download host)',
    );
  return { ok: true, path: join(pkgDir, 'dist', rel) };
}

/**
 * { ok: true, path } when the binary exists, is executable, has a display to draw on (Linux)
 * and answers --version; else { ok: false, reason }. `args` are added to that probe (the
 * end-to-end test adds --no-sandbox when it runs as root in a container).
 */
export function electronRuntime({
  env = process.env,
  platform = process.platform,
  args = [],
} = {}) {
  const where = electronBinaryPath(env);
  if (!where.ok) return where;
  const bin = where.path;
  if (!existsSync(bin))
    return fail(`Electron runtime binary not installed (${bin} does not exist)`);
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    return fail(`the Electron runtime binary is not executable (${bin})`);
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return fail(
      'no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset; xvfb-run gives a virtual one)',
    );
  const probeEnv = { ...env };
  delete probeEnv.ELECTRON_RUN_AS_NODE;
  const run = spawnSync(bin, [...args, '--version'], {
    encoding: 'utf8',
    timeout: 20_000,
    env: probeEnv,
  });
  if (run.error) return fail(`the Electron runtime did not start (${bin}: ${run.error.message})`);
  if (run.status !== 0) {
    const said =
      `${run.stderr ?? ''}`.trim().split('\n').find(Boolean) ?? `exit code ${run.status}`;
    return fail(`the Electron runtime did not start (${bin}: ${said})`);
  }
  return { ok: true, path: bin };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const answer = electronRuntime();
  if (!answer.ok) {
    process.stderr.write(`${answer.reason}\n`);
    process.exit(1);
  }
}
