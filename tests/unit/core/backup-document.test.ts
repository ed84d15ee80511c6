// The backup document's checks (electron/core/backup/document.ts) and the decrypt's wording for
// files that are not passphrase backups: a restore refuses before anything is written, and its
// message names the field, never the value there (which may be a secret).
import { Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { emptyStoreData } from '../../../shared/schemas.ts';
import {
  BACKUP_FORMAT,
  parseBackupDocument,
  type BackupDocument,
} from '../../../electron/core/backup/document.ts';
import { decryptWithPassphrase } from '../../../electron/core/backup/passphrase-file.ts';
import { fingerprint } from '../../../electron/core/fingerprint.ts';
import { sampleAccount } from '../../helpers/records.ts';
import { sampleKey } from '../../helpers/records.ts';

const SECRET = `test_${'Q'.repeat(30)}`;

function doc(): BackupDocument {
  const account = { ...sampleAccount('acc_1'), name: 'acme', keyFingerprint: fingerprint(SECRET) };
  return {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    accounts: [account],
    keys: [],
    rotations: [],
    settings: emptyStoreData().settings,
    secrets: { accountKeys: { acc_1: SECRET }, keys: {} },
  };
}

const refusal = (text: string): string => {
  try {
    parseBackupDocument(text);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).not.toContain(SECRET);
    return (e as AppError).message;
  }
  throw new Error('the document was accepted');
};

describe('backup document', () => {
  it('accepts a document of the documented shape', () => {
    expect(parseBackupDocument(JSON.stringify(doc())).accounts).toHaveLength(1);
  });

  it('refuses what is not a backup, or one from a newer app', () => {
    expect(refusal('{"not json')).toMatch(/not JSON/);
    expect(refusal(JSON.stringify({ ...doc(), format: 'apexkeys-share' }))).toMatch(/"format"/);
    expect(refusal(JSON.stringify({ ...doc(), version: 2 }))).toMatch(/newer version/);
  });

  it('names the wrong field, never its value', () => {
    const d = doc() as unknown as { accounts: Array<Record<string, unknown>> };
    (d.accounts[0] as Record<string, unknown>).keyFingerprint = 42;
    expect(refusal(JSON.stringify(d))).toMatch(/"accounts\.0\.keyFingerprint"/);
  });

  it('refuses a secret that does not open its record, or belongs to none', () => {
    const wrong = doc();
    wrong.secrets.accountKeys.acc_1 = `${SECRET}x`;
    expect(refusal(JSON.stringify(wrong))).toMatch(/does not match its fingerprint/);
    const stray = doc();
    stray.secrets.keys.key_gone = SECRET;
    expect(refusal(JSON.stringify(stray))).toMatch(/belongs to no key/);
  });

  it('refuses a key whose account is not in the backup', () => {
    const d = doc();
    d.keys.push({
      ...emptyKey(),
      accountId: 'acc_missing',
    });
    expect(refusal(JSON.stringify(d))).toMatch(/names an account it lacks/);
  });
});

const emptyKey = (): BackupDocument['keys'][number] => sampleKey();

describe('decrypting a backup file', () => {
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('decrypted');
      },
      (e: unknown) => (e as Error).message,
    );

  it('says when a file is not age at all', async () => {
    const msg = await failure(decryptWithPassphrase(new TextEncoder().encode('{}'), 'pass'));
    expect(msg).toMatch(/not an age-encrypted file/);
  });

  it('says when an age file is encrypted to recipients (a share), not with a passphrase', async () => {
    const e = new Encrypter();
    e.addRecipient(await identityToRecipient(await generateIdentity()));
    const msg = await failure(decryptWithPassphrase(await e.encrypt('{}'), 'pass phrase 123'));
    expect(msg).toMatch(/encrypted to recipients, not with a passphrase/);
  });
});
