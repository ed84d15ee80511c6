// npm run bench:cli: how long whole apexkeys processes take against `node -e 0` (the floor any
// Node program pays): `--help`, `key get` and `key list --json`, each the median of 10 runs after
// a warm-up, through the built CLI (out/cli, built first) as an installed `apexkeys` runs it.
// Runs inside a throwaway keyring (scripts/with-keyring.sh); the data is seeded in-process.
// Also timed: the keychain floor, a process that only loads keytar and reads bench-0's secret
// (what `key get` cannot do without), so the figures say how much of `key get` is the CLI's own.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { addAccount } from '../electron/core/accounts.ts';
import { importKey } from '../electron/core/keys.ts';
import { wireCore } from '../electron/core/wire.ts';
import { startSandboxServer } from '../electron/sandbox/server.ts';

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'out/cli/main.js');
const RUNS = 10;
const KEYS = 20;

function build(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('bench:cli: building the CLI failed');
}

/** One whole process's wall time, in ms. */
function once(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`bench:cli: ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

/**
 * Medians per command, in ms. The commands take turns within each round, so a machine whose load
 * changes during the bench slows the floor and the commands alike and the ratios stay fair.
 */
function medians(commands: string[][], env: NodeJS.ProcessEnv): number[] {
  for (const args of commands) once(args, env); // warm-up: file cache, keyring daemon
  const runs = commands.map(() => [] as number[]);
  for (let round = 0; round < RUNS; round++)
    commands.forEach((args, i) => runs[i]!.push(once(args, env)));
  return runs.map((r) => {
    const sorted = r.sort((a, b) => a - b);
    return (sorted[RUNS / 2 - 1]! + sorted[RUNS / 2]!) / 2;
  });
}

/** Seeds the store and keychain; returns bench-0's id (its keychain account). */
async function seed(dataDir: string, service: string): Promise<string> {
  const sandbox = await startSandboxServer({});
  try {
    const deps = await wireCore({ actor: 'cli', dataDir, keychainService: service });
    await addAccount(deps, { name: 'bench', baseUrl: sandbox.url, secret: sandbox.bootstrapKey! });
    for (let i = 0; i < KEYS; i++)
      await importKey(deps, {
        account: 'bench',
        label: `bench-${i}`,
        environment: 'staging',
        secret: sandbox.issueKey(`bench-${i}`).key,
        verify: false,
      });
    const first = (await deps.store.read()).keys.find((k) => k.label === 'bench-0');
    if (!first) throw new Error('bench:cli: seeding lost bench-0');
    return first.id;
  } finally {
    await sandbox.close();
  }
}

if (process.env.APEXKEYS_TEST_KEYRING !== '1')
  throw new Error('bench:cli runs inside scripts/with-keyring.sh (npm run bench:cli)');
build();
const dataDir = mkdtempSync(join(tmpdir(), 'apexkeys-bench-cli-'));
const service = `apexkeys-bench-${randomUUID()}`;
try {
  const id = await seed(dataDir, service);
  const env = { ...process.env, APEXKEYS_DATA_DIR: dataDir, APEXKEYS_KEYCHAIN_SERVICE: service };
  const keytar = createRequire(join(ROOT, 'package.json')).resolve('@github/keytar');
  const keychainOnly = [
    '-e',
    `require(${JSON.stringify(keytar)}).getPassword(${JSON.stringify(service)}, ${JSON.stringify(id)})` +
      '.then((s) => { if (!s) process.exitCode = 1; })',
  ];
  const commands = [['--help'], ['key', 'get', 'bench-0'], ['key', 'list', '--json']];
  const [floor, keychain, ...times] = medians(
    [['-e', '0'], keychainOnly, ...commands.map((c) => [BUNDLE, ...c])],
    env,
  );
  console.log(`node -e 0: ${floor!.toFixed(1)} ms (median of ${RUNS})`);
  console.log(
    `keytar getPassword alone (key get's keychain floor): ${keychain!.toFixed(1)} ms, ${(keychain! / floor!).toFixed(2)}x node -e 0`,
  );
  commands.forEach((args, i) => {
    const ms = times[i]!;
    console.log(
      `apexkeys ${args.join(' ')}: ${ms.toFixed(1)} ms, ${(ms / floor!).toFixed(2)}x node -e 0`,
    );
  });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
