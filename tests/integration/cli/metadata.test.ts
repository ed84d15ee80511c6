// Local metadata and settings: key update, settings show/set, and how they shape the due date
// and verify --all's pacing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { addAccountCli, newCliEnv, runCli, type CliEnv } from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';

const DAY = 24 * 3600 * 1000;

describe.skipIf(!hasTestKeyring)('key metadata and settings', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  const view = async (label: string) =>
    (
      JSON.parse((await runCli(env, ['key', 'list', '--json'])).stdout) as Array<
        Record<string, unknown>
      >
    ).find((k) => k.label === label) as Record<string, unknown>;
  const dueDays = (k: Record<string, unknown>) =>
    (Date.parse(k.rotationDueAt as string) - Date.parse(k.createdAt as string)) / DAY;

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    env = newCliEnv('cli-meta');
    await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string);
    expect(
      (
        await runCli(env, [
          'key',
          'generate',
          '--account',
          'acme',
          '--label',
          'svc',
          '--env',
          'staging',
        ])
      ).code,
    ).toBe(0);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('shows the default settings', async () => {
    const r = await runCli(env, ['settings', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      rateShare: 0.5,
      clipboardClearSec: 30,
      rotationDays: { production: 90 },
    });
    expect((await runCli(env, ['settings'])).stdout).toMatch(/rate share \(verify --all\): 0\.5/);
  });

  it("updates metadata; a per-key period overrides the environment's", async () => {
    expect(await view('svc')).toMatchObject({ environment: 'staging', rotationDueAt: null });
    let r = await runCli(env, [
      'key',
      'update',
      'svc',
      '--env',
      'production',
      '--service',
      'billing',
      '--owner',
      'ana',
      '--notes',
      'rotated by ops',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      environment: 'production',
      service: 'billing',
      owner: 'ana',
      notes: 'rotated by ops',
    });
    expect(dueDays(await view('svc'))).toBe(90);
    r = await runCli(env, ['key', 'update', 'svc', '--rotation-days', '30']);
    expect(r.code).toBe(0);
    expect(dueDays(await view('svc'))).toBe(30);
    r = await runCli(env, ['key', 'update', 'svc', '--rotation-days', 'default']);
    expect(dueDays(await view('svc'))).toBe(90);
  });

  it("changes an environment's rotation period and the rate share through settings", async () => {
    let r = await runCli(env, [
      'settings',
      'set',
      '--rotation-days',
      'production=60',
      '--rotation-days',
      'staging=120',
      '--rate-share',
      '0.25',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      rateShare: 0.25,
      rotationDays: { production: 60, staging: 120 },
    });
    expect(dueDays(await view('svc'))).toBe(60);
    // Production keys always rotate: "never" is refused there, and the period stays.
    r = await runCli(env, ['settings', 'set', '--rotation-days', 'production=none']);
    expect(r.code).toBe(2);
    expect(dueDays(await view('svc'))).toBe(60);
  });

  it('refuses bad metadata and bad settings, changing nothing', async () => {
    const before = await runCli(env, ['key', 'list', '--json']);
    expect((await runCli(env, ['key', 'update', 'svc', '--env', 'two words'])).code).toBe(2);
    expect((await runCli(env, ['key', 'update', 'svc', '--rotation-days', '0'])).code).toBe(2);
    expect((await runCli(env, ['key', 'update', 'svc'])).code).toBe(2);
    expect((await runCli(env, ['settings', 'set', '--rate-share', '0'])).code).toBe(2);
    expect((await runCli(env, ['settings', 'set', '--rotation-days', 'production'])).code).toBe(2);
    expect((await runCli(env, ['settings', 'set'])).code).toBe(2);
    expect((await runCli(env, ['key', 'list', '--json'])).stdout).toBe(before.stdout);
  });

  it('records metadata changes in the audit trail', async () => {
    const events = JSON.parse(
      (await runCli(env, ['audit', '--key', 'svc', '--json'])).stdout,
    ) as Array<{ action: string }>;
    expect(events.filter((e) => e.action === 'updated').length).toBeGreaterThanOrEqual(3);
  });
});
