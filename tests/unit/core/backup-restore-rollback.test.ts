// A restore whose write fails part-way leaves nothing behind (electron/core/backup/restore.ts):
// the keychain refusing a secret leaves the store as it was, and a store update that fails after
// the secrets were stored removes them again. In-process: a memory keychain and a temp store.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../../electron/core/backup/write.ts';
import { restoreBackup } from '../../../electron/core/backup/restore.ts';
import { fingerprint } from '../../../electron/core/fingerprint.ts';
import { AppError } from '../../../shared/errors.ts';
import { maskedHint } from '../../../shared/input-rules.ts';
import { snapshotDir } from '../../helpers/app.ts';
import { fakeSecret } from '../../helpers/cli.ts';
import { makeCore } from '../../helpers/core.ts';
import { sampleAccount } from '../../helpers/records.ts';
import { makeTempDir } from '../../helpers/tmp.ts';
import { join } from 'node:path';
import { sampleKey } from '../../helpers/records.ts';

const PASS = 'rollback test passphrase';

async function sourceWithBackup() {
  const core = await makeCore('backup-rollback-src');
  const accountKey = fakeSecret();
  const keySecret = fakeSecret();
  const account = {
    ...sampleAccount('acc_1'),
    name: 'acme',
    keyFingerprint: fingerprint(accountKey),
  };
  await core.vault.set('account:acc_1', accountKey);
  await core.vault.set('key_1', keySecret);
  await core.store.update((d) => {
    d.accounts.push(account);
    d.keys.push(sampleKey({ fingerprint: fingerprint(keySecret), hint: maskedHint(keySecret) }));
  });
  const file = join(makeTempDir('backup-rollback-file'), 'b.age');
  // 2^12: fast; the age interop tests keep the default work factor.
  const result = await writeBackup(core, { file, passphrase: PASS, scryptLogN: 12 });
  expect(result).toMatchObject({ accounts: 1, keys: 1, secrets: 2, missing: [] });
  return file;
}

describe('a restore that fails part-way', () => {
  let file = '';
  beforeAll(async () => {
    file = await sourceWithBackup();
  });

  it('leaves the store as it was when the keychain refuses a secret', async () => {
    const core = await makeCore('backup-rollback-vault');
    const before = snapshotDir(core.dataDir);
    core.vault.failing.add('set');
    await expect(restoreBackup(core, { file, passphrase: PASS })).rejects.toMatchObject({
      code: 'KEYCHAIN_DENIED',
    });
    expect(snapshotDir(core.dataDir)).toEqual(before);
    expect(core.vault.entries.size).toBe(0);
  });

  it('removes the secrets it stored when the store update fails', async () => {
    const core = await makeCore('backup-rollback-store');
    const before = snapshotDir(core.dataDir);
    const real = core.store;
    const failing: typeof real = {
      path: real.path,
      notices: real.notices,
      notify: (m) => real.notify(m),
      read: () => real.read(),
      update: (mutate) =>
        real.update(async (d) => {
          await mutate(d);
          throw new AppError('STORE_IO', 'The disk is full (test).');
        }),
    };
    await expect(
      restoreBackup({ ...core, store: failing }, { file, passphrase: PASS }),
    ).rejects.toMatchObject({ code: 'STORE_IO' });
    expect(core.vault.entries.size).toBe(0);
    expect(snapshotDir(core.dataDir)).toEqual(before);
  });
});
