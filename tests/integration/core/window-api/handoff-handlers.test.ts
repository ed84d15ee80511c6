// The window's hand-off channels through dispatch, over two real cores and sandboxes: the
// recipient (made once, then the same), a hand-over share to the other installation (this
// keychain's copy gone, the record held), a receive there into an account named by id, the
// "no account with that base URL" refusal at the account field, and relative paths refused at the
// file field with nothing written. No result carries a secret.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_VAULT_ID } from '../../../../electron/core/handoff/identity.ts';
import { startAppRig, type AppRig } from '../../../helpers/app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

describe('getIdentity, shareKey and receiveKey in the window', () => {
  let lead: AppRig;
  let john: AppRig;
  beforeAll(async () => {
    [lead, john] = await Promise.all([
      startAppRig('app-handoff-lead', { keys: ['dev-john'] }),
      startAppRig('app-handoff-john'),
    ]);
  });
  afterAll(async () => {
    await Promise.all([lead?.close(), john?.close()]);
  });
  const secrets = () => [...lead.secrets(), ...john.secrets()];
  const clean = (v: unknown) => {
    for (const s of secrets()) expect(JSON.stringify(v)).not.toContain(s);
  };

  it('hands a key over to the other installation, which receives it into the account named', async () => {
    const { recipient } = (await john.ok('getIdentity', {})) as { recipient: string };
    expect(recipient).toMatch(/^age1/);
    expect(await john.ok('getIdentity', {})).toEqual({ recipient });
    expect(john.core.vault.entries.has(IDENTITY_VAULT_ID)).toBe(true);

    const id = lead.keyIds[0] as string;
    const secret = lead.core.vault.entries.get(id) as string;
    const file = join(makeTempDir('app-handoff'), 'dev-john.age');
    const shared = await lead.ok('shareKey', {
      id,
      recipients: [recipient],
      path: file,
      handover: true,
      owner: 'John',
    });
    expect(shared).toMatchObject({ file, recipients: [recipient], heldBy: 'John' });
    expect(shared).toMatchObject({ key: { custody: 'held', heldBy: 'John' } });
    expect(lead.core.vault.entries.has(id)).toBe(false);
    clean(shared);

    // John's account is on another server: found by base URL there is none, said at the field.
    const none = await john.fail('receiveKey', { path: file, verify: false });
    expect(none).toMatchObject({ code: 'UNKNOWN_ACCOUNT', field: 'account' });
    const accountId = (await john.core.store.read()).accounts[0]?.id as string;
    const got = await john.ok('receiveKey', {
      path: file,
      accountId,
      label: 'from-lead',
      verify: false,
    });
    expect(got).toMatchObject({ label: 'from-lead', custody: 'local' });
    expect([...john.core.vault.entries.values()]).toContain(secret);
    clean(got);
  });

  it('refuses relative paths at the file field, writing nothing', async () => {
    const id = lead.keyIds[0] as string;
    const { recipient } = (await john.ok('getIdentity', {})) as { recipient: string };
    const share = await lead.fail('shareKey', {
      id,
      recipients: [recipient],
      path: 'dev-john.age',
      handover: false,
    });
    expect(share).toMatchObject({ code: 'BAD_INPUT', field: 'file' });
    expect(share.message).toContain('not a relative one ("dev-john.age")');
    expect(existsSync('dev-john.age')).toBe(false);
    const receive = await john.fail('receiveKey', { path: 'dev-john.age', verify: true });
    expect(receive).toMatchObject({ code: 'BAD_INPUT', field: 'file' });
  });
});
