// The suite's lower scrypt work factor never reaches a real user's backup: only inside a
// throwaway test keyring, and never above age's default.
import { Decrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_LOG_N,
  encryptWithPassphrase,
  testScryptLogN,
} from '../../../electron/core/backup/passphrase-file.ts';

describe('the backup scrypt work factor', () => {
  it("is age's default unless a test keyring asks for less", () => {
    expect(DEFAULT_SCRYPT_LOG_N).toBe(18);
    expect(testScryptLogN({})).toBe(18);
    expect(testScryptLogN({ APEXKEYS_TEST_SCRYPT_LOG_N: '12' })).toBe(18);
    expect(testScryptLogN({ APEXKEYS_TEST_KEYRING: '1', APEXKEYS_TEST_SCRYPT_LOG_N: '12' })).toBe(
      12,
    );
    for (const bad of ['9', '19', '12.5', 'low', ''])
      expect(testScryptLogN({ APEXKEYS_TEST_KEYRING: '1', APEXKEYS_TEST_SCRYPT_LOG_N: bad })).toBe(
        18,
      );
  });

  it('writes the work factor into the file, where a decrypter reads it', async () => {
    const file = await encryptWithPassphrase('hello', 'a passphrase of words', 10);
    const header = Buffer.from(file.subarray(0, 200)).toString('latin1');
    expect(header).toMatch(/-> scrypt \S+ 10\n/);
    const d = new Decrypter();
    d.addPassphrase('a passphrase of words');
    expect(await d.decrypt(file, 'text')).toBe('hello');
  });
});
