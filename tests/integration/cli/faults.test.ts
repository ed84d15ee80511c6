// Faults a user can meet, through the CLI against the sandbox's fault injection: each gives its
// typed error (or succeeds after a retry), in one line, and never prints a secret.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import {
  addAccountCli,
  CLI_BIN,
  newCliEnv,
  runCli,
  type CliEnv,
  type CliResult,
} from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

// The timeout is generous: a request the client gives up on may still reach the server and use
// up the fault meant for it, so the retry would meet no fault (seen on a busy machine, with a
// 400 ms timeout: the 401 test got a 200). Only the timeout test sets a short one.
const FAST = {
  APEXKEYS_HTTP_TIMEOUT_MS: '10000',
  APEXKEYS_HTTP_RETRIES: '2',
  APEXKEYS_MAX_RETRY_AFTER_SEC: '2',
};

describe.skipIf(!hasTestKeyring)('apexkeys under faults', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  let secret: string;

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    env = newCliEnv('cli-faults');
    await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string);
    const issued = sandbox.issueKey('prod');
    secret = issued.key;
    expect(
      (
        await runCli(
          env,
          ['key', 'import', '--account', 'acme', '--label', 'prod', '--env', 'production'],
          { input: secret },
        )
      ).code,
    ).toBe(0);
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await sandbox?.close();
  });

  const verify = (extra: Record<string, string> = {}): Promise<CliResult> =>
    runCli(env, ['key', 'verify', 'prod', '--json'], { extraEnv: { ...FAST, ...extra } });
  const errorOf = (r: CliResult) =>
    JSON.parse(r.stdout) as {
      status: string;
      error?: { code: string; message: string; retryAfterSec?: number };
    };
  const clean = (r: CliResult) => {
    expect(r.stdout + r.stderr).not.toContain(secret);
    expect(r.stdout + r.stderr).not.toContain(sandbox.bootstrapKey as string);
  };

  it('401: the key is reported as unauthorized', async () => {
    sandbox.addFault({ path: '/v1/account/credits', status: 401 });
    const r = await verify();
    expect(r.code).toBe(1);
    expect(errorOf(r).status).toBe('unauthorized');
    clean(r);
  });

  it('402: credits exhausted', async () => {
    sandbox.addFault({ path: '/v1/account/credits', status: 402 });
    const r = await verify();
    expect(errorOf(r)).toMatchObject({ status: 'error', error: { code: 'PAYMENT_REQUIRED' } });
    clean(r);
  });

  it("422: the server's detail reaches the user", async () => {
    sandbox.addFault({
      method: 'POST',
      path: '/v1/api-keys',
      status: 422,
      body: '{"message":"Unprocessable Entity","detail":"label already used by policy"}',
    });
    const r = await runCli(
      env,
      ['key', 'generate', '--account', 'acme', '--label', 'new-one', '--env', 'staging'],
      { extraEnv: FAST },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/label already used by policy/);
    clean(r);
  });

  it('429 with a Retry-After within the cap: waits and succeeds', async () => {
    sandbox.addFault({ path: '/v1/account/credits', status: 429, retryAfter: 1 });
    const r = await verify();
    expect(errorOf(r).status).toBe('ok');
  });

  it('429 with a Retry-After beyond the cap: RATE_LIMITED with the wait', async () => {
    sandbox.addFault({ path: '/v1/account/credits', status: 429, retryAfter: 44 });
    const r = await verify();
    expect(errorOf(r)).toMatchObject({
      status: 'error',
      error: { code: 'RATE_LIMITED', retryAfterSec: 44 },
    });
    expect(errorOf(r).error?.message).toMatch(/44/);
    clean(r);
  });

  it('429 without Retry-After: backs off, then RATE_LIMITED when it persists', async () => {
    sandbox.addFault({ path: '/v1/account/credits', status: 429, retryAfter: null, times: 20 });
    const r = await verify();
    expect(errorOf(r)).toMatchObject({ status: 'error', error: { code: 'RATE_LIMITED' } });
    clean(r);
  });

  it('500 then success: a GET is retried', async () => {
    sandbox.addFault({ path: '/v1/account/credits', status: 500 });
    expect(errorOf(await verify()).status).toBe('ok');
  });

  it('a timeout', async () => {
    sandbox.addFault({ path: '/v1/account/credits', latencyMs: 3000, times: 5 });
    const r = await verify({ APEXKEYS_HTTP_TIMEOUT_MS: '400' });
    expect(errorOf(r)).toMatchObject({ status: 'error', error: { code: 'TIMEOUT' } });
    clean(r);
  });

  it('malformed JSON', async () => {
    sandbox.addFault({ path: '/v1/account/credits', malformed: true });
    const r = await verify();
    expect(errorOf(r)).toMatchObject({ status: 'error', error: { code: 'BAD_RESPONSE' } });
    clean(r);
  });

  it('a dropped connection, every time', async () => {
    sandbox.addFault({ path: '/v1/account/credits', drop: true, times: 5 });
    const r = await verify();
    expect(errorOf(r)).toMatchObject({ status: 'error', error: { code: 'NETWORK' } });
    clean(r);
  });

  it('offline: a server that is not there gives NETWORK, in one line', async () => {
    const other = newCliEnv('cli-offline');
    const down = await startSandboxServer();
    const key = down.bootstrapKey as string;
    const url = down.url;
    expect(
      (await runCli(other, ['account', 'add', '--name', 'gone', '--base-url', url], { input: key }))
        .code,
    ).toBe(0);
    await down.close();
    const r = await runCli(
      other,
      ['key', 'generate', '--account', 'gone', '--label', 'x', '--env', 'staging'],
      { extraEnv: FAST },
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/reach|network|connect/i);
    expect(r.stderr).not.toContain(key);
    const imp = await runCli(
      other,
      ['key', 'import', '--account', 'gone', '--label', 'y', '--env', 'staging'],
      { input: sandbox.issueKey('y').key, extraEnv: FAST },
    );
    expect(imp.code).toBe(1);
    expect(imp.stderr).toMatch(/--no-verify/);
    const offline = await runCli(
      other,
      ['key', 'import', '--account', 'gone', '--label', 'y', '--env', 'staging', '--no-verify'],
      { input: sandbox.issueKey('y2').key },
    );
    expect(offline.code).toBe(0);
  });

  it('no keychain (no D-Bus session): KEYCHAIN_UNAVAILABLE, nothing stored in plaintext', async () => {
    const r = await runCli(env, ['key', 'get', 'prod'], {
      extraEnv: { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/keychain/i);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const imp = await runCli(
      env,
      [
        'key',
        'import',
        '--account',
        'acme',
        '--label',
        'offline-import',
        '--env',
        'staging',
        '--no-verify',
      ],
      {
        input: sandbox.issueKey('offline-import').key,
        extraEnv: { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined },
      },
    );
    expect(imp.code).toBe(1);
    expect(imp.stderr).toMatch(/keychain/i);
    const list = JSON.parse((await runCli(env, ['key', 'list', '--json'])).stdout) as Array<{
      label: string;
    }>;
    expect(list.map((k) => k.label)).not.toContain('offline-import');
  });

  it('a locked keyring: KEYCHAIN_DENIED with what to do, and nothing stored', async () => {
    // Its own D-Bus session whose gnome-keyring was started but never unlocked.
    const home = makeTempDir('locked-home');
    const script = `gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; exec "$0" "$@"`;
    const run = (args: string[], input = '') =>
      spawnSync(
        'dbus-run-session',
        ['--', 'sh', '-c', script, process.execPath, CLI_BIN, ...args],
        {
          input,
          encoding: 'utf8',
          timeout: 60_000,
          killSignal: 'SIGKILL',
          env: {
            ...process.env,
            HOME: home,
            XDG_DATA_HOME: join(home, 'data'),
            XDG_CONFIG_HOME: join(home, 'config'),
            XDG_RUNTIME_DIR: home,
            APEXKEYS_DATA_DIR: env.dataDir,
            APEXKEYS_KEYCHAIN_SERVICE: env.service,
          },
        },
      );
    const get = run(['key', 'get', 'prod']);
    expect(get.status).toBe(1);
    expect(get.stdout).toBe('');
    expect(get.stderr).toMatch(/apexkeys: .*(locked|unlock)/i);
    const imp = run(
      [
        'key',
        'import',
        '--account',
        'acme',
        '--label',
        'while-locked',
        '--env',
        'staging',
        '--no-verify',
      ],
      sandbox.issueKey('while-locked').key,
    );
    expect(imp.status).toBe(1);
    expect(imp.stderr).toMatch(/unlock/i);
    const list = JSON.parse((await runCli(env, ['key', 'list', '--json'])).stdout) as Array<{
      label: string;
    }>;
    expect(list.map((k) => k.label)).not.toContain('while-locked');
    // The shared, unlocked keyring still holds the key: nothing was overwritten.
    expect((await runCli(env, ['key', 'verify', 'prod', '--json'], { extraEnv: FAST })).code).toBe(
      0,
    );
  });

  it('a corrupt store file is moved aside, the last good copy restored, and the user told', async () => {
    const store = join(env.dataDir, 'apexkeys.json');
    writeFileSync(store, '{"version": 1, "accounts": [tru');
    const r = await runCli(env, ['key', 'list', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/corrupt.*moved to.*restored/i);
    expect((JSON.parse(r.stdout) as Array<{ label: string }>).map((k) => k.label)).toContain(
      'prod',
    );
    const moved = readdirSync(env.dataDir).filter((f) => f.startsWith('apexkeys.corrupt-'));
    expect(moved).toHaveLength(1);
    expect(readFileSync(join(env.dataDir, moved[0] as string), 'utf8')).toBe(
      '{"version": 1, "accounts": [tru',
    );
  });

  it('a corrupt store with no good copy is left in place and reported', async () => {
    const other = newCliEnv('cli-corrupt');
    writeFileSync(join(other.dataDir, 'apexkeys.json'), 'garbage');
    const r = await runCli(other, ['key', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/apexkeys\.json/);
    expect(readFileSync(join(other.dataDir, 'apexkeys.json'), 'utf8')).toBe('garbage');
  });
});
