// The CLI installs on its own from the package `npm pack` makes: `npm install -g <tarball>
// --prefix <empty folder>`, then the installed `apexkeys` prints its version, runs the sandbox,
// adds an account and generates a key with keytar's prebuilt binary. The tarball holds only the
// allow-listed files, and the bundle needs nothing at run time but what the package declares.
// npm fetches the runtime dependencies from the registry, so this takes a while.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_COMMAND_BUDGET_MS, newCliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';
import { REPO_ROOT } from '../../helpers/repo-root.ts';

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
// npm's own folders: not under the suite root, whose files the secret scan reads.
const scratch = mkdtempSync(join(tmpdir(), 'apexkeys-tarball-'));
const prefix = join(scratch, 'prefix');
const installed = join(prefix, 'lib/node_modules', pkg.name);
const bin = join(prefix, 'bin/apexkeys');
const env = newCliEnv('cli-tarball');
const childEnv = {
  ...process.env,
  // The installed command's shebang finds this node, as a user's PATH would.
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
  APEXKEYS_DATA_DIR: env.dataDir,
  APEXKEYS_KEYCHAIN_SERVICE: env.service,
  npm_config_cache: join(scratch, 'npm-cache'),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};
let sandbox: ChildProcess | undefined;

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, {
    cwd,
    env: childEnv,
    encoding: 'utf8',
    timeout: 5 * CLI_COMMAND_BUDGET_MS,
  });

/** Runs the installed apexkeys; resolves with its exit code and output. */
function apexkeys(
  args: string[],
  input = '',
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: childEnv, cwd: scratch });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_COMMAND_BUDGET_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
    child.stdin.end(input);
  });
}

describe.skipIf(!hasTestKeyring)('the CLI installed from its tarball', () => {
  beforeAll(() => {
    // The global setup built out/cli; --ignore-scripts keeps `prepare` from rebuilding it while
    // other suites run it.
    const tarball = npm(['pack', '--ignore-scripts', '--pack-destination', scratch], REPO_ROOT)
      .trim()
      .split('\n')
      .pop() as string;
    npm(['install', '-g', join(scratch, tarball), '--prefix', prefix], scratch);
  });
  afterAll(() => {
    sandbox?.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  });

  it('holds only the bundle, the bin, package.json and the README', () => {
    const files = (dir: string, rel = ''): string[] =>
      readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) =>
        e.name === 'node_modules'
          ? []
          : e.isDirectory()
            ? files(dir, join(rel, e.name))
            : [join(rel, e.name)],
      );
    const all = files(installed);
    // npm always packs the file package.json's "main" names (the Electron entry), when a build
    // has made it: a checkout that built the app has it, a fresh one not. It holds no secret and
    // the CLI never loads it; anything else beyond the list would be a leak of the tree.
    const main = existsSync(join(REPO_ROOT, 'out/main/index.js')) ? ['out/main/index.js'] : [];
    expect(all.filter((f) => !f.startsWith('out/cli/')).sort()).toEqual(
      ['README.md', 'bin/apexkeys.mjs', ...main, 'package.json'].sort(),
    );
    expect(all).toContain('out/cli/main.js');
  });

  it('declares every package the bundle imports, and the bundle imports only keytar', () => {
    const declared = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const bundle = join(installed, 'out/cli');
    const sources = [
      join(bundle, 'main.js'),
      ...readdirSync(join(bundle, 'chunks')).map((f) => join(bundle, 'chunks', f)),
    ];
    // Static imports, dynamic import() and require() of anything but a relative path.
    const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g;
    const bare = new Set<string>();
    for (const file of sources)
      for (const m of readFileSync(file, 'utf8').matchAll(specifier)) {
        const name = m[1] as string;
        if (!name.startsWith('node:') && !builtinModules.includes(name)) bare.add(name);
      }
    expect([...bare]).toEqual(['@github/keytar']);
    expect(Object.keys(declared.dependencies ?? {})).toContain('@github/keytar');
  });

  it('prints the version from package.json', async () => {
    const r = await apexkeys(['--version']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim()).toBe(pkg.version);
  });

  it('runs the sandbox, adds an account and generates a key in the keychain', async () => {
    const child = spawn(bin, ['sandbox', '--port', '0'], { env: childEnv, cwd: scratch });
    sandbox = child;
    const started = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (/Admin token/.test(out)) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
    });
    const url = /Sandbox: (\S+)/.exec(started)?.[1] as string;
    const key = /Bootstrap key \(shown once\): (\S+)/.exec(started)?.[1] as string;
    const add = await apexkeys(['account', 'add', '--name', 'sb', '--base-url', url], key);
    expect(add.code, add.err).toBe(0);
    expect(add.out.trim()).toBe('api');
    const gen = await apexkeys([
      'key',
      'generate',
      '--account',
      'sb',
      '--label',
      'tar',
      '--env',
      'staging',
      '--json',
    ]);
    expect(gen.code, gen.err).toBe(0);
    expect((JSON.parse(gen.out) as { label: string }).label).toBe('tar');
    const list = await apexkeys(['key', 'list', '--json']);
    expect((JSON.parse(list.out) as Array<{ label: string }>).map((k) => k.label)).toEqual(['tar']);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
