// What keeps `apexkeys key get` starting fast, pinned without timing anything: a build of its own
// (scripts/build-cli.mjs --outdir, with esbuild's metafile) is read for what each start parses.
// - The entry, `key get`'s action and the core wiring load no rotation, sandbox, backup or hand-off code, and no
//   age-encryption (the metafile's static-import graph, source by source).
// - zod and commander are in no ES module chunk: they come from the one vendor file, whose V8
//   code cache the build made and which this Node accepts (a rejected cache means every start
//   compiles them again). Checked in a plain `node` child, as the CLI runs, not in vitest's worker.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_BUDGET_MS } from '../../helpers/cli.ts';
import { REPO_ROOT } from '../../helpers/repo-root.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

interface Metafile {
  outputs: Record<
    string,
    {
      imports: { path: string; kind: string; external?: boolean }[];
      inputs: Record<string, unknown>;
      entryPoint?: string;
    }
  >;
}

let outdir = '';
let meta: Metafile;

beforeAll(() => {
  const dir = makeTempDir('cli-startup');
  outdir = join(dir, 'cli');
  const metafile = join(dir, 'meta.json');
  const build = spawnSync(
    process.execPath,
    [
      join(REPO_ROOT, 'scripts/build-cli.mjs'),
      '--quiet',
      '--outdir',
      outdir,
      '--metafile',
      metafile,
    ],
    { encoding: 'utf8', cwd: REPO_ROOT },
  );
  expect(build.status, build.stderr).toBe(0);
  // A build that made no code cache says so on stderr; this one must have made it.
  expect(build.stderr).toBe('');
  meta = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile;
}, CLI_TEST_BUDGET_MS);

/** The output holding `source` as its action (the chunk a dynamic import() loads). */
function outputOf(source: string): string {
  const found = Object.entries(meta.outputs).filter(([, o]) => o.entryPoint === source);
  expect(found, source).toHaveLength(1);
  return found[0]![0];
}

/** Every source an output and its static imports (not import()) hold, transitively. */
function sourcesLoadedBy(output: string): string[] {
  const seen = new Set<string>();
  const todo = [output];
  while (todo.length) {
    const o = todo.pop()!;
    if (seen.has(o)) continue;
    seen.add(o);
    for (const i of meta.outputs[o]!.imports)
      if (i.kind === 'import-statement' && !i.external) todo.push(i.path);
  }
  return [...seen].flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
}

const NOT_FOR_KEY_GET = [
  'electron/core/rotation/',
  'electron/sandbox/',
  'electron/core/backup/',
  'electron/core/handoff/',
  'node_modules/age-encryption/',
  'node_modules/zod/',
  'node_modules/commander/',
];

describe('the built CLI start', () => {
  it('loads no rotation, sandbox, backup or hand-off code for key get', () => {
    const entry = sourcesLoadedBy(outputOf('electron/cli/main.ts'));
    // key get's action and the core wiring it opens (session.ts imports it when a command runs).
    const get = [
      ...sourcesLoadedBy(outputOf('electron/cli/commands/key/get.ts')),
      ...sourcesLoadedBy(outputOf('electron/core/wire.ts')),
    ];
    expect(entry).toContain('electron/cli/program.ts');
    expect(get).toContain('electron/core/key-handout.ts');
    expect(get).toContain('electron/core/store/index.ts');
    for (const prefix of NOT_FOR_KEY_GET) {
      expect(
        entry.filter((s) => s.startsWith(prefix)),
        `the entry loads ${prefix}`,
      ).toEqual([]);
      expect(
        get.filter((s) => s.startsWith(prefix)),
        `key get loads ${prefix}`,
      ).toEqual([]);
    }
    // The split is real: what key get leaves out is built, in chunks of its own.
    const all = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(all.some((s) => s.startsWith('electron/core/rotation/'))).toBe(true);
    expect(all.some((s) => s.startsWith('electron/sandbox/'))).toBe(true);
  });

  it('takes zod and commander from one vendor file whose code cache this Node accepts', () => {
    const vendorDir = join(outdir, 'vendor');
    const files = readdirSync(vendorDir).sort();
    expect(files).toHaveLength(2);
    const [bundle, cache] = files as [string, string];
    expect(bundle).toMatch(/^vendor-[0-9a-f]{12}\.cjs$/);
    expect(cache).toBe(`${bundle}.v8cache`);
    // The vendor file needs nothing but Node's built-ins: the package declares no zod/commander.
    const code = readFileSync(join(vendorDir, bundle), 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map(
      (m) => m[1] as string,
    );
    expect(required.filter((n) => !n.startsWith('node:') && !builtinModules.includes(n))).toEqual(
      [],
    );
    // Compiled as the CLI compiles it (vendor-cache.ts, run from source through tsx's loader).
    const loader = pathToFileURL(join(REPO_ROOT, 'electron/cli/vendor-cache.ts')).href;
    const probe = [
      `const { compileVendor } = await import(${JSON.stringify(loader)});`,
      `const v = compileVendor(${JSON.stringify(join(vendorDir, bundle))});`,
      `console.log(JSON.stringify({ rejected: v.cacheRejected, z: typeof v.exports.zod?.z?.object, command: typeof v.exports.commander?.Command }));`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      encoding: 'utf8',
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rejected: false, z: 'function', command: 'function' });
  });

  // Most CLI suites run the commands from source, in their own process (tests/helpers/cli.ts):
  // this is what proves each command's built module resolves its imports in a plain node.
  it('loads every chunk of the build in a plain node', () => {
    const chunks = readdirSync(join(outdir, 'chunks')).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(10);
    const urls = chunks.map((f) => pathToFileURL(join(outdir, 'chunks', f)).href);
    const probe = `for (const u of ${JSON.stringify(urls)}) await import(u); console.log('loaded');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('loaded');
  });

  it('runs from the vendor file: --version and a usage error as before', () => {
    const version = spawnSync(process.execPath, [join(outdir, 'main.js'), '--version'], {
      encoding: 'utf8',
    });
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    // commander (from the vendor file) still parses and refuses: exit 2, its message on stderr.
    const bad = spawnSync(process.execPath, [join(outdir, 'main.js'), 'key', 'get'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/missing required argument/);
  });
});
