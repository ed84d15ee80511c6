#!/usr/bin/env node
// The apexkeys command: runs the built CLI (out/cli, made by scripts/build-cli.mjs). In a fresh
// clone `npm ci` builds it (the prepare script); where it is missing, or, in a checkout, older
// than the sources, it is built first, so `npx apexkeys` always runs what the tree holds. An
// installed package has no sources and only runs the bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'out/cli/main.js');
const builder = join(root, 'scripts/build-cli.mjs');

/** The newest modification time under a folder (the sources the bundle is made from). */
function newest(dir) {
  let latest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    latest = Math.max(latest, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

function stale() {
  if (!existsSync(entry)) return true;
  // Only a checkout has the builder and the sources; an installed package is never rebuilt.
  if (!existsSync(builder)) return false;
  const built = statSync(entry).mtimeMs;
  return (
    [join(root, 'electron'), join(root, 'shared')].some((d) => newest(d) > built) ||
    // The builder too: how the bundle is cut (chunks, the vendor file and its cache) is its own.
    [join(root, 'package.json'), builder].some((f) => statSync(f).mtimeMs > built)
  );
}

/** Builds the bundle when it is older than the sources; false (said on stderr) when it cannot. */
function ready() {
  if (!stale()) return true;
  if (!existsSync(builder)) {
    process.stderr.write(`apexkeys: ${entry} is missing; reinstall the package.\n`);
    return false;
  }
  // The build's own messages go to stderr, so a command's stdout stays what it prints.
  const r = spawnSync(process.execPath, [builder, '--quiet'], {
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0) {
    process.stderr.write('apexkeys: building the CLI failed (see above); nothing was run.\n');
    return false;
  }
  return true;
}

// The exit code is set, never forced: the process ends once stderr has been written.
if (ready()) await import(pathToFileURL(entry).href);
else process.exitCode = 1;
