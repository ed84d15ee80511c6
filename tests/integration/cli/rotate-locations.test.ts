// Deploy-aware rotation through the CLI (issue 12, items 3 and 4): the old key's known locations
// are replaced by --all-locations, finish refuses while one still holds the old key, and an
// abort with --revoke-new writes the old key back before revoking the new one. Real keyring,
// sandbox over HTTP, temp folders.
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
import { hasTestKeyring, keyringSkipReason } from '../../helpers/keyring.ts';
import { answers } from '../../helpers/rotation.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

if (!hasTestKeyring) console.log(`cli-rotate-locations: ${keyringSkipReason}`);

describe.skipIf(!hasTestKeyring)('apexkeys rotate with known locations', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  const dir = makeTempDir('rotate-locations');
  const cli = (args: string[]) => runCli(env, args);
  const secretOf = async (label: string, pending = false) =>
    (
      await runCli(env, ['key', 'get', label, ...(pending ? ['--pending'] : [])], {
        allowSecret: true,
      })
    ).stdout.trim();
  const step = async (label: string) =>
    (JSON.parse((await cli(['rotate', 'status', label, '--json'])).stdout) as { step: string })
      .step;
  /** Generates LABEL, writes it into `files` with key env, starts its rotation, deploys to all. */
  async function deployedTo(label: string, files: string[]) {
    expect(
      (await cli(['key', 'generate', '--account', 'acme', '--label', label, '--env', 'production']))
        .code,
    ).toBe(0);
    const oldSecret = await secretOf(label);
    for (const f of files) expect((await cli(['key', 'env', label, '--file', f])).code).toBe(0);
    expect((await cli(['rotate', 'start', label])).code).toBe(0);
    const newSecret = await secretOf(label, true);
    const r = await cli(['rotate', 'deployed', label, '--all-locations']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(SECRET_PATTERN);
    return { oldSecret, newSecret, out: r.stdout + r.stderr };
  }

  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
    env = newCliEnv('cli-rotate-locations');
    expect(await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string)).toBe(
      'api',
    );
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('--all-locations replaces all three; a fourth copy makes finish refuse naming it; fixed, finish succeeds', async () => {
    mkdirSync(join(dir, 'svc', 'nested'), { recursive: true });
    const files = [
      join(dir, 'one.env'),
      join(dir, 'svc', 'two.env'),
      join(dir, 'svc', 'nested', '.env'),
    ];
    const { oldSecret, newSecret, out } = await deployedTo('prod', files);
    for (const f of files)
      expect(readFileSync(f, 'utf8')).toBe(`APEXVERIFY_API_KEY=${newSecret}\n`);
    for (const f of files) expect(out).toContain(`Updated ${f}`);
    const v = await cli(['rotate', 'verify', 'prod', '--accept-recent-use']);
    expect(v.code, v.stderr).toBe(0);

    const fourth = join(dir, 'fourth.env');
    expect((await cli(['key', 'env', 'prod', '--file', fourth])).code).toBe(0);
    const refused = await cli(['rotate', 'finish', 'prod', '--confirm', 'prod']);
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trim().split('\n');
    expect(lines).toHaveLength(2); // the refusal, then one line per file
    expect(lines[1]).toBe(`${fourth} (APEXVERIFY_API_KEY) still holds the old key`);
    expect(refused.stdout + refused.stderr).not.toMatch(SECRET_PATTERN);
    expect(await answers(sandbox, oldSecret)).toBe(200);
    expect(await step('prod')).toBe('revoke');

    writeFileSync(fourth, `APEXVERIFY_API_KEY=${newSecret}\n`);
    const done = await cli(['rotate', 'finish', 'prod', '--confirm', 'prod']);
    expect(done.code, done.stderr).toBe(0);
    expect(await answers(sandbox, oldSecret)).toBe(401);
    expect(await answers(sandbox, newSecret)).toBe(200);
  });

  it('finish --ignore-locations revokes anyway, warns, and the evidence records the check', async () => {
    const file = join(dir, 'ign.env');
    const extra = join(dir, 'ign-extra.env');
    await deployedTo('ign', [file]);
    expect((await cli(['key', 'env', 'ign', '--file', extra])).code).toBe(0);
    expect((await cli(['rotate', 'verify', 'ign', '--accept-recent-use'])).code).toBe(0);
    expect((await cli(['rotate', 'finish', 'ign', '--confirm', 'ign'])).code).toBe(1);
    const r = await cli(['rotate', 'finish', 'ign', '--confirm', 'ign', '--ignore-locations']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${extra} (APEXVERIFY_API_KEY) still held the old key`);
    const v = JSON.parse((await cli(['rotate', 'status', 'ign', '--json'])).stdout) as {
      evidence: { locationCheck?: unknown };
    };
    expect(v.evidence.locationCheck).toMatchObject({
      checked: 2,
      ignored: true,
      stillHeld: [{ path: extra, variable: 'APEXVERIFY_API_KEY' }],
    });
  });

  it('abort --revoke-new writes the old key back first: old 200, new 401, the summary names the file', async () => {
    const file = join(dir, 'shop.env');
    const { oldSecret, newSecret } = await deployedTo('shop', [file]);
    expect(readFileSync(file, 'utf8')).toBe(`APEXVERIFY_API_KEY=${newSecret}\n`);
    const r = await cli(['rotate', 'abort', 'shop', '--revoke-new']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${file}: the old key was written back.`);
    expect(r.stdout + r.stderr).not.toMatch(SECRET_PATTERN);
    expect(readFileSync(file, 'utf8')).toBe(`APEXVERIFY_API_KEY=${oldSecret}\n`);
    expect(await answers(sandbox, oldSecret)).toBe(200);
    expect(await answers(sandbox, newSecret)).toBe(401);
  });

  it('a file that cannot be restored keeps the new key unrevoked until confirmed again', async () => {
    const file = join(dir, 'locked.env');
    const { newSecret } = await deployedTo('locked', [file]);
    chmodSync(file, 0o400);
    const r = await cli(['rotate', 'abort', 'locked', '--revoke-new']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot be given the old key back, so the new key was kept/);
    expect(r.stderr).toContain(`${file}: not restored (`);
    expect(await answers(sandbox, newSecret)).toBe(200);
    expect(await step('locked')).toBe('verify');
    const again = await cli(['rotate', 'abort', 'locked', '--revoke-new', '--revoke-unrestored']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`${file}: NOT restored`);
    expect(await answers(sandbox, newSecret)).toBe(401);
  });

  it('abort --keep-new leaves the files as they are and says which hold the kept key', async () => {
    const file = join(dir, 'kept.env');
    const { newSecret } = await deployedTo('kept', [file]);
    const r = await cli(['rotate', 'abort', 'kept', '--keep-new']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${file} (APEXVERIFY_API_KEY) holds "kept-new".`);
    expect(readFileSync(file, 'utf8')).toBe(`APEXVERIFY_API_KEY=${newSecret}\n`);
  });

  it('keeps no secret in the store or the audit; backups are private files', async () => {
    expect(readFileSync(join(env.dataDir, 'apexkeys.json'), 'utf8')).not.toMatch(SECRET_PATTERN);
    expect(readFileSync(join(env.dataDir, 'audit.jsonl'), 'utf8')).not.toMatch(SECRET_PATTERN);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak')).length).toBeGreaterThan(0);
  });
});
