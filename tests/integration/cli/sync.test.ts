// apexkeys sync against the sandbox: keys changed on the server behind the app's back (created,
// disabled, deleted, renamed) are merged by the server-wins rules; a dashboard-mode account has
// nothing to sync; an unknown account changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApexClient } from '../../../electron/core/apexverify/index.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { snapshotDir } from '../../helpers/app.ts';
import {
  CLI_TEST_BUDGET_MS,
  addAccountCli,
  newCliEnv,
  runCli,
  type CliEnv,
} from '../../helpers/cli.ts';
import { hasTestKeyring, keyringSkipReason, secretToolAccounts } from '../../helpers/keyring.ts';

if (!hasTestKeyring) console.log(`cli-sync: ${keyringSkipReason}`);

interface KeyJson {
  id: string;
  label: string;
  status: string;
  custody: string;
  remoteId: string | null;
  environment: string;
  notes: string;
  revokedAt: string | null;
}

describe.skipIf(!hasTestKeyring)('apexkeys sync', { timeout: CLI_TEST_BUDGET_MS }, () => {
  let api: Sandbox;
  let dash: Sandbox;
  let env: CliEnv;
  const secrets: string[] = [];
  const remoteIds: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const json = <T>(s: string): T => JSON.parse(s) as T;
  const keys = async () =>
    json<KeyJson[]>((await runCli(env, ['key', 'list', '--all', '--json'])).stdout);
  const expectNoSecret = (text: string) => {
    for (const s of secrets) expect(text).not.toContain(s);
  };

  beforeAll(async () => {
    api = await startSandboxServer();
    dash = await startSandboxServer({ keyApi: false });
    secrets.push(api.bootstrapKey as string, dash.bootstrapKey as string);
    env = newCliEnv('cli-sync');
    expect(await addAccountCli(env, 'acme', api.url, `${api.bootstrapKey}\n`)).toBe('api');
    expect(await addAccountCli(env, 'dash', dash.url, `${dash.bootstrapKey}\n`)).toBe('dashboard');
    for (const label of ['to-disable', 'to-delete', 'to-rename']) {
      const r = await runCli(env, [
        'key',
        'generate',
        '--account',
        'acme',
        '--label',
        label,
        '--env',
        'staging',
        '--notes',
        'kept locally',
        '--json',
      ]);
      expect(r.code).toBe(0);
      remoteIds[label] = json<KeyJson>(r.stdout).remoteId as string;
      ids[label] = json<KeyJson>(r.stdout).id;
    }
  }, CLI_TEST_BUDGET_MS);
  afterAll(async () => {
    await api?.close();
    await dash?.close();
  });

  it('refuses an unknown account clearly and changes nothing', async () => {
    const before = snapshotDir(env.dataDir);
    const r = await runCli(env, ['sync', '--account', 'nope']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('There is no account named "nope"');
    expect(r.stdout).toBe('');
    expect(snapshotDir(env.dataDir)).toEqual(before);
  });

  it('says a dashboard-mode account has nothing to sync', async () => {
    const r = await runCli(env, ['sync', '--account', 'dash']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(
      'dash: dashboard mode has no list of keys to sync: nothing to sync.',
    );
    const j = await runCli(env, ['sync', '--account', 'dash', '--json']);
    expect(json<{ accounts: unknown[] }>(j.stdout).accounts).toEqual([
      { accountId: expect.any(String), name: 'dash', outcome: 'skipped', changes: [] },
    ]);
  });

  it('merges changes made on the server, with the --json shape', async () => {
    expect(secretToolAccounts(env.service)).toContain(ids['to-delete']);
    const created = api.issueKey('from-ci');
    secrets.push(created.key);
    expect(api.setEnabled(remoteIds['to-disable'] as string, false)).toBe(true);
    expect(api.revokeKey(remoteIds['to-delete'] as string)).toBe(true);
    const client = createApexClient({ baseUrl: api.url });
    await client.updateKey(api.bootstrapKey as string, remoteIds['to-rename'] as string, {
      label: 'renamed',
    });

    const r = await runCli(env, ['sync', '--json']);
    expect(r.code).toBe(0);
    expectNoSecret(r.stdout + r.stderr);
    const out = json<{ accounts: Array<Record<string, unknown>>; syncedAt: string }>(r.stdout);
    expect(Date.parse(out.syncedAt)).not.toBeNaN();
    expect(out.accounts).toEqual([
      {
        accountId: expect.any(String),
        name: 'acme',
        outcome: 'synced',
        changes: expect.arrayContaining([
          'New key "from-ci" found on the server: not on this device.',
          '"to-disable" was disabled on the server.',
          '"to-delete" was deleted on the server: marked revoked.',
          '"to-rename" was renamed "renamed" on the server.',
        ]),
      },
      { accountId: expect.any(String), name: 'dash', outcome: 'skipped', changes: [] },
    ]);
    expect(out.accounts[0]?.changes).toHaveLength(4);

    const byLabel = Object.fromEntries((await keys()).map((k) => [k.label, k]));
    expect(Object.keys(byLabel).sort()).toEqual(
      ['from-ci', 'renamed', 'to-delete', 'to-disable'].sort(),
    );
    expect(byLabel['from-ci']).toMatchObject({ custody: 'remote-only', remoteId: created.id });
    expect(byLabel['to-disable']).toMatchObject({ status: 'disabled', notes: 'kept locally' });
    expect(byLabel['to-delete']?.status).toBe('revoked');
    expect(byLabel['to-delete']?.revokedAt).toEqual(expect.any(String));
    // As a local revoke does: the dead key's secret leaves the keychain; the others stay.
    const stored = secretToolAccounts(env.service);
    expect(stored).not.toContain(ids['to-delete']);
    expect(stored).toEqual(expect.arrayContaining([ids['to-disable'], ids['to-rename']]));
    // The server wins for the label; the device keeps its own metadata.
    expect(byLabel.renamed).toMatchObject({ environment: 'staging', notes: 'kept locally' });

    const audit = await runCli(env, ['audit', '--json']);
    const synced = json<
      Array<{ action: string; outcome: string; detail: Record<string, unknown> }>
    >(audit.stdout).filter((e) => e.action === 'synced' && e.detail.added === 1);
    expect(synced).toHaveLength(1);
    expect(synced[0]).toMatchObject({
      outcome: 'ok',
      detail: { added: 1, disabled: 1, revoked: 1, renamed: 1, secretsRemoved: 1 },
    });
    expectNoSecret(audit.stdout);
  });

  it('prints one line per change, and says when nothing changed', async () => {
    const r = await runCli(env, ['sync', '--account', 'acme']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('acme: up to date, nothing changed.');
    expect(api.setEnabled(remoteIds['to-disable'] as string, true)).toBe(true);
    const again = await runCli(env, ['sync', '--account', 'acme']);
    expect(again.stdout.trim()).toBe('acme: "to-disable" was enabled on the server.');
  });

  it('refuses to hand out a key created elsewhere until it is captured', async () => {
    const r = await runCli(env, ['key', 'get', 'from-ci']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('"from-ci" was created elsewhere');
    expect(r.stderr).toContain('Capture it first by pasting its secret');
    expect(r.stdout).toBe('');
  });
});
