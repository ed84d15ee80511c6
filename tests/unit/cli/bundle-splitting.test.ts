// The built CLI (out/cli, built by the global setup) loads what a command needs when it runs:
// the entry's static imports hold the command tree but no action, no store or keychain wiring and
// no sandbox; `key get`'s action chunk does not pull in the rotation code or the sandbox. Read
// from the chunks' own import statements (esbuild keeps function names: no identifier mangling).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_BIN } from '../../helpers/cli.ts';
import { REPO_ROOT } from '../../helpers/repo-root.ts';

const OUT = dirname(CLI_BIN);
const CHUNKS = join(OUT, 'chunks');

/** A file and every file it imports statically (not through import()), transitively. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+)["']/g))
    staticGraph(join(dirname(file), m[1] as string), seen);
  return seen;
}

const holds = (files: Set<string>, name: string): boolean =>
  [...files].some((f) => readFileSync(f, 'utf8').includes(`function ${name}(`));

const chunk = (prefix: string): string => {
  const name = readdirSync(CHUNKS).find((f) => f.startsWith(`${prefix}-`));
  if (!name) throw new Error(`no ${prefix}-*.js chunk in ${CHUNKS}`);
  return join(CHUNKS, name);
};

describe('the built CLI', () => {
  it('starts with the command tree only: no action, core wiring, rotation or sandbox', () => {
    const entry = staticGraph(CLI_BIN);
    expect(holds(entry, 'buildProgram')).toBe(true);
    for (const name of ['keyGet', 'createKeytarVault', 'startRotation', 'startSandboxServer'])
      expect(holds(entry, name), name).toBe(false);
  });

  it('runs key get without loading the rotation code or the sandbox', () => {
    const get = staticGraph(chunk('get'));
    expect(holds(get, 'keyGet')).toBe(true);
    expect(holds(get, 'revealKey')).toBe(true);
    expect(holds(get, 'startRotation')).toBe(false);
    expect(holds(get, 'startSandboxServer')).toBe(false);
  });

  it("prints package.json's version", () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const r = spawnSync(process.execPath, [CLI_BIN, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
