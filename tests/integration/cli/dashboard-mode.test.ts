// Dashboard mode: a server without the key-management endpoints (the sandbox with keyApi off).
// Keys are generated and revoked "in the dashboard" (the sandbox's admin helpers), and the CLI
// proves each step through the documented credits endpoint.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { newCliEnv, runCli, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring, secretToolAccounts } from '../../helpers/keyring.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

describe.skipIf(!hasTestKeyring)('apexkeys in dashboard mode', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  let dashKey: { id: string; key: string };

  beforeAll(async () => {
    sandbox = await startSandboxServer({ keyApi: false });
    env = newCliEnv('cli-dash');
    const r = await runCli(
      env,
      [
        'account',
        'add',
        '--name',
        'dash',
        '--base-url',
        sandbox.url,
        '--dashboard-url',
        'https://app.apexverify.com',
      ],
      {
        input: sandbox.bootstrapKey as string,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('dashboard');
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('refuses an account key the server rejects, although the probe answered 404', async () => {
    const revoked = sandbox.issueKey('gone');
    sandbox.revokeKey(revoked.id);
    const r = await runCli(env, ['account', 'add', '--name', 'dash2', '--base-url', sandbox.url], {
      input: revoked.key,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rejected the account key \(401\)/);
  });

  it('refuses to generate, pointing at the dashboard', async () => {
    const r = await runCli(env, [
      'key',
      'generate',
      '--account',
      'dash',
      '--label',
      'ci-pipeline',
      '--env',
      'development',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dashboard mode.*https:\/\/app\.apexverify\.com/);
    expect((await runCli(env, ['key', 'list', '--json'])).stdout.trim()).toBe('[]');
  });

  it('imports a key captured from the dashboard after checking it answers 200', async () => {
    dashKey = sandbox.issueKey('ci-pipeline');
    const r = await runCli(
      env,
      [
        'key',
        'import',
        '--account',
        'dash',
        '--label',
        'ci-pipeline',
        '--env',
        'development',
        '--json',
      ],
      { input: `${dashKey.key}\n` },
    );
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(rec).toMatchObject({
      label: 'ci-pipeline',
      status: 'active',
      remoteId: null,
      lastUsedAt: null,
    });
    expect(secretToolAccounts(env.service)).toContain(rec.id);
  });

  it('refuses to import a key the server rejects', async () => {
    const revoked = sandbox.issueKey('old');
    sandbox.revokeKey(revoked.id);
    const r = await runCli(
      env,
      ['key', 'import', '--account', 'dash', '--label', 'old', '--env', 'development'],
      { input: revoked.key },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rejected this key \(401\).*not stored/);
    expect(r.stderr).not.toContain(revoked.key);
  });

  it('verifies, and records last use when the key is handed out (get, env, run)', async () => {
    const v = await runCli(env, ['key', 'verify', 'ci-pipeline', '--json']);
    expect(JSON.parse(v.stdout)).toMatchObject({
      status: 'ok',
      credits: { email: 1000, phone: 500 },
    });
    const lastUsed = async () =>
      (
        JSON.parse((await runCli(env, ['key', 'list', '--json'])).stdout) as Array<{
          lastUsedAt: string | null;
        }>
      )[0]?.lastUsedAt ?? null;
    expect(await lastUsed()).toBeNull();
    expect((await runCli(env, ['key', 'get', 'ci-pipeline'], { allowSecret: true })).stdout).toBe(
      `${dashKey.key}\n`,
    );
    const afterGet = await lastUsed();
    expect(afterGet).toEqual(expect.any(String));
    const file = join(makeTempDir('dash-env'), 'app.env');
    expect((await runCli(env, ['key', 'env', 'ci-pipeline', '--file', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(dashKey.key);
    const afterEnv = await lastUsed();
    expect(Date.parse(afterEnv as string)).toBeGreaterThan(Date.parse(afterGet as string));
    // A command that ends at once still passes its exit code through.
    expect(
      (await runCli(env, ['run', '--key', 'ci-pipeline', '--', 'sh', '-c', 'exit 3'])).code,
    ).toBe(3);
    const afterRun = await lastUsed();
    expect(Date.parse(afterRun as string)).toBeGreaterThan(Date.parse(afterEnv as string));
    // A hand-out that failed is not a use.
    expect(
      (await runCli(env, ['run', '--key', 'ci-pipeline', '--', 'no-such-command-xyz'])).code,
    ).toBe(1);
    expect(await lastUsed()).toBe(afterRun);
  });

  it('lists the account and verifies all keys in dashboard mode', async () => {
    expect(JSON.parse((await runCli(env, ['account', 'list', '--json'])).stdout)).toEqual([
      expect.objectContaining({ name: 'dash', mode: 'dashboard' }),
    ]);
    const all = await runCli(env, ['key', 'verify', '--all', '--account', 'dash', '--json']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual([
      expect.objectContaining({
        label: 'ci-pipeline',
        status: 'ok',
        credits: { email: 1000, phone: 500 },
      }),
    ]);
    expect(all.stderr).toMatch(/\[1\/1\]/);
  });

  it('cannot disable or enable from the app', async () => {
    for (const verb of ['disable', 'enable']) {
      const r = await runCli(env, ['key', verb, 'ci-pipeline']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/dashboard mode/);
    }
  });

  it('refuses to record a revocation until the key answers 401, then records it', async () => {
    let r = await runCli(env, ['key', 'revoke', 'ci-pipeline', '--confirm', 'ci-pipeline']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/still answers 200.*https:\/\/app\.apexverify\.com/);
    expect(JSON.parse((await runCli(env, ['key', 'list', '--json'])).stdout)[0]).toMatchObject({
      status: 'active',
    });
    const trail = await runCli(env, ['audit', '--key', 'ci-pipeline', '--json']);
    expect((JSON.parse(trail.stdout) as Array<Record<string, unknown>>).at(-1)).toMatchObject({
      action: 'revoked',
      outcome: 'failed',
      detail: { error: 'NOT_REVOKED' },
    });

    sandbox.revokeKey(dashKey.id); // the user revokes it in the dashboard
    r = await runCli(env, ['key', 'revoke', 'ci-pipeline', '--confirm', 'ci-pipeline']);
    expect(r.code).toBe(0);
    const all = JSON.parse((await runCli(env, ['key', 'list', '--all', '--json'])).stdout) as Array<
      Record<string, unknown>
    >;
    expect(all[0]).toMatchObject({ status: 'revoked' });
    expect(secretToolAccounts(env.service)).not.toContain(all[0]?.id);
    const audit = await runCli(env, ['audit', '--key', 'ci-pipeline', '--json']);
    expect((JSON.parse(audit.stdout) as Array<{ action: string }>).map((e) => e.action)).toEqual(
      expect.arrayContaining(['imported', 'verified', 'revealed', 'exported', 'ran', 'revoked']),
    );
  });
});
