// apexkeys rotate in API mode, as a user drives it: child processes, the real keyring, the
// sandbox over HTTP. Each refusal exits 1 with one line naming the step and sends nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { makeTempDir } from '../../helpers/tmp.ts';

if (!hasTestKeyring) console.log(`cli-rotate-api: ${keyringSkipReason}`);

type View = {
  runId: string;
  step: string;
  stepNumber: number | null;
  oldKey: { id: string; label: string; status: string };
  newKey: { id: string; label: string; status: string; remoteId: string };
  evidence: Record<string, Record<string, unknown> | null>;
};

describe.skipIf(!hasTestKeyring)('apexkeys rotate in API mode', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  let oldSecret = '';
  let newSecret = '';
  const dir = makeTempDir('rotate-env');
  const appEnv = join(dir, 'app.env');
  const otherEnv = join(dir, 'other.env');

  const cli = (args: string[], input?: string) => runCli(env, args, input ? { input } : {});
  const status = async (label: string) =>
    JSON.parse((await cli(['rotate', 'status', label, '--json'])).stdout) as View;
  /** Refused: exit 1, one line naming `step`, and not one request reached the server. */
  async function refused(args: string[], step: RegExp | string) {
    const before = sandbox.stats.requests;
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(step);
    expect(sandbox.stats.requests, 'no server call').toBe(before);
    return r;
  }

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
    env = newCliEnv('cli-rotate-api');
    expect(await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string)).toBe(
      'api',
    );
    for (const label of ['prod-api', 'staging-etl'])
      expect(
        (
          await cli([
            'key',
            'generate',
            '--account',
            'acme',
            '--label',
            label,
            '--env',
            'production',
            '--owner',
            'ops',
          ])
        ).code,
      ).toBe(0);
    oldSecret = (
      await runCli(env, ['key', 'get', 'prod-api'], { allowSecret: true })
    ).stdout.trim();
    writeFileSync(appEnv, `# app\nAPEXVERIFY_API_KEY=${oldSecret}\nOTHER=1\n`);
    writeFileSync(otherEnv, 'APEXVERIFY_API_KEY=something-else-entirely\n');
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('refuses every step of a rotation that was never started', async () => {
    await refused(['rotate', 'status', 'prod-api'], /never been rotated/);
    await refused(
      ['rotate', 'deployed', 'prod-api'],
      /no rotation of "prod-api"; start one first\. Run "apexkeys rotate start LABEL"\./,
    );
    await refused(['rotate', 'finish', 'prod-api', '--confirm', 'prod-api'], /no rotation/);
  });

  it('start generates the new key (pending, in the keyring); a second start is refused naming the run', async () => {
    const r = await cli(['rotate', 'start', 'prod-api']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Now at step 2 of 4 \(deploy\)/);
    const v = await status('prod-api');
    expect(v).toMatchObject({
      step: 'deploy',
      stepNumber: 2,
      oldKey: { label: 'prod-api', status: 'active' },
      newKey: { status: 'pending' },
    });
    expect(secretToolAccounts(env.service)).toContain(v.newKey.id);
    const again = await refused(['rotate', 'start', 'prod-api'], /step 2 of 4 \(deploy\)/);
    expect(again.stderr).toContain(v.runId);
    const text = await cli(['rotate', 'status', 'prod-api']);
    expect(text.stdout).toMatch(
      /step 2 of 4 \(deploy\)[\s\S]*next: apexkeys rotate deployed prod-api/,
    );
  });

  it('refuses the later steps and any use of the old key through the API, sending nothing', async () => {
    await refused(
      ['rotate', 'verify', 'prod-api'],
      /^apexkeys: Refused at step 2 of 4 \(deploy\).* Confirm it with "apexkeys rotate deployed LABEL"\.$/m,
    );
    await refused(
      ['rotate', 'finish', 'prod-api', '--confirm', 'prod-api'],
      /step 2 of 4 \(deploy\).*verification/,
    );
    await refused(
      ['key', 'verify', 'prod-api'],
      /old key of an open rotation .*step 2 of 4 \(deploy\).*; finish or abort the rotation instead\. Use "apexkeys rotate finish" or "apexkeys rotate abort"\./,
    );
    await refused(['key', 'revoke', 'prod-api', '--confirm', 'prod-api'], /step 2 of 4 \(deploy\)/);
    await refused(['key', 'disable', 'prod-api'], /step 2 of 4 \(deploy\)/);
  });

  it('hands out the pending key with key get --pending, while the label still names the old key', async () => {
    const old = await runCli(env, ['key', 'get', 'prod-api'], { allowSecret: true });
    expect(old.stdout.trim()).toBe(oldSecret);
    const pending = await runCli(env, ['key', 'get', 'prod-api', '--pending'], {
      allowSecret: true,
    });
    expect(pending.code).toBe(0);
    newSecret = pending.stdout.trim();
    expect(newSecret).toMatch(SECRET_PATTERN);
    expect(newSecret).not.toBe(oldSecret);
    expect(await answers(sandbox, newSecret)).toBe(200);
    // The run helper hands the pending key to a command, never the old one.
    const ran = await runCli(
      env,
      [
        'run',
        '--key',
        'prod-api',
        '--pending',
        '--',
        'sh',
        '-c',
        'printf %s "$APEXVERIFY_API_KEY"',
      ],
      { allowSecret: true },
    );
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toBe(newSecret);
  });

  it('deployed replaces the old value in the named .env files only, then confirms', async () => {
    const r = await cli([
      'rotate',
      'deployed',
      'prod-api',
      '--env-file',
      appEnv,
      '--env-file',
      otherEnv,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /Updated .*app\.env \(APEXVERIFY_API_KEY\); previous file kept as .*app\.env\.bak/,
    );
    expect(r.stderr).toMatch(/other\.env does not hold the old key; left untouched/);
    expect(readFileSync(appEnv, 'utf8')).toBe(`# app\nAPEXVERIFY_API_KEY=${newSecret}\nOTHER=1\n`);
    expect(readFileSync(otherEnv, 'utf8')).toBe('APEXVERIFY_API_KEY=something-else-entirely\n');
    expect((await status('prod-api')).step).toBe('verify');
    expect(r.stdout + r.stderr).not.toMatch(SECRET_PATTERN);
  });

  it('verify warns while the old key is still in use, and confirms with --accept-recent-use', async () => {
    expect(await answers(sandbox, oldSecret)).toBe(200); // production traffic on the old key
    let r = await cli(['rotate', 'verify', 'prod-api']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^apexkeys: Not confirmed, still at step 3 of 4 \(verify\): The old key "prod-api" was used \d+ s before the check, .* --accept-recent-use/,
    );
    expect(r.stdout).toMatch(/last used \(server\): old 20/);
    r = await cli(['rotate', 'verify', 'prod-api', '--json', '--accept-recent-use']);
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as View;
    expect(v.step).toBe('revoke');
    expect(v.evidence.verify).toMatchObject({
      recentUse: true,
      acceptedRecentUse: true,
      check: { outcome: 'ok' },
    });
  });

  it('finish needs the old label typed exactly, then revokes the old key and proves the 401', async () => {
    await refused(
      ['rotate', 'finish', 'prod-api', '--confirm', 'prod-ap'],
      /step 4 of 4 \(revoke\).*expected "prod-api"/,
    );
    await refused(
      ['rotate', 'abort', 'prod-api'],
      /step 4 of 4 \(revoke\).*--revoke-new or --keep-new/,
    );
    const oldId = (await status('prod-api')).oldKey.id;
    const r = await cli(['rotate', 'finish', 'prod-api', '--confirm', 'prod-api']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/answered 401 at .*"prod-api" now names the new key/);
    expect(await answers(sandbox, oldSecret)).toBe(401);
    expect(secretToolAccounts(env.service)).not.toContain(oldId);
    const now = await runCli(env, ['key', 'get', 'prod-api'], { allowSecret: true });
    expect(now.stdout.trim()).toBe(newSecret);
    const v = await status('prod-api');
    expect(v).toMatchObject({
      step: 'done',
      stepNumber: null,
      newKey: { label: 'prod-api', status: 'active' },
      oldKey: { status: 'revoked' },
    });
    await refused(['rotate', 'finish', 'prod-api', '--confirm', 'prod-api'], /rotation is done/);
  });

  it('keeps one audit event per step, with its evidence and no secret', async () => {
    const r = await cli(['audit', '--key', 'prod-api', '--json']);
    expect(r.code).toBe(0);
    const steps = (
      JSON.parse(r.stdout) as Array<{ action: string; detail: Record<string, unknown> }>
    ).filter((e) => e.action === 'rotation-step');
    expect(steps.map((e) => e.detail.step)).toEqual(['generate', 'deploy', 'verify', 'revoke']);
    expect(steps[1]?.detail.envFilesChanged).toBe(appEnv);
    expect(steps[2]?.detail).toMatchObject({
      recentUse: true,
      acceptedRecentUse: true,
      oldLastUsedAt: expect.any(String),
    });
    expect(steps[3]?.detail).toMatchObject({ proof: '401' });
    expect(r.stdout).not.toMatch(SECRET_PATTERN);
    expect(readFileSync(join(env.dataDir, 'audit.jsonl'), 'utf8')).not.toMatch(SECRET_PATTERN);
    expect(readFileSync(join(env.dataDir, 'apexkeys.json'), 'utf8')).not.toMatch(SECRET_PATTERN);
  });

  it('abort: by default (before deployment) and with --revoke-new the new key is revoked; --keep-new keeps it', async () => {
    expect((await cli(['rotate', 'start', 'staging-etl'])).code).toBe(0);
    const all = await cli(['key', 'verify', '--all']);
    expect(all.stderr).toMatch(/skipped staging-etl: the old key of open rotation/);
    let pending = (
      await runCli(env, ['key', 'get', 'staging-etl', '--pending'], { allowSecret: true })
    ).stdout.trim();
    let r = await cli(['rotate', 'abort', 'staging-etl']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/new key was revoked/);
    expect(await answers(sandbox, pending)).toBe(401);

    expect((await cli(['rotate', 'start', 'staging-etl'])).code).toBe(0);
    expect((await cli(['rotate', 'deployed', 'staging-etl'])).code).toBe(0);
    pending = (
      await runCli(env, ['key', 'get', 'staging-etl', '--pending'], { allowSecret: true })
    ).stdout.trim();
    r = await cli(['rotate', 'abort', 'staging-etl', '--revoke-new']);
    expect(r.code, r.stderr).toBe(0);
    expect(await answers(sandbox, pending)).toBe(401);

    expect((await cli(['rotate', 'start', 'staging-etl'])).code).toBe(0);
    expect((await cli(['rotate', 'deployed', 'staging-etl'])).code).toBe(0);
    r = await cli(['rotate', 'abort', 'staging-etl', '--keep-new']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/kept as "staging-etl-new"/);
    const kept = await runCli(env, ['key', 'get', 'staging-etl-new'], { allowSecret: true });
    expect(await answers(sandbox, kept.stdout.trim())).toBe(200);
    await refused(['rotate', 'abort', 'staging-etl', '--keep-new'], /rotation is aborted/);
    expect((await cli(['rotate', 'abort', 'staging-etl', '--keep-new', '--revoke-new'])).code).toBe(
      2,
    );
    const steps = JSON.parse(
      (await cli(['audit', '--key', 'staging-etl', '--json'])).stdout,
    ) as Array<{ action: string; detail: Record<string, unknown> }>;
    expect(steps.filter((e) => e.detail?.step === 'aborted').map((e) => e.detail.choice)).toEqual([
      'revoke-new',
      'revoke-new',
      'keep-new',
    ]);
  });
});
