// syncAccounts and captureRemoteKey through dispatch, against the sandbox: a key created on the
// server arrives remote-only, refuses every hand-out, and is captured only with its own secret.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppRig, type AppRig } from '../../../helpers/app.ts';
import { fakeSecret } from '../../../helpers/cli.ts';

describe('sync handlers', () => {
  let rig: AppRig;
  let remoteOnlyId = '';
  let ciSecret = '';
  beforeAll(async () => {
    rig = await startAppRig('app-sync', { keys: ['web'] });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('syncs the account: nothing to change at first, the last sync time recorded', async () => {
    const r = await rig.ok('syncAccounts', {});
    expect(r.accounts).toEqual([
      { accountId: rig.accountId, name: 'acme', outcome: 'synced', changes: [] },
    ]);
    const [account] = await rig.ok('listAccounts', {});
    expect(account?.lastSyncAt).toEqual(expect.any(String));
  });

  it('knows the account key by the id proven when the account was added: no proof per sync', async () => {
    const { accounts } = await rig.core.store.read();
    const listed = await fetch(`${rig.sandbox.url}/v1/api-keys`, {
      headers: { 'X-Api-Key': rig.sandbox.bootstrapKey as string },
    }).then((r) => r.json() as Promise<{ api_keys: Array<{ id: string; label: string }> }>);
    const own = listed.api_keys.find((k) => k.label === 'default');
    expect(accounts[0]?.keyRemoteId).toBe(own?.id);
    // One list per sync: the proof (two more lists at least) is not made again.
    const lists = () => rig.sandbox.stats.byPath['/v1/api-keys'] ?? 0;
    const before = lists();
    const r = await rig.ok('syncAccounts', {});
    expect(r.accounts[0]?.changes).toEqual([]);
    expect(lists() - before).toBe(1);
  });

  it('adds a key created on the server as not on this device', async () => {
    const created = rig.sandbox.issueKey('from-ci');
    ciSecret = created.key;
    const r = await rig.ok('syncAccounts', { accountId: rig.accountId });
    expect(r.accounts[0]?.changes).toEqual([
      'New key "from-ci" found on the server: not on this device.',
    ]);
    const key = (await rig.ok('listKeys', {})).find((k) => k.label === 'from-ci');
    expect(key).toMatchObject({ custody: 'remote-only', remoteId: created.id, fingerprint: '' });
    remoteOnlyId = key?.id as string;
  });

  it('refuses every action that needs the secret, saying to capture it', async () => {
    const id = remoteOnlyId;
    for (const [channel, input] of [
      ['copyKey', { id }],
      ['revealKey', { id }],
      ['verifyKey', { id }],
    ] as const) {
      const e = await rig.fail(channel, input);
      expect(e.code, channel).toBe('REFUSED');
      expect(e.message).toContain('Capture it first by pasting its secret');
    }
  });

  it('refuses an unknown account', async () => {
    const e = await rig.fail('syncAccounts', { accountId: 'acc_nope' });
    expect(e.code).toBe('UNKNOWN_ACCOUNT');
  });

  it('refuses a secret the server rejects, and one of another key, storing nothing', async () => {
    const rejected = await rig.fail('captureRemoteKey', { id: remoteOnlyId, secret: fakeSecret() });
    expect(rejected.code).toBe('UNAUTHORIZED');
    const other = rig.sandbox.issueKey('other');
    const wrong = await rig.fail('captureRemoteKey', { id: remoteOnlyId, secret: other.key });
    expect(wrong.code).toBe('REFUSED');
    expect(wrong.message).toContain('belongs to another key on the server ("other")');
    expect(wrong.message).not.toContain(other.key);
    expect(rig.core.vault.entries.has(remoteOnlyId)).toBe(false);
  });

  it('captures the key with its own secret: linked, in the keychain, handed out', async () => {
    const view = await rig.ok('captureRemoteKey', { id: remoteOnlyId, secret: ciSecret });
    expect(view).toMatchObject({ id: remoteOnlyId, custody: 'local', label: 'from-ci' });
    expect(view.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(view)).not.toContain(ciSecret);
    expect(rig.core.vault.entries.get(remoteOnlyId)).toBe(ciSecret);
    expect(await rig.ok('revealKey', { id: remoteOnlyId })).toEqual({ secret: ciSecret });
    const again = await rig.fail('captureRemoteKey', { id: remoteOnlyId, secret: ciSecret });
    expect(again.code).toBe('REFUSED');
  });

  it('an import of a key sync found adopts its record instead of making a second one', async () => {
    const issued = rig.sandbox.issueKey('pasted-later');
    await rig.ok('syncAccounts', {});
    const found = (await rig.ok('listKeys', {})).find((k) => k.label === 'pasted-later');
    expect(found?.custody).toBe('remote-only');
    const view = await rig.ok('captureKey', {
      accountId: rig.accountId,
      label: 'pasted-later',
      environment: 'production',
      secret: issued.key,
    });
    expect(view).toMatchObject({
      id: found?.id,
      custody: 'local',
      environment: 'production',
      remoteId: issued.id,
    });
    const all = (await rig.ok('listKeys', {})).filter((k) => k.label === 'pasted-later');
    expect(all).toHaveLength(1);
  });

  it("leaves out another account's key on the same server", async () => {
    const issued = rig.sandbox.issueKey('second-account-key');
    await rig.ok('addAccount', { name: 'second', baseUrl: rig.sandbox.url, secret: issued.key });
    const r = await rig.ok('syncAccounts', { accountId: rig.accountId });
    expect(r.accounts[0]?.changes).toEqual([]);
    const labels = (await rig.ok('listKeys', {})).map((k) => k.label);
    expect(labels).not.toContain('second-account-key');
  });

  it('writes one synced event per sync, never a secret', async () => {
    const events = await rig.core.audit.list();
    expect(
      events.filter((e) => e.action === 'synced' && e.accountId === rig.accountId),
    ).toHaveLength(5);
    const text = readFileSync(rig.core.audit.path, 'utf8');
    for (const s of rig.secrets()) expect(text).not.toContain(s);
  });
});
