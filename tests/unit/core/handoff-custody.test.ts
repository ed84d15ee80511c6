// Hand-over's order and the identity's safety, in-process with a keychain that can be made to fail
// (tests/helpers/core.ts): a keychain that refuses to remove the secret means no hand-over is
// claimed (the file is written, the key stays local); a held key gives out no secret; removing an
// account deletes its keys' entries but never this installation's identity.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors.ts';
import type { Account, KeyRecord } from '../../../shared/schemas.ts';
import { removeAccount } from '../../../electron/core/account-admin.ts';
import { ensureIdentity, IDENTITY_VAULT_ID } from '../../../electron/core/handoff/identity.ts';
import { shareKey } from '../../../electron/core/handoff/share.ts';
import { revealKey } from '../../../electron/core/key-handout.ts';
import { newRecord } from '../../../electron/core/keys.ts';
import { fakeSecret } from '../../helpers/cli.ts';
import { makeCore } from '../../helpers/core.ts';
import { sampleAccount } from '../../helpers/records.ts';

describe('hand-over custody', () => {
  let core: Awaited<ReturnType<typeof makeCore>>;
  let account: Account;
  let key: KeyRecord;
  let recipient: string;
  const secret = fakeSecret();

  beforeEach(async () => {
    core = await makeCore('handoff-custody');
    account = sampleAccount('acc_1');
    key = newRecord(core, account, { label: 'dev-john', environment: 'development' }, secret, null);
    await core.store.update((d) => {
      d.accounts.push(account);
      d.keys.push(key);
    });
    await core.vault.set(key.id, secret);
    recipient = (await ensureIdentity(core.vault)).recipient;
  });

  const share = (file: string, owner?: string) =>
    shareKey(core, {
      ref: { label: 'dev-john' },
      recipients: [recipient],
      file: join(core.dataDir, file),
      handover: true,
      ...(owner ? { owner } : {}),
    });
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e as AppError,
    );

  it('needs an owner, and writes nothing without one', async () => {
    const e = await failure(share('no-owner.age'));
    expect(e?.message).toContain('name who holds it now');
    expect(existsSync(join(core.dataDir, 'no-owner.age'))).toBe(false);
  });

  it('claims no hand-over when the keychain keeps the secret', async () => {
    core.vault.failing.add('delete');
    const e = await failure(share('kept.age', 'John'));
    expect(e?.message).toContain('It was NOT handed over: the key is still yours on this device.');
    expect(e?.message).not.toContain(secret);
    expect(existsSync(join(core.dataDir, 'kept.age'))).toBe(true);
    expect((await core.store.read()).keys[0]).toMatchObject({ custody: 'local' });
    expect(core.vault.entries.get(key.id)).toBe(secret);
    const [event] = await core.audit.list();
    expect(event).toMatchObject({ action: 'shared', detail: { handover: false } });
  });

  it('hands over: the secret goes, the record is held and refuses to give it out', async () => {
    const r = await share('given.age', 'John');
    expect(r.heldBy).toBe('John');
    expect(r.key).toMatchObject({ custody: 'held', heldBy: 'John' });
    expect(core.vault.entries.has(key.id)).toBe(false);
    const e = await failure(revealKey(core, { label: 'dev-john' }, 'test'));
    expect(e?.message).toBe('"dev-john" is held by John; this device has no copy of its secret.');
    expect(JSON.stringify(await core.audit.list())).not.toContain(secret);
  });

  it("removing an account deletes its keys' secrets, never the identity", async () => {
    await removeAccount(core, { name: account.name }, account.name);
    expect(core.vault.entries.has(key.id)).toBe(false);
    expect(core.vault.entries.has(IDENTITY_VAULT_ID)).toBe(true);
    expect((await ensureIdentity(core.vault)).recipient).toBe(recipient);
  });
});
