// npm run bench:cli: how long whole apexkeys processes take against `node -e 0` (the floor any
// Node program pays): `--help`, `key get` and `key list --json`, each the median of 10 runs after
// a warm-up, through the built CLI (out/cli, built first) as an installed `apexkeys` runs it.
// Runs inside a throwaway keyring (scripts/with-keyring.sh); the data is seeded in-process.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

async function seed(dataDir: string, service: string): Promise<void> {
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
  await seed(dataDir, service);
  const env = { ...process.env, APEXKEYS_DATA_DIR: dataDir, APEXKEYS_KEYCHAIN_SERVICE: service };
  const commands = [['--help'], ['key', 'get', 'bench-0'], ['key', 'list', '--json']];
  const [floor, ...times] = medians([['-e', '0'], ...commands.map((c) => [BUNDLE, ...c])], env);
  console.log(`node -e 0: ${floor!.toFixed(1)} ms (median of ${RUNS})`);
  commands.forEach((args, i) => {
    const ms = times[i]!;
    console.log(
      `apexkeys ${args.join(' ')}: ${ms.toFixed(1)} ms, ${(ms / floor!).toFixed(2)}x node -e 0`,
    );
  });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
