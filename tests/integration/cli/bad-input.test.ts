// Bad input is refused with one clear line and changes nothing.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import {
  addAccountCli,
  fakeSecret,
  newCliEnv,
  runCli,
  type CliEnv,
  type CliResult,
} from '../../helpers/cli.ts';
import { hasTestKeyring, secretToolAccounts } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

function expectOneLineError(r: CliResult, code: number, pattern: RegExp): void {
  expect(r.code).toBe(code);
  const lines = r.stderr
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('(add --help'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stdout).toBe('');
}

describe.skipIf(!hasTestKeyring)('apexkeys refuses bad input and changes nothing', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  let snapshot: () => string;

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    env = newCliEnv('cli-bad');
    await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string);
    expect(
      (
        await runCli(env, [
          'key',
          'generate',
          '--account',
          'acme',
          '--label',
          'good',
          '--env',
          'staging',
        ])
      ).code,
    ).toBe(0);
    const store = join(env.dataDir, 'apexkeys.json');
    snapshot = () =>
      readFileSync(store, 'utf8') + JSON.stringify(secretToolAccounts(env.service).sort());
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const badLabels: Array<[string, string]> = [
    ['empty', ''],
    ['too long', 'x'.repeat(65)],
    ['spaces', 'has space'],
    ['leading space', ' lead'],
    ['control character', 'bell\u0007'],
    ['slash', 'a/b'],
  ];
  for (const [what, label] of badLabels) {
    it(`refuses a label with ${what}`, async () => {
      const before = snapshot();
      const gen = await runCli(env, [
        'key',
        'generate',
        '--account',
        'acme',
        '--label',
        label,
        '--env',
        'staging',
      ]);
      expectOneLineError(gen, 2, /label/i);
      const imp = await runCli(
        env,
        ['key', 'import', '--account', 'acme', '--label', label, '--env', 'staging'],
        { input: fakeSecret() },
      );
      expectOneLineError(imp, 2, /label/i);
      expect(snapshot()).toBe(before);
    });
  }

  it('refuses an unknown account and an unknown label', async () => {
    const before = snapshot();
    expectOneLineError(
      await runCli(env, [
        'key',
        'generate',
        '--account',
        'nope',
        '--label',
        'x',
        '--env',
        'staging',
      ]),
      1,
      /no account named "nope"/,
    );
    expectOneLineError(
      await runCli(env, ['key', 'verify', 'missing']),
      1,
      /No live key is labelled "missing"/,
    );
    expectOneLineError(await runCli(env, ['key', 'get', 'missing']), 1, /No live key/);
    expectOneLineError(
      await runCli(env, ['key', 'list', '--account', 'nope']),
      1,
      /no account named/,
    );
    expect(snapshot()).toBe(before);
  });

  for (const [what, url] of [
    ['malformed', 'not a url'],
    ['ftp', 'ftp://127.0.0.1/'],
    ['file', 'file:///etc/passwd'],
    ['credentials', 'http://user:pw@127.0.0.1:1'],
  ] as const) {
    it(`refuses a ${what} base URL`, async () => {
      const before = snapshot();
      expectOneLineError(
        await runCli(env, ['account', 'add', '--name', 'other', '--base-url', url], {
          input: fakeSecret(),
        }),
        2,
        /URL/,
      );
      expect(snapshot()).toBe(before);
    });
  }

  for (const [what, input] of [
    ['an empty secret', ''],
    ['a secret with a space', 'avk_abcdefgh ijklmnopqrstuvwxyz'],
    ['a secret with an inner newline', 'avk_abcdefghij\nklmnopqrstuvwxyz'],
    ['a secret with a tab', 'avk_abcdefghij\tklmnopqrstuvwxyz'],
    ['a too short secret', 'short'],
  ] as const) {
    it(`refuses ${what} on stdin`, async () => {
      const before = snapshot();
      const r = await runCli(
        env,
        ['key', 'import', '--account', 'acme', '--label', 'pasted', '--env', 'staging'],
        { input },
      );
      expectOneLineError(r, 2, /key/i);
      if (input.length > 8) expect(r.stderr).not.toContain(input.split(/\s/)[1] as string);
      expect(snapshot()).toBe(before);
    });
  }

  it('refuses an account key the server rejects (401) and stores nothing', async () => {
    const before = snapshot();
    const r = await runCli(env, ['account', 'add', '--name', 'other', '--base-url', sandbox.url], {
      input: fakeSecret(),
    });
    expectOneLineError(r, 1, /rejected the account key \(401\)/);
    expect(snapshot()).toBe(before);
    expect(JSON.parse((await runCli(env, ['account', 'list', '--json'])).stdout)).toHaveLength(1);
  });

  it('refuses a .env path that is a directory or not writable', async () => {
    const before = snapshot();
    const dir = makeTempDir('bad-env');
    const sub = join(dir, 'folder');
    mkdirSync(sub);
    expectOneLineError(
      await runCli(env, ['key', 'env', 'good', '--file', sub]),
      1,
      /is a directory.*Nothing was changed/,
    );
    const ro = join(dir, '.env');
    writeFileSync(ro, 'A=1\n');
    chmodSync(ro, 0o400);
    expectOneLineError(await runCli(env, ['key', 'env', 'good', '--file', ro]), 1, /read-only/);
    expect(readFileSync(ro, 'utf8')).toBe('A=1\n');
    expectOneLineError(
      await runCli(env, ['key', 'env', 'good', '--file', join(dir, 'missing', '.env')]),
      1,
      /does not exist|Cannot write/,
    );
    expectOneLineError(
      await runCli(env, ['key', 'env', 'good', '--file', join(dir, 'x.env'), '--var', '1BAD']),
      2,
      /variable name/,
    );
    expect(snapshot()).toBe(before);
    // Failed hand-outs are in the trail as failed, never as done.
    const events = JSON.parse(
      (await runCli(env, ['audit', '--key', 'good', '--json'])).stdout,
    ) as Array<{ action: string; outcome: string }>;
    const exports = events.filter((e) => e.action === 'exported');
    expect(exports.length).toBeGreaterThanOrEqual(3);
    expect(exports.every((e) => e.outcome === 'failed')).toBe(true);
  });

  it('answers bad usage with exit code 2', async () => {
    expect((await runCli(env, ['key', 'frobnicate'])).code).toBe(2);
    expect((await runCli(env, ['key', 'generate', '--account', 'acme'])).code).toBe(2);
    expect((await runCli(env, ['key', 'verify', '--all', '--rate-share', '3'])).code).toBe(2);
    expect((await runCli(env, ['key', 'verify'])).code).toBe(2);
    expect((await runCli(env, ['--help'])).code).toBe(0);
  });

  it('answers a bad APEXKEYS_* value with exit code 2 naming the variable', async () => {
    const before = snapshot();
    const r = await runCli(env, ['key', 'list'], { extraEnv: { APEXKEYS_HTTP_RETRIES: 'lots' } });
    expectOneLineError(r, 2, /^apexkeys: APEXKEYS_HTTP_RETRIES="lots" is not allowed/);
    // Empty is unset: the default, as in every host.
    expect((await runCli(env, ['key', 'list'], { extraEnv: { APEXKEYS_DEBUG: '' } })).code).toBe(0);
    expect(snapshot()).toBe(before);
  });
});
