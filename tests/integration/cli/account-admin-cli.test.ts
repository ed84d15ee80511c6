// apexkeys account rename / remove as a user runs them, on the real keyring: bad input is refused
// with one clear line and changes nothing (store, audit and `secret-tool search` compared before
// and after); a remove's secrets are proven gone with secret-tool, and its audit trail stays.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreData } from '../../../shared/schemas.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { CANARY_ID as CANARY } from '../../../electron/core/vault.ts';
import {
  addAccountCli,
  newCliEnv,
  runCli,
  SECRET_PATTERN,
  type CliEnv,
  type CliResult,
} from '../../helpers/cli.ts';
import { hasTestKeyring, keyringSkipReason, secretToolAccounts } from '../../helpers/keyring.ts';

if (!hasTestKeyring) console.log(`cli-account-admin: ${keyringSkipReason}`);

function expectOneLineError(r: CliResult, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe.skipIf(!hasTestKeyring)('apexkeys account rename and remove', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  const secrets: string[] = [];
  const storeFile = () => join(env.dataDir, 'apexkeys.json');
  const auditFile = () => join(env.dataDir, 'audit.jsonl');
  const store = () => JSON.parse(readFileSync(storeFile(), 'utf8')) as StoreData;
  const audit = () =>
    existsSync(auditFile())
      ? readFileSync(auditFile(), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { action: string; keyId: string | null; detail?: object })
      : [];
  const snapshot = () => ({
    store: readFileSync(storeFile(), 'utf8'),
    audit: readFileSync(auditFile(), 'utf8'),
    keychain: secretToolAccounts(env.service).sort(),
  });
  const expectNoSecret = (r: CliResult) => {
    const out = r.stdout + r.stderr;
    expect(out).not.toMatch(SECRET_PATTERN);
    for (const s of secrets) expect(out).not.toContain(s);
  };
  const run = async (args: string[]) => {
    const r = await runCli(env, args);
    expectNoSecret(r);
    return r;
  };

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    env = newCliEnv('cli-account-admin');
    const other = sandbox.issueKey('other-account').key;
    secrets.push(sandbox.bootstrapKey as string, other);
    await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string);
    await addAccountCli(env, 'other', sandbox.url, other);
    for (const [account, label] of [
      ['acme', 'ci'],
      ['acme', 'deploy'],
      ['other', 'etl'],
    ] as const) {
      const r = await runCli(env, [
        'key',
        'generate',
        '--account',
        account,
        '--label',
        label,
        '--env',
        'staging',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const got = await runCli(env, ['key', 'get', label], { allowSecret: true });
      secrets.push(got.stdout.trim());
    }
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('refuses a bad rename with one line and changes nothing', async () => {
    const before = snapshot();
    expectOneLineError(
      await run(['account', 'rename', 'nope', 'fresh']),
      1,
      /no account named "nope" \(accounts: acme, other\)/,
    );
    expectOneLineError(
      await run(['account', 'rename', 'acme', 'other']),
      1,
      /"other" already exists; choose another name/,
    );
    expectOneLineError(await run(['account', 'rename', 'acme', 'has space']), 2, /account name/i);
    expectOneLineError(
      await run(['account', 'rename', 'acme', 'sandbox']),
      2,
      /kept for the built-in sandbox/,
    );
    const missing = await run(['account', 'rename', 'acme']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument 'new'/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a remove without the matching --confirm, or of an unknown account, changing nothing', async () => {
    const before = snapshot();
    const none = await run(['account', 'remove', 'acme']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/required option '--confirm <name>' not specified/);
    expectOneLineError(
      await run(['account', 'remove', 'acme', '--confirm', 'other']),
      1,
      /Type the account's name exactly to confirm its removal \(expected "acme"\)\. Nothing was removed\./,
    );
    expectOneLineError(
      await run(['account', 'remove', 'nope', '--confirm', 'nope']),
      1,
      /no account named "nope"/,
    );
    expect(snapshot()).toEqual(before);
  });

  it('renames: its keys answer to the new name, and the audit records from and to', async () => {
    const r = await run(['account', 'rename', 'acme', 'acme-prod', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ from: 'acme', name: 'acme-prod', baseUrl: sandbox.url });
    const list = await run(['key', 'list', '--json']);
    const keys = JSON.parse(list.stdout) as Array<{ label: string; account: string }>;
    expect(keys.filter((k) => k.account === 'acme-prod').map((k) => k.label)).toEqual(
      expect.arrayContaining(['ci', 'deploy']),
    );
    const got = await runCli(env, ['key', 'get', 'ci', '--account', 'acme-prod'], {
      allowSecret: true,
    });
    expect(got.code, got.stderr).toBe(0);
    expect(secrets).toContain(got.stdout.trim());
    expect(audit().filter((e) => e.action === 'account-renamed')).toEqual([
      expect.objectContaining({ detail: { from: 'acme', to: 'acme-prod' } }),
    ]);
    const text = await run(['account', 'rename', 'acme-prod', 'acme-live']);
    expect(text.code).toBe(0);
    expect(text.stderr.trim()).toBe('Renamed account "acme-prod" to "acme-live".');
  });

  it('removes: secret-tool finds none of its secrets, the store none of its records, the audit stays', async () => {
    const data = store();
    const acme = data.accounts.find((a) => a.name === 'acme-live');
    const other = data.accounts.find((a) => a.name === 'other');
    const acmeKeys = data.keys.filter((k) => k.accountId === acme?.id).map((k) => k.id);
    const otherKeys = data.keys.filter((k) => k.accountId === other?.id).map((k) => k.id);
    expect(acmeKeys).toHaveLength(2);
    const mine = [`account:${acme?.id}`, ...acmeKeys];
    expect(secretToolAccounts(env.service)).toEqual(expect.arrayContaining(mine));

    const r = await run(['account', 'remove', 'acme-live', '--confirm', 'acme-live', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      name: 'acme-live',
      keysRemoved: 2,
      secretsRemoved: 3,
      secretsLeft: 0,
    });
    const left = secretToolAccounts(env.service);
    for (const id of mine) expect(left).not.toContain(id);
    expect(left.sort()).toEqual([`account:${other?.id}`, ...otherKeys, CANARY].sort());
    const after = store();
    expect(after.accounts.map((a) => a.name)).toEqual(['other']);
    expect(after.keys.map((k) => k.id)).toEqual(otherKeys);
    // The audit trail of the removed keys is kept, and the removal is in it.
    const events = audit();
    expect(events.some((e) => e.action === 'generated' && e.keyId === acmeKeys[0])).toBe(true);
    expect(events.at(-1)).toMatchObject({
      action: 'account-removed',
      detail: { keysRemoved: 2, secretsRemoved: 3, secretsLeft: 0 },
    });
    const raw = readFileSync(storeFile(), 'utf8') + readFileSync(auditFile(), 'utf8');
    for (const s of secrets) expect(raw).not.toContain(s);
    // Its keys are gone by any name; the other account's still work.
    expect((await run(['key', 'list', '--json'])).stdout).not.toContain('"ci"');
    const etl = await runCli(env, ['key', 'get', 'etl'], { allowSecret: true });
    expect(etl.code, etl.stderr).toBe(0);
  });

  it('removes with a plain-text summary', async () => {
    const r = await run(['account', 'remove', 'other', '--confirm', 'other']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim()).toBe(
      'Removed account "other" and 1 key; 2 secrets were deleted from the keychain. The keys still exist on the server.',
    );
    // Only the keychain's canary, which is the app's and no account's, is left.
    expect(secretToolAccounts(env.service)).toEqual([CANARY]);
    expect(store().accounts).toEqual([]);
  });
});
