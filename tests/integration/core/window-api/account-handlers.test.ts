// The Accounts dialog's channels as the renderer calls them (through dispatch), over a real core
// and a sandbox over HTTP: add probes and verifies as `apexkeys account add` does, rename and
// remove follow the same rules, and every refusal names its field and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountVaultId } from '../../../../electron/core/accounts.ts';
import { snapshotDir, startAppRig, type AppRig } from '../../../helpers/app.ts';

describe('account handlers', () => {
  let rig: AppRig;
  const state = () => ({
    files: snapshotDir(rig.core.dataDir),
    vault: [...rig.core.vault.entries.entries()].sort(),
  });
  const expectClean = (value: unknown) => {
    const text = JSON.stringify(value);
    for (const s of rig.secrets()) expect(text).not.toContain(s);
  };

  beforeAll(async () => {
    rig = await startAppRig('app-accounts', { keys: ['ci', 'deploy'] });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('adds an account: probed, verified, its key in the keychain and never in the answer', async () => {
    const { key } = rig.sandbox.issueKey('second-account');
    const view = await rig.ok('addAccount', {
      name: 'second',
      baseUrl: rig.sandbox.url,
      secret: key,
    });
    expect(view).toMatchObject({ name: 'second', mode: 'api', isSandbox: true, keyCount: 0 });
    expect(rig.core.vault.entries.get(accountVaultId(view.id))).toBe(key);
    expectClean(view);
    const listed = await rig.ok('listAccounts', {});
    expect(listed.map((a) => a.name)).toEqual(['acme', 'second']);
    const events = (await rig.core.audit.list()).filter((e) => e.action === 'account-added');
    expect(events.at(-1)).toMatchObject({ accountId: view.id, label: 'second', outcome: 'ok' });
  });

  it('refuses a bad add with the field it concerns, storing nothing', async () => {
    const before = state();
    const base = { name: 'third', baseUrl: rig.sandbox.url, secret: 'y'.repeat(24) };
    const cases: Array<[Record<string, string>, string, string]> = [
      [{}, 'UNAUTHORIZED', 'secret'],
      [{ name: 'acme' }, 'DUPLICATE', 'name'],
      [{ name: 'no spaces' }, 'BAD_INPUT', 'name'],
      [{ baseUrl: 'http://api.example.com' }, 'BAD_INPUT', 'baseUrl'],
      [{ dashboardUrl: 'javascript:alert(1)' }, 'BAD_INPUT', 'dashboardUrl'],
      [{ secret: 'short' }, 'BAD_INPUT', 'secret'],
    ];
    for (const [change, code, field] of cases) {
      const e = await rig.fail('addAccount', { ...base, ...change });
      expect({ code: e.code, field: e.field }, JSON.stringify(change)).toEqual({ code, field });
      expect(e.message).not.toContain('y'.repeat(24));
      expectClean(e);
    }
    const e401 = await rig.fail('addAccount', base);
    expect(e401.message).toContain('rejected the account key (401)');
    expect(state()).toEqual(before);
  });

  it('renames: the view carries the new name and the same keys', async () => {
    const view = await rig.ok('renameAccount', { accountId: rig.accountId, name: 'acme-prod' });
    expect(view).toMatchObject({ id: rig.accountId, name: 'acme-prod', keyCount: 2 });
    const keys = await rig.ok('listKeys', { includeRevoked: true });
    expect(keys.every((k) => k.accountId === rig.accountId)).toBe(true);
    const events = (await rig.core.audit.list()).filter((e) => e.action === 'account-renamed');
    expect(events.at(-1)?.detail).toEqual({ from: 'acme', to: 'acme-prod' });
  });

  it('refuses a rename to a name in use or a bad one, or of an unknown account, beside the field', async () => {
    const before = state();
    const dup = await rig.fail('renameAccount', { accountId: rig.accountId, name: 'second' });
    expect(dup).toMatchObject({ code: 'DUPLICATE', field: 'name' });
    const bad = await rig.fail('renameAccount', { accountId: rig.accountId, name: '-x y' });
    expect(bad).toMatchObject({ code: 'BAD_INPUT', field: 'name' });
    const gone = await rig.fail('renameAccount', { accountId: 'acc_gone', name: 'fresh' });
    expect(gone).toMatchObject({
      code: 'UNKNOWN_ACCOUNT',
      message: expect.stringMatching(/account no longer exists/),
    });
    expect(state()).toEqual(before);
  });

  it('refuses a remove without the exact name, or of an unknown account: nothing changes', async () => {
    const before = state();
    const wrong = await rig.fail('removeAccount', {
      accountId: rig.accountId,
      confirmName: 'acme',
    });
    expect(wrong).toMatchObject({ code: 'CONFIRMATION_MISMATCH', field: 'confirmName' });
    expect(wrong.message).toContain('"acme-prod"');
    const gone = await rig.fail('removeAccount', { accountId: 'acc_gone', confirmName: 'x' });
    expect(gone.code).toBe('UNKNOWN_ACCOUNT');
    expect(state()).toEqual(before);
  });

  it('removes: its key and its keys’ secrets leave the keychain, its records the store', async () => {
    const [ci, deploy] = rig.keyIds as [string, string];
    const r = await rig.ok('removeAccount', { accountId: rig.accountId, confirmName: 'acme-prod' });
    expect(r).toEqual({ name: 'acme-prod', keysRemoved: 2, secretsRemoved: 3, secretsLeft: 0 });
    for (const id of [accountVaultId(rig.accountId), ci, deploy])
      expect(rig.core.vault.entries.has(id)).toBe(false);
    expect((await rig.ok('listAccounts', {})).map((a) => a.name)).toEqual(['second']);
    expect(await rig.ok('listKeys', { includeRevoked: true })).toEqual([]);
    // The audit trail of its keys is kept.
    expect((await rig.core.audit.list({ keyId: ci })).map((e) => e.action)).toContain('generated');
    expectClean(r);
    expectClean(await rig.core.audit.list());
  });

  it('keeps the built-in sandbox account', async () => {
    const { key } = rig.sandbox.issueKey('apexkeys-app-account');
    const view = await rig.ok('addAccount', {
      name: 'sandbox',
      baseUrl: rig.sandbox.url,
      secret: key,
    });
    const before = state();
    const e = await rig.fail('removeAccount', { accountId: view.id, confirmName: 'sandbox' });
    expect(e.code).toBe('REFUSED');
    expect(e.message).toContain('built-in sandbox');
    const renamed = await rig.fail('renameAccount', { accountId: view.id, name: 'mine' });
    expect(renamed.code).toBe('REFUSED');
    expect(state()).toEqual(before);
  });
});
