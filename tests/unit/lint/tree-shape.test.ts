// The tree's shape, held by a test rather than by memory: small modules, and test files whose
// names say one thing each.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/repo-root.ts';

const MAX_LINES = 300;

function walk(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

const isSource = (p: string) => /\.(ts|tsx|mts|cts|js|mjs|css)$/.test(p);

describe('the tree', () => {
  it(`has no source file over ${MAX_LINES} lines under electron/, renderer/ or shared/`, () => {
    const long = ['electron', 'renderer', 'shared']
      .flatMap((top) => walk(join(REPO_ROOT, top), isSource))
      .map((path) => ({
        path: relative(REPO_ROOT, path),
        lines: readFileSync(path, 'utf8').split('\n').length - 1,
      }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('has no two test files with the same name', () => {
    const tests = ['tests', 'renderer/test'].flatMap((top) =>
      walk(join(REPO_ROOT, top), (p) => /\.(test|spec)\.tsx?$/.test(p)),
    );
    const byName = new Map<string, string[]>();
    for (const path of tests) {
      const name = basename(path);
      byName.set(name, [...(byName.get(name) ?? []), relative(REPO_ROOT, path)]);
    }
    const clashes = [...byName.values()].filter((paths) => paths.length > 1);
    expect(clashes).toEqual([]);
  });
});
