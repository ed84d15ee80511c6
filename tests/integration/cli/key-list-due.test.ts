// apexkeys key list --due: the keys due for rotation for a cron job, by the window's own rule
// (shared/due.ts); exit 0 whether or not any are due; bad input is a usage error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/store/index.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import {
  addAccountCli,
  newCliEnv,
  runCli,
  SECRET_PATTERN,
  type CliEnv,
  type CliResult,
} from '../../helpers/cli.ts';
import { hasTestKeyring } from '../../helpers/keyring.ts';

const DAY = 24 * 3600 * 1000;

type DueJson = { label: string; rotationDueAt: string; overdue: boolean };

const noSecret = (r: CliResult) => {
  expect(`${r.stdout}${r.stderr}`).not.toMatch(SECRET_PATTERN);
};

describe.skipIf(!hasTestKeyring)('apexkeys key list --due', () => {
  let sandbox: Sandbox;
  let env: CliEnv;
  const due = async (args: string[] = []) => {
    const r = await runCli(env, ['key', 'list', '--due', '--json', ...args]);
    expect(r.code).toBe(0);
    noSecret(r);
    return JSON.parse(r.stdout) as DueJson[];
  };

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    env = newCliEnv('cli-due');
    await addAccountCli(env, 'acme', sandbox.url, sandbox.bootstrapKey as string);
    // soon: due in 7 days; later: in 60; late: production's 90 days, made 100 days ago; never:
    // staging has no rotation period.
    for (const [label, envName, days] of [
      ['soon', 'staging', '7'],
      ['later', 'staging', '60'],
      ['late', 'production', null],
      ['never', 'staging', null],
    ] as const) {
      const g = ['key', 'generate', '--account', 'acme', '--label', label, '--env', envName];
      expect((await runCli(env, g)).code).toBe(0);
      if (days)
        expect((await runCli(env, ['key', 'update', label, '--rotation-days', days])).code).toBe(0);
    }
    const store = await openStore({ dir: env.dataDir });
    await store.update((data) => {
      const k = data.keys.find((x) => x.label === 'late');
      if (!k) throw new Error('no key "late"');
      k.createdAt = new Date(Date.now() - 100 * DAY).toISOString();
    });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('lists the overdue and the soon-due keys, most urgent first, with overdue', async () => {
    const list = await due();
    expect(list.map((k) => [k.label, k.overdue])).toEqual([
      ['late', true],
      ['soon', false],
    ]);
    for (const k of list) expect(Date.parse(k.rotationDueAt)).not.toBeNaN();
  });

  it('--within widens or narrows the window; 0 leaves only the overdue', async () => {
    expect((await due(['--within', '90'])).map((k) => k.label)).toEqual(['late', 'soon', 'later']);
    expect((await due(['--within', '0'])).map((k) => k.label)).toEqual(['late']);
  });

  it('prints one line per due key, and says so when none are due (exit 0 both ways)', async () => {
    let r = await runCli(env, ['key', 'list', '--due']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^late \(acme, production\): overdue since \d{4}-\d\d-\d\d/);
    expect(lines[1]).toMatch(/^soon \(acme, staging\): due \d{4}-\d\d-\d\d/);
    noSecret(r);

    r = await runCli(env, ['key', 'list', '--due', '--account', 'acme', '--within', '0']);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);

    const empty = newCliEnv('cli-due-none');
    await addAccountCli(empty, 'acme', sandbox.url, sandbox.bootstrapKey as string);
    r = await runCli(empty, ['key', 'list', '--due']);
    expect(r).toMatchObject({ code: 0, stdout: 'No keys are due for rotation within 14 days.\n' });
    r = await runCli(empty, ['key', 'list', '--due', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it.each([['abc'], ['-1'], ['1.5'], ['99999'], ['']])(
    'refuses --within %j as a usage error (exit 2), with a clear line',
    async (days) => {
      const r = await runCli(env, ['key', 'list', '--due', '--within', days]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--within/);
      expect(r.stderr).toMatch(/whole number from 0 to 3650/);
    },
  );

  it('refuses --within without --due, and --due with --all', async () => {
    let r = await runCli(env, ['key', 'list', '--within', '7']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--within goes with --due/);
    r = await runCli(env, ['key', 'list', '--due', '--all']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/revoked key is never due/);
  });

  it('leaves the plain list as it was', async () => {
    const r = await runCli(env, ['key', 'list', '--json']);
    expect(r.code).toBe(0);
    const all = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(all).toHaveLength(4);
    expect(all.some((k) => 'overdue' in k)).toBe(false);
  });
});
