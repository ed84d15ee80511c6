// Output is never cut: with stdout a pipe whose reader is slower than the CLI, everything the
// CLI printed arrives, past the pipe's 64 KiB buffer. Before the fix the entry called
// process.exit() right after writing and `key list --json` with a few hundred keys lost all but
// the first 65,536 bytes. 500 keys are seeded in-process into the same data folder and keychain
// service the CLI gets; the sandbox issued them, so `key verify --all` finds them ok.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../../electron/core/accounts.ts';
import { newRecord } from '../../../electron/core/keys.ts';
import type { KeyRecord } from '../../../shared/schemas.ts';
import { wireCore } from '../../../electron/core/wire.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { CLI_BIN, CLI_COMMAND_BUDGET_MS, newCliEnv, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

const KEYS = 500;
const PIPE_BUFFER = 64 * 1024;

// A real pipe (a FIFO: Node's own stdio pipes are socket pairs, whose buffers are larger). The
// reader opens it only when told to, then takes 4 KiB at a time with a pause between reads. The
// test tells it once the CLI has exited (before the fix: with all but 64 KiB lost) or, when the
// CLI is still there, a grace period after it has computed everything: the fixed CLI is then
// waiting for its output to be read, and must still be there.
const SLOW_READER = `
const fs = require('node:fs');
const chunks = [];
const stream = fs.createReadStream(process.argv[1], { highWaterMark: 4096 });
stream.once('open', () => process.send('open'));
stream.on('data', (c) => { chunks.push(c); stream.pause(); setTimeout(() => stream.resume(), 5); });
stream.once('end', () => { process.disconnect(); process.stdout.write(Buffer.concat(chunks)); });
`;
const GRACE_MS = Math.max(3000, Math.round(CLI_COMMAND_BUDGET_MS / 20));

/**
 * Runs the CLI with its stdout a FIFO the slow reader drains. `computed` is what its stderr
 * says once only the output is left to write (none: from the start).
 */
function pipedRun(
  env: CliEnv,
  args: string[],
  computed?: RegExp,
): Promise<{ code: number | null; out: string }> {
  const fifo = join(makeTempDir('cli-fifo'), 'stdout');
  execFileSync('mkfifo', [fifo]);
  // Opened read-write, which on Linux does not wait for a reader; while the test holds it, what
  // the CLI wrote stays in the pipe after the CLI is gone.
  const held = openSync(fifo, constants.O_RDWR);
  return new Promise((resolve, reject) => {
    const cli = spawn(process.execPath, [CLI_BIN, ...args], {
      env: {
        ...process.env,
        APEXKEYS_DATA_DIR: env.dataDir,
        APEXKEYS_KEYCHAIN_SERVICE: env.service,
      },
      stdio: ['ignore', held, 'pipe'],
    });
    let code: number | null = null;
    let out = '';
    let told = false;
    const killer = setTimeout(() => cli.kill('SIGKILL'), CLI_COMMAND_BUDGET_MS);
    const go = () => {
      if (told) return;
      told = true;
      const reader = spawn(process.execPath, ['-e', SLOW_READER, fifo], {
        stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      });
      // Once the reader has its end, ours goes: the pipe ends when the CLI's copy closes too.
      reader.once('message', () => closeSync(held));
      reader.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
      reader.on('close', () => {
        clearTimeout(killer);
        clearTimeout(grace);
        resolve({ code, out });
      });
    };
    let grace: NodeJS.Timeout | undefined;
    const startGrace = () => (grace ??= setTimeout(go, GRACE_MS));
    let stderr = '';
    cli.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (computed?.test(stderr)) startGrace();
    });
    if (!computed) startGrace();
    cli.on('error', reject);
    cli.on('exit', (c) => {
      code = c;
      go();
    });
  });
}

describe.skipIf(!hasTestKeyring)('piped output is never cut', () => {
  let sandbox: Sandbox;
  let env: CliEnv;

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 1_000_000 });
    env = newCliEnv('cli-piped');
    const deps = await wireCore({
      dataDir: env.dataDir,
      keychainService: env.service,
      actor: 'cli',
    });
    const account = await addAccount(deps, {
      name: 'acme',
      baseUrl: sandbox.url,
      secret: sandbox.bootstrapKey!,
    });
    // The records the core makes, written in one store update (500 imports, each rewriting a
    // growing store under its lock, took most of this file's time), each secret in the keychain
    // and an audit event per key, as an import leaves them.
    const records: KeyRecord[] = [];
    for (let i = 0; i < KEYS; i++) {
      const secret = sandbox.issueKey(`piped-${i}`).key;
      const meta = {
        label: `piped-${i}`,
        environment: 'staging',
        service: 'a service name long enough to make each record weigh a few hundred bytes',
      };
      const record = newRecord(deps, account, meta, secret, null);
      await deps.vault.set(record.id, secret);
      records.push(record);
    }
    await deps.store.update((d) => {
      d.keys.push(...records);
    });
    for (const k of records)
      await deps.audit.append({
        action: 'imported',
        keyId: k.id,
        accountId: account.id,
        label: k.label,
        fingerprint: k.fingerprint,
        outcome: 'ok',
        detail: { verified: false, remoteId: null },
      });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('key list --json: all 500 keys arrive', async () => {
    const r = await pipedRun(env, ['key', 'list', '--json']);
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(PIPE_BUFFER);
    const keys = JSON.parse(r.out) as Array<{ label: string }>;
    expect(keys).toHaveLength(KEYS);
    expect(new Set(keys.map((k) => k.label)).size).toBe(KEYS);
  });

  it('audit --json: every event arrives', async () => {
    const r = await pipedRun(env, ['audit', '--json']);
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(PIPE_BUFFER);
    const events = JSON.parse(r.out) as Array<{ action: string }>;
    // One event per import, and the account's.
    expect(events.length).toBeGreaterThan(KEYS);
  });

  it('key verify --all --json: every result arrives', async () => {
    const r = await pipedRun(
      env,
      ['key', 'verify', '--all', '--concurrency', '8', '--json'],
      new RegExp(`\\[${KEYS}/${KEYS}\\]`),
    );
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(PIPE_BUFFER);
    const results = JSON.parse(r.out) as Array<{ status: string }>;
    expect(results).toHaveLength(KEYS);
    expect(results.every((x) => x.status === 'ok')).toBe(true);
  });
});
