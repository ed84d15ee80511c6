// Issue 9 (hardening), through the CLI as a user runs it against the sandbox: the account's own
// key cannot be disabled (defect 1), a blank store file is repaired from the last-good copy
// (3), a change whose audit event cannot be written is reported done with a warning (5),
// prototype names are plain names (7), loose modes are tightened and links refused (12).
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { addAccountCli, newCliEnv, runCli, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

interface ListedKey {
  label: string;
  environment: string;
  notes: string;
  status: string;
  rotationPeriodDays: number | null;
}

describe.skipIf(!hasTestKeyring)('apexkeys hardening (issue 9)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 1_000_000 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  async function freshEnv(prefix: string): Promise<CliEnv> {
    const env = newCliEnv(prefix);
    await addAccountCli(env, 'sb', sandbox.url, sandbox.bootstrapKey as string);
    return env;
  }
  const generate = (env: CliEnv, label: string, envName = 'staging') =>
    runCli(env, ['key', 'generate', '--account', 'sb', '--label', label, '--env', envName]);
  const list = async (env: CliEnv): Promise<ListedKey[]> =>
    JSON.parse((await runCli(env, ['key', 'list', '--json'])).stdout) as ListedKey[];

  it("refuses to store the account's own key, and to disable a key an account uses", async () => {
    const env = await freshEnv('hard-own');
    const imported = await runCli(
      env,
      ['key', 'import', '--account', 'sb', '--label', 'selfkey', '--env', 'production'],
      { input: sandbox.bootstrapKey as string },
    );
    expect(imported.code, imported.stderr).toBe(1);
    expect(imported.stderr).toMatch(/key account "sb" itself uses.*Nothing was stored/);
    expect(await list(env)).toEqual([]);

    // A stored key that a second account then uses as its own: disable and revoke refuse it.
    expect((await generate(env, 'shared')).code).toBe(0);
    const got = await runCli(env, ['key', 'get', 'shared'], { allowSecret: true });
    await addAccountCli(env, 'sb2', sandbox.url, got.stdout.trim());
    const disabled = await runCli(env, ['key', 'disable', 'shared']);
    expect(disabled.code, disabled.stderr).toBe(1);
    expect(disabled.stderr).toMatch(/key this app uses for account "sb2".*lock the account out/);
    const revoked = await runCli(env, ['key', 'revoke', 'shared', '--confirm', 'shared']);
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toMatch(/key this app uses for account "sb2"/);
    // The account still works: its key was never disabled.
    expect((await generate(env, 'after')).code).toBe(0);
    expect((await list(env)).find((k) => k.label === 'shared')?.status).toBe('active');
  });

  it('repairs a store file holding {} from the last-good copy instead of wiping it', async () => {
    const env = await freshEnv('hard-blank');
    expect((await generate(env, 'kept')).code).toBe(0);
    for (const blank of ['{}', '{"__internal__":{"migrations":{"version":"1"}}}']) {
      writeFileSync(join(env.dataDir, 'apexkeys.json'), blank);
      const r = await runCli(env, ['key', 'list', '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as ListedKey[]).map((k) => k.label)).toEqual(['kept']);
      expect(r.stderr).toMatch(/corrupt \(it holds no data.*last good copy .* was restored/);
      // The next write keeps the records in both copies.
      expect((await runCli(env, ['key', 'update', 'kept', '--notes', 'n'])).code).toBe(0);
      const lastGood = JSON.parse(
        readFileSync(join(env.dataDir, 'apexkeys.last-good.json'), 'utf8'),
      ) as { accounts: unknown[]; keys: unknown[] };
      expect([lastGood.accounts.length, lastGood.keys.length]).toEqual([1, 1]);
    }
    const aside = readdirSync(env.dataDir).filter((f) => f.startsWith('apexkeys.corrupt-'));
    expect(aside).toHaveLength(2);
  });

  it('reports a change as saved, with a warning, when its audit event cannot be written', async () => {
    const env = await freshEnv('hard-audit');
    expect((await generate(env, 'k1')).code).toBe(0);
    const audit = join(env.dataDir, 'audit.jsonl');
    rmSync(audit);
    mkdirSync(audit);
    const r = await runCli(env, ['key', 'update', 'k1', '--notes', 'X']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/completed, but its "updated" event could not be recorded/);
    expect((await list(env)).find((k) => k.label === 'k1')?.notes).toBe('X');
    const envFile = join(makeTempDir('hard-audit-env'), 'app.env');
    const exported = await runCli(env, ['key', 'env', 'k1', '--file', envFile]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/"exported" event could not be recorded/);
  });

  it('treats object-prototype names as plain names', async () => {
    const env = await freshEnv('hard-proto');
    for (const name of ['toString', 'constructor', 'valueOf']) {
      const r = await generate(env, `p-${name}`, name);
      expect(r.code, r.stderr).toBe(0);
    }
    const updated = await runCli(env, ['key', 'update', 'p-toString', '--env', 'valueOf']);
    expect(updated.code, updated.stderr).toBe(0);
    const proto = await runCli(env, ['settings', 'set', '--rotation-days', '__proto__=5']);
    expect(proto.code).toBe(2);
    expect(proto.stderr).toMatch(/"__proto__" is reserved/);
    const set = await runCli(env, ['settings', 'set', '--rotation-days', 'constructor=5']);
    expect(set.code, set.stderr).toBe(0);
    const keys = await list(env);
    expect(keys.find((k) => k.label === 'p-constructor')?.rotationPeriodDays).toBe(5);
    expect(keys.find((k) => k.label === 'p-valueOf')?.rotationPeriodDays).toBeNull();
    expect(keys.find((k) => k.label === 'p-toString')).toMatchObject({
      environment: 'valueOf',
      rotationPeriodDays: null,
    });
  });

  it('tightens a data folder and audit trail made beforehand, and refuses an audit link', async () => {
    const env = newCliEnv('hard-perm');
    mkdirSync(env.dataDir, { recursive: true });
    chmodSync(env.dataDir, 0o755);
    writeFileSync(join(env.dataDir, 'audit.jsonl'), '', { mode: 0o644 });
    chmodSync(join(env.dataDir, 'audit.jsonl'), 0o644);
    const r = await runCli(env, ['key', 'list']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/data folder .*mode 0755.*restricted to 0700/);
    expect(r.stderr).toMatch(/audit trail .*mode 0644.*restricted to 0600/);
    expect(statSync(env.dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(env.dataDir, 'audit.jsonl')).mode & 0o777).toBe(0o600);
    expect((await runCli(env, ['key', 'list'])).stderr).not.toMatch(/restricted/);

    const target = join(makeTempDir('hard-perm-target'), 'elsewhere.log');
    writeFileSync(target, '');
    rmSync(join(env.dataDir, 'audit.jsonl'));
    symlinkSync(target, join(env.dataDir, 'audit.jsonl'));
    await addAccountCli(env, 'sb', sandbox.url, sandbox.bootstrapKey as string);
    expect(readFileSync(target, 'utf8')).toBe('');
  });
});
