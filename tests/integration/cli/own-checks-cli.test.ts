// Issue 12 item 5 through the CLI (child processes, the real keyring, the sandbox over HTTP):
// `key verify` moves the key's server last use; `key list` says it was only this app's check, and
// a rotation started afterwards confirms its verify step without the recent-use warning. A
// request the test makes with the key itself, outside the app, reads as use again.
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

if (!hasTestKeyring) console.log(`cli-own-checks: ${keyringSkipReason}`);

type ListedKey = { label: string; lastUsedAt: string | null; lastUsedByApp: boolean };

describe.skipIf(!hasTestKeyring)("apexkeys: the app's own checks are not use", () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  // The server's clock, moved on to stand for time passing (the CLI's own clock is the real one).
  let ahead = 0;
  const cli = async (args: string[]) => {
    const r = await runCli(env, args);
    expect(r.code, r.stderr).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(SECRET_PATTERN);
    return r;
  };
  const listed = async (label: string) =>
    (JSON.parse((await cli(['key', 'list', '--json'])).stdout) as ListedKey[]).find(
      (k) => k.label === label,
    );

  beforeAll(async () => {
    sandbox = await startSandboxServer({ now: () => Date.now() + ahead });
    env = newCliEnv('cli-own-checks');
    await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string);
    for (const label of ['prod-api', 'prod-web'])
      await cli(['key', 'generate', '--account', 'acme', '--label', label, '--env', 'production']);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it("key verify, then key list: Last used is only this app's check", async () => {
    await cli(['key', 'verify', 'prod-api']);
    expect(await listed('prod-api')).toMatchObject({
      lastUsedAt: expect.any(String),
      lastUsedByApp: true,
    });
    const table = (await cli(['key', 'list'])).stdout;
    expect(table.split('\n').find((l) => l.startsWith('prod-api'))).toMatch(
      /only this app's check, \d{4}-\d\d-\d\d \d\d:\d\d/,
    );
  });

  it('a rotation after the verify confirms its verify step with no recent-use warning', async () => {
    await cli(['rotate', 'start', 'prod-api']);
    await cli(['rotate', 'deployed', 'prod-api']);
    const r = await cli(['rotate', 'verify', 'prod-api', '--json']);
    const v = JSON.parse(r.stdout) as {
      step: string;
      evidence: { verify: { recentUse: boolean; lastUsed: { oldByApp: boolean } } };
    };
    expect(v.step).toBe('revoke');
    expect(v.evidence.verify).toMatchObject({ recentUse: false, lastUsed: { oldByApp: true } });
    const text = (await cli(['rotate', 'status', 'prod-api'])).stdout;
    expect(text).toMatch(/last used \(server\): old \S+ \(only this app's check\)/);
  });

  it('a request made with the key outside the app is use: key list and the warning say so', async () => {
    await cli(['key', 'verify', 'prod-web']);
    expect((await listed('prod-web'))?.lastUsedByApp).toBe(true);
    ahead += 60_000; // a minute later, production traffic on the key
    const secret = (await runCli(env, ['key', 'get', 'prod-web'], { allowSecret: true })).stdout;
    expect(await answers(sandbox, secret.trim())).toBe(200);
    await cli(['sync']);
    expect((await listed('prod-web'))?.lastUsedByApp).toBe(false);
    await cli(['rotate', 'start', 'prod-web']);
    await cli(['rotate', 'deployed', 'prod-web']);
    const r = await runCli(env, ['rotate', 'verify', 'prod-web']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The old key "prod-web" was used .* before the check/);
  });
});
