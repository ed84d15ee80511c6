// apexkeys backup / restore (issue 14) through the built CLI, real keyring, real HTTP: a backup
// holds every record and secret in one age file (mode 0600, never over a file, no secret in the
// clear); a restore into a fresh data dir and keychain brings back every record and secret
// (compared one by one); restoring into the source is a no-op that says so; a wrong passphrase,
// a flipped byte and a truncated file each fail clearly and change nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { snapshotDir } from '../../helpers/app.ts';
import { addAccountCli, newCliEnv, runCli, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring, secretToolAccounts } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';
import type { StoreData } from '../../../shared/schemas.ts';
import {
  expectNoSecret,
  expectQuiet,
  keychainEntries,
  PASSPHRASE,
  readStore,
} from './backup-support.ts';

/** What a restore must bring back: the records as stored (no process owns a restored run). */
const records = (d: StoreData) => ({
  accounts: d.accounts,
  keys: d.keys,
  rotations: d.rotations.map((r) => ({ ...r, generate: { ...r.generate, owner: null } })),
  settings: d.settings,
});

describe.skipIf(!hasTestKeyring)('apexkeys backup and restore', () => {
  let sandbox: Sandbox;
  let source: CliEnv;
  let secrets = new Map<string, string>();
  let backup: string;
  const files = makeTempDir('cli-backup-files');
  const allSecrets = () => [...secrets.values(), sandbox.bootstrapKey as string];
  const cli = async (env: CliEnv, args: string[], input?: string) => {
    // A lower scrypt work factor (2^12) for speed; the age interop tests keep age's default.
    const extraEnv = { APEXKEYS_TEST_SCRYPT_LOG_N: '12' };
    const r = await runCli(env, args, input === undefined ? { extraEnv } : { input, extraEnv });
    expectQuiet(r, allSecrets());
    return r;
  };
  const ok = async (env: CliEnv, args: string[], input?: string) => {
    const r = await cli(env, args, input);
    expect(r.code, r.stderr).toBe(0);
    return r;
  };

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
    source = newCliEnv('cli-backup-src');
    await addAccountCli(source, 'acme', sandbox.url, sandbox.bootstrapKey as string);
    const gen = (label: string, envName: string, ...more: string[]) =>
      ok(source, [
        'key',
        'generate',
        '--account',
        'acme',
        '--label',
        label,
        '--env',
        envName,
        ...more,
      ]);
    await gen('dev-a', 'staging', '--owner', 'john', '--service', 'billing');
    await gen('prod-b', 'production');
    await gen('old-c', 'staging');
    await gen('gone-d', 'staging');
    await ok(source, ['key', 'disable', 'dev-a']);
    await ok(source, ['key', 'revoke', 'old-c', '--confirm', 'old-c']);
    await ok(source, ['rotate', 'start', 'prod-b']);
    await ok(source, ['settings', 'set', '--theme', 'dark', '--rotation-days', 'staging=30']);
    // A key whose secret left the keychain behind the app's back: backed up without it.
    const gone = readStore(source.dataDir).keys.find((k) => k.label === 'gone-d');
    spawnSync('secret-tool', ['clear', 'service', source.service, 'account', gone?.id ?? '?']);
    secrets = await keychainEntries(source.service);
    backup = join(files, 'acme.age');
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('refuses a passphrase under 12 characters and writes nothing', async () => {
    const file = join(files, 'short.age');
    const r = await cli(source, ['backup', '--file', file], 'too short');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/at least 12/);
    expect(existsSync(file)).toBe(false);
  });

  it('writes one age file, mode 0600, with no secret in the clear, naming the missing secret', async () => {
    const r = await ok(source, ['backup', '--file', backup], `${PASSPHRASE}\n`);
    expect(r.stdout).toMatch(
      new RegExp(
        `^Backed up 1 account, 5 keys, 1 rotation run, the settings and ${secrets.size} secrets to `,
      ),
    );
    expect(r.stderr).toMatch(/"gone-d" \(account acme\) is not in the keychain/);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(backup);
    expect(bytes.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(bytes.toString('latin1')).toContain('\n-> scrypt ');
    expectNoSecret(bytes.toString('latin1'), allSecrets());
    const audit = await ok(source, ['audit', '--json']);
    expect(audit.stdout).toContain('"backed-up"');
  });

  it('never replaces an existing file', async () => {
    const before = readFileSync(backup);
    const r = await cli(source, ['backup', '--file', backup], PASSPHRASE);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/already exists/);
    expect(readFileSync(backup).equals(before)).toBe(true);
  });

  it('restores every record and secret into a fresh data dir and keychain', async () => {
    const fresh = newCliEnv('cli-backup-dst');
    const r = await ok(fresh, ['restore', '--file', backup, '--json'], PASSPHRASE);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      noOp: false,
      accounts: { added: 1, updated: 0, skipped: 0 },
      keys: { added: 5, updated: 0, skipped: 0 },
      rotations: { added: 1, updated: 0, skipped: 0 },
      secretsRestored: secrets.size,
    });
    expect(records(readStore(fresh.dataDir))).toEqual(records(readStore(source.dataDir)));
    // One by one: the same ids hold the same secrets, and nothing else was added.
    const restored = await keychainEntries(fresh.service);
    expect([...restored.keys()]).toEqual([...secrets.keys()]);
    for (const [id, secret] of secrets) expect(restored.get(id), id).toBe(secret);
    // The restored account and key work against the server.
    await ok(fresh, ['key', 'enable', 'dev-a']);
    await ok(fresh, ['key', 'verify', 'dev-a']);
    expect((await ok(fresh, ['audit', '--json'])).stdout).toContain('"restored"');
  });

  it('restoring into the installation it came from is a no-op that says so', async () => {
    const before = snapshotDir(source.dataDir);
    const ids = secretToolAccounts(source.service).sort();
    const r = await ok(source, ['restore', '--file', backup], PASSPHRASE);
    expect(r.stdout).toMatch(/^Nothing to restore: everything in .* is already here/);
    expect(snapshotDir(source.dataDir)).toEqual(before);
    expect(secretToolAccounts(source.service).sort()).toEqual(ids);
  });

  describe('a backup that cannot be opened changes nothing', () => {
    let target: CliEnv;
    beforeAll(async () => {
      target = newCliEnv('cli-backup-bad');
      await addAccountCli(target, 'other', sandbox.url, sandbox.issueKey('other').key);
    });

    const variant = (name: string, change: (b: Buffer) => Buffer) => {
      const file = join(files, name);
      writeFileSync(file, change(Buffer.from(readFileSync(backup))));
      return file;
    };

    it.each([
      ['a wrong passphrase', () => backup, 'not the right passphrase', /passphrase does not open/],
      [
        'a flipped byte',
        () =>
          variant('flipped.age', (b) => {
            const at = Math.floor(b.length * 0.75);
            b[at] = (b[at] as number) ^ 0x01;
            return b;
          }),
        PASSPHRASE,
        /damaged or truncated/,
      ],
      [
        'a truncated file',
        () => variant('truncated.age', (b) => b.subarray(0, Math.floor(b.length / 2))),
        PASSPHRASE,
        /damaged or truncated/,
      ],
    ])('%s fails with a clear error', async (_what, file, passphrase, message) => {
      const before = snapshotDir(target.dataDir);
      const ids = secretToolAccounts(target.service).sort();
      const r = await cli(target, ['restore', '--file', file()], passphrase);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Nothing was changed/);
      expect(snapshotDir(target.dataDir)).toEqual(before);
      expect(secretToolAccounts(target.service).sort()).toEqual(ids);
    });
  });
});
