// Renaming and removing accounts in the core, over a real store and audit and a sandbox over
// HTTP: each refusal changes nothing, a remove takes the secrets, records and runs of the
// account and keeps its audit trail, and every error of add and rename names its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { removeAccount, renameAccount } from '../../../electron/core/account-admin.ts';
import { accountVaultId, addAccount } from '../../../electron/core/accounts.ts';
import { generateKey } from '../../../electron/core/keys.ts';
import { resolveKey } from '../../../electron/core/key-records.ts';
import { abortRotation, startRotation } from '../../../electron/core/rotation/index.ts';
import { startSandboxServer, type Sandbox } from '../../../electron/sandbox/server.ts';
import { snapshotDir } from '../../helpers/app.ts';
import { makeCore } from '../../helpers/core.ts';
import { apiWorld, type TestCore } from '../../helpers/rotation.ts';

/** The AppError a call must fail with. */
async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => new Error('succeeded where it must fail'),
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw e;
  return e;
}

/** Everything a refusal must leave alone: the data folder (store, audit) and the keychain. */
const state = (core: TestCore) => ({
  files: snapshotDir(core.dataDir),
  vault: [...core.vault.entries.entries()].sort(),
});

const expectNoSecretIn = (core: TestCore, text: string) => {
  for (const s of core.vault.entries.values()) expect(text).not.toContain(s);
};

describe('account rename and remove in the core', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandboxServer({ rpm: 100_000 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('renames: keys resolve under the new name, the audit records from and to', async () => {
    const w = await apiWorld(sandbox, 'admin-rename');
    const renamed = await renameAccount(w.core, { name: 'acme' }, 'acme-prod');
    expect(renamed.name).toBe('acme-prod');
    const data = await w.core.store.read();
    expect(resolveKey(data, { label: 'prod-api', account: 'acme-prod' }).key.id).toBe(w.old.id);
    // A key made after the rename, through the new name, lands on the same account.
    const more = await generateKey(w.core, {
      account: 'acme-prod',
      label: 'more',
      environment: 'staging',
    });
    expect(more.accountId).toBe(renamed.id);
    const events = (await w.core.audit.list()).filter((e) => e.action === 'account-renamed');
    expect(events).toEqual([
      expect.objectContaining({
        accountId: renamed.id,
        label: 'acme-prod',
        outcome: 'ok',
        detail: { from: 'acme', to: 'acme-prod' },
      }),
    ]);
    // Its own name again: nothing to do, nothing recorded.
    const before = state(w.core);
    expect((await renameAccount(w.core, { id: renamed.id }, 'acme-prod')).name).toBe('acme-prod');
    expect(state(w.core)).toEqual(before);
  });

  it('refuses a bad name, a name in use, an unknown account and the sandbox name: nothing changes', async () => {
    const w = await apiWorld(sandbox, 'admin-rename-bad');
    await addAccount(w.core, {
      name: 'other',
      baseUrl: sandbox.url,
      secret: sandbox.issueKey('other-account').key,
    });
    const before = state(w.core);
    const bad = await failure(renameAccount(w.core, { name: 'acme' }, 'has space'));
    expect(bad).toMatchObject({ code: 'BAD_INPUT', field: 'name' });
    const dup = await failure(renameAccount(w.core, { name: 'acme' }, 'other'));
    expect(dup).toMatchObject({ code: 'DUPLICATE', field: 'name' });
    expect(dup.message).toContain('"other" already exists');
    const unknown = await failure(renameAccount(w.core, { name: 'nope' }, 'fresh'));
    expect(unknown.code).toBe('UNKNOWN_ACCOUNT');
    expect(unknown.message).toContain('acme, other');
    const byId = await failure(renameAccount(w.core, { id: 'acc_gone' }, 'fresh'));
    expect(byId.code).toBe('UNKNOWN_ACCOUNT');
    const reserved = await failure(renameAccount(w.core, { name: 'acme' }, 'sandbox'));
    expect(reserved).toMatchObject({ code: 'BAD_INPUT', field: 'name' });
    expect(state(w.core)).toEqual(before);
  });

  it('keeps the built-in sandbox: it can be neither renamed nor removed', async () => {
    const core = await makeCore('admin-builtin');
    const key = sandbox.issueKey('apexkeys-app-account').key;
    await addAccount(core, { name: 'sandbox', baseUrl: sandbox.url, secret: key });
    const before = state(core);
    const rename = await failure(renameAccount(core, { name: 'sandbox' }, 'mine'));
    expect(rename.code).toBe('REFUSED');
    expect(rename.message).toContain('built-in sandbox');
    const remove = await failure(removeAccount(core, { name: 'sandbox' }, 'sandbox'));
    expect(remove.code).toBe('REFUSED');
    expect(remove.message).toContain('built-in sandbox');
    expect(state(core)).toEqual(before);
  });

  it('refuses to remove while a rotation of one of its keys is open, naming it; then removes', async () => {
    const w = await apiWorld(sandbox, 'admin-remove-run');
    const started = await startRotation(w.core, { label: 'prod-api' });
    const before = state(w.core);
    const open = await failure(removeAccount(w.core, { name: 'acme' }, 'acme'));
    expect(open).toMatchObject({ code: 'REFUSED', rule: 'key-in-rotation' });
    expect(open.message).toContain('"prod-api"');
    expect(open.message).toContain(started.runId);
    expect(state(w.core)).toEqual(before);

    // Closed runs do not stand in the way; the kept new key is one more of its keys.
    await abortRotation(w.core, { label: 'prod-api' }, { choice: 'keep-new' });
    const accountId = (await w.core.store.read()).accounts[0]?.id as string;
    const oldSecret = w.oldSecret;
    const r = await removeAccount(w.core, { name: 'acme' }, 'acme');
    expect(r).toEqual({ name: 'acme', keysRemoved: 2, secretsRemoved: 3, secretsLeft: 0 });
    expect([...w.core.vault.entries.keys()]).toEqual([]);
    const data = await w.core.store.read();
    expect(data.accounts).toEqual([]);
    expect(data.keys).toEqual([]);
    expect(data.rotations).toEqual([]);
    // The audit trail is kept: the keys' events are still there, and the removal is recorded.
    const oldEvents = (await w.core.audit.list({ keyId: w.old.id })).map((e) => e.action);
    expect(oldEvents).toEqual(expect.arrayContaining(['generated', 'rotation-step']));
    const removed = (await w.core.audit.list()).filter((e) => e.action === 'account-removed');
    expect(removed).toEqual([
      expect.objectContaining({
        accountId,
        label: 'acme',
        outcome: 'ok',
        detail: { keysRemoved: 2, secretsRemoved: 3, secretsLeft: 0 },
      }),
    ]);
    expectNoSecretIn(w.core, JSON.stringify(await w.core.audit.list()));
    expect(JSON.stringify(await w.core.audit.list())).not.toContain(oldSecret);
  });

  it('refuses a wrong confirmation, beside its field, and an unknown account: nothing changes', async () => {
    const w = await apiWorld(sandbox, 'admin-remove-bad');
    const before = state(w.core);
    const wrong = await failure(removeAccount(w.core, { name: 'acme' }, 'ACME'));
    expect(wrong).toMatchObject({ code: 'CONFIRMATION_MISMATCH', field: 'confirmName' });
    expect(wrong.message).toContain('expected "acme"');
    const unknown = await failure(removeAccount(w.core, { name: 'nope' }, 'nope'));
    expect(unknown.code).toBe('UNKNOWN_ACCOUNT');
    expect(state(w.core)).toEqual(before);
  });

  it('a keychain that refuses the deletes: the account goes, the entries stay, a notice counts them', async () => {
    const w = await apiWorld(sandbox, 'admin-remove-locked');
    const accountId = (await w.core.store.read()).accounts[0]?.id as string;
    w.core.vault.failing.add('delete');
    const r = await removeAccount(w.core, { name: 'acme' }, 'acme');
    expect(r).toEqual({ name: 'acme', keysRemoved: 1, secretsRemoved: 0, secretsLeft: 2 });
    expect([...w.core.vault.entries.keys()].sort()).toEqual(
      [accountVaultId(accountId), w.old.id].sort(),
    );
    expect((await w.core.store.read()).accounts).toEqual([]);
    const notice = w.core.store.notices.at(-1) as string;
    expect(notice).toContain('refused to delete 2 of its keychain entries');
    expect(notice).toContain(w.old.id);
    expectNoSecretIn(w.core, notice);
  });

  it('a store that cannot be written after the deletes says the records stay without their secrets', async () => {
    const w = await apiWorld(sandbox, 'admin-remove-busy');
    const store = Object.assign(Object.create(w.core.store) as TestCore['store'], {
      update: async () => {
        throw new AppError('STORE_BUSY', 'Another apexkeys process holds the store (test).');
      },
    });
    const e = await failure(removeAccount({ ...w.core, store }, { name: 'acme' }, 'acme'));
    expect(e.code).toBe('STORE_BUSY');
    expect(e.message).toContain('Deleted 2 keychain entries of account "acme"');
    expect(e.message).toContain('without those secrets');
    expect((await w.core.store.read()).accounts).toHaveLength(1);
  });

  it('add: every error names the field it concerns, and stores nothing', async () => {
    const core = await makeCore('admin-add-fields');
    const good = { name: 'acme', baseUrl: sandbox.url, secret: sandbox.bootstrapKey as string };
    await addAccount(core, good);
    const before = state(core);
    const cases: Array<[Partial<typeof good> & { dashboardUrl?: string }, string, string]> = [
      [{ name: 'bad name' }, 'BAD_INPUT', 'name'],
      [{ name: 'acme' }, 'DUPLICATE', 'name'],
      [{ name: 'b', baseUrl: 'http://example.com' }, 'BAD_INPUT', 'baseUrl'],
      [{ name: 'b', baseUrl: 'ftp://example.com' }, 'BAD_INPUT', 'baseUrl'],
      [{ name: 'b', dashboardUrl: 'not a url' }, 'BAD_INPUT', 'dashboardUrl'],
      [{ name: 'b', secret: 'short' }, 'BAD_INPUT', 'secret'],
      [{ name: 'b', secret: 'x'.repeat(24) }, 'UNAUTHORIZED', 'secret'],
      [{ name: 'b', baseUrl: 'http://127.0.0.1:9' }, 'NETWORK', 'baseUrl'],
    ];
    for (const [change, code, field] of cases) {
      const e = await failure(addAccount(core, { ...good, ...change }));
      expect({ code: e.code, field: e.field }, JSON.stringify(change)).toEqual({ code, field });
      expectNoSecretIn(core, e.message);
    }
    expect(state(core)).toEqual(before);
  });
});
