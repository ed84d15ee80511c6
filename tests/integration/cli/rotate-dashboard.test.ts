// apexkeys rotate in dashboard mode: the new key arrives on stdin and is verified before it is
// stored; the old key is revoked "in the dashboard" (the sandbox's admin helper) and finish
// completes only once it answers 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import {
  addAccountCli,
  newCliEnv,
  runCli,
  SECRET_PATTERN,
  type CliEnv,
} from '../../helpers/cli.ts';
import { hasTestKeyring, keyringSkipReason, secretToolAccounts } from '../../helpers/keyring.ts';
import { answers } from '../../helpers/rotation.ts';

if (!hasTestKeyring) console.log(`cli-rotate-dashboard: ${keyringSkipReason}`);

type View = {
  runId: string;
  step: string;
  oldKey: { id: string; status: string };
  newKey: { id: string; label: string; status: string } | null;
  evidence: Record<string, Record<string, unknown> | null>;
};

describe.skipIf(!hasTestKeyring)('apexkeys rotate in dashboard mode', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  const old: Record<string, { id: string; key: string }> = {};

  const cli = (args: string[], input?: string) => runCli(env, args, input ? { input } : {});
  const status = async (label: string) =>
    JSON.parse((await cli(['rotate', 'status', label, '--json'])).stdout) as View;
  async function refused(args: string[], reason: RegExp, input?: string) {
    const before = sandbox.stats.requests;
    const r = await cli(args, input);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
    expect(sandbox.stats.requests, 'no server call').toBe(before);
    return r;
  }

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000, keyApi: false });
    env = newCliEnv('cli-rotate-dash');
    expect(await addAccountCli(env, 'dash', sandbox.url, sandbox.bootstrapKey as string)).toBe(
      'dashboard',
    );
    for (const label of ['prod-api', 'ci-key']) {
      old[label] = sandbox.issueKey(label);
      const r = await cli(
        ['key', 'import', '--account', 'dash', '--label', label, '--env', 'production'],
        old[label]?.key,
      );
      expect(r.code, r.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('start needs the new key on stdin, and stores it only once it answers 200', async () => {
    await refused(
      ['rotate', 'start', 'prod-api'],
      /dashboard mode: create the new key in the dashboard at https:\/\/app\.apexverify\.com/,
    );
    await refused(['rotate', 'status', 'prod-api'], /never been rotated/);
    const held = secretToolAccounts(env.service).length;
    const dead = sandbox.issueKey('dead');
    sandbox.revokeKey(dead.id);
    const r = await cli(['rotate', 'start', 'prod-api'], `${dead.key}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/answered 401 .*it was not stored/);
    const v = await status('prod-api');
    expect(v).toMatchObject({ step: 'generate', newKey: null });
    expect(secretToolAccounts(env.service)).toHaveLength(held);

    const fresh = sandbox.issueKey('prod-api-2');
    const ok = await cli(['rotate', 'start', 'prod-api'], `${fresh.key}\n`);
    expect(ok.code, ok.stderr).toBe(0);
    const after = await status('prod-api');
    expect(after).toMatchObject({ runId: v.runId, step: 'deploy', newKey: { status: 'pending' } });
    expect(secretToolAccounts(env.service)).toContain(after.newKey?.id);
    const pending = await runCli(env, ['key', 'get', 'prod-api', '--pending'], {
      allowSecret: true,
    });
    expect(pending.stdout.trim()).toBe(fresh.key);
    await refused(['rotate', 'start', 'prod-api'], /step 2 of 4 \(deploy\)/);
  });

  it('deploy and verify; finish then waits until the old key is revoked in the dashboard', async () => {
    expect((await cli(['rotate', 'deployed', 'prod-api'])).code).toBe(0);
    const v = await cli(['rotate', 'verify', 'prod-api']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stderr).toMatch(/Now at step 4 of 4 \(revoke\)/);
    let r = await cli(['rotate', 'finish', 'prod-api', '--confirm', 'prod-api']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /still at step 4 of 4 \(revoke\): Waiting for "prod-api" to answer 401: revoke it in the dashboard at https:\/\/app\.apexverify\.com/,
    );
    expect((await status('prod-api')).oldKey.status).toBe('active');
    await refused(['rotate', 'abort', 'prod-api', '--keep-new'], /revocation of the old key began/);
    sandbox.revokeKey(old['prod-api']?.id as string);
    r = await cli(['rotate', 'finish', 'prod-api', '--confirm', 'prod-api']);
    expect(r.code, r.stderr).toBe(0);
    const done = await status('prod-api');
    expect(done).toMatchObject({
      step: 'done',
      oldKey: { status: 'revoked' },
      newKey: { label: 'prod-api', status: 'active' },
    });
    expect(secretToolAccounts(env.service)).not.toContain(done.oldKey.id);
    const audit = await cli(['audit', '--key', 'prod-api', '--json']);
    const steps = (
      JSON.parse(audit.stdout) as Array<{ action: string; detail?: Record<string, unknown> }>
    ).filter((e) => e.action === 'rotation-step');
    expect(steps.map((e) => e.detail?.step)).toEqual(['generate', 'deploy', 'verify', 'revoke']);
    expect(audit.stdout).not.toMatch(SECRET_PATTERN);
  });

  it('abort --revoke-new marks the new key for revocation in the dashboard; --keep-new keeps it', async () => {
    const first = sandbox.issueKey('ci-key-2');
    expect((await cli(['rotate', 'start', 'ci-key'], first.key)).code).toBe(0);
    let r = await cli(['rotate', 'abort', 'ci-key', '--revoke-new']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /Revoke the new key "ci-key-new" in the dashboard at https:\/\/app\.apexverify\.com.*"apexkeys key revoke ci-key-new --confirm ci-key-new" records it\./,
    );
    expect((await status('ci-key')).evidence.abort).toMatchObject({
      choice: 'dashboard',
      keptLabel: 'ci-key-new',
    });
    // Once revoked there, the usual revoke proves and records it.
    sandbox.revokeKey(first.id);
    expect((await cli(['key', 'revoke', 'ci-key-new', '--confirm', 'ci-key-new'])).code).toBe(0);

    const second = sandbox.issueKey('ci-key-3');
    expect((await cli(['rotate', 'start', 'ci-key'], second.key)).code).toBe(0);
    expect((await cli(['rotate', 'deployed', 'ci-key'])).code).toBe(0);
    r = await cli(['rotate', 'abort', 'ci-key', '--keep-new']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/kept as "ci-key-new"/);
    expect(await answers(sandbox, second.key)).toBe(200);
    expect(await answers(sandbox, old['ci-key']?.key as string)).toBe(200);
  });
});
