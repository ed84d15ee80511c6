// A backup's encryption: one age file with age's scrypt (passphrase) recipient, through
// age-encryption (the TypeScript implementation by age's authors), so `age -d` opens it. Decrypt
// failures are worded by what went wrong: the wrong passphrase, a damaged or truncated file, a
// file that is not age at all, or one encrypted to recipients (a share file) instead.
import { armor, Decrypter, Encrypter } from 'age-encryption';
import { AppError } from '../../../shared/errors.ts';

export const MIN_PASSPHRASE_CHARS = 12;
const MAX_PASSPHRASE_CHARS = 1024;

const AGE_MAGIC = 'age-encryption.org/v1\n';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/** Why this passphrase may not protect a new backup, or null. Never echoes it. */
export function passphraseProblem(passphrase: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_CHARS)
    return `The passphrase is ${passphrase.length} characters long; a backup needs at least ${MIN_PASSPHRASE_CHARS} (several random words are easy to type and hard to guess).`;
  if (passphrase.length > MAX_PASSPHRASE_CHARS)
    return `The passphrase is longer than ${MAX_PASSPHRASE_CHARS} characters.`;
  return null;
}

/** age's own default scrypt work factor (2^18): what every backup a user makes is hashed with. */
export const DEFAULT_SCRYPT_LOG_N = 18;

/**
 * `logN` below the default exists for the test suite only (APEXKEYS_TEST_SCRYPT_LOG_N, honoured
 * by the CLI inside a throwaway test keyring): each hash at 2^18 costs seconds of pure-JS scrypt,
 * and the suite makes dozens. The interop tests keep the default.
 */
export async function encryptWithPassphrase(
  text: string,
  passphrase: string,
  logN = DEFAULT_SCRYPT_LOG_N,
): Promise<Uint8Array> {
  const e = new Encrypter();
  e.setPassphrase(passphrase);
  e.setScryptWorkFactor(logN);
  return e.encrypt(text);
}

/**
 * The test suite's lower work factor: only inside a throwaway test keyring
 * (scripts/with-keyring.sh sets APEXKEYS_TEST_KEYRING=1), only between 10 and the default, so no
 * real user's backup is ever hashed more weakly than age's default.
 */
export function testScryptLogN(env: NodeJS.ProcessEnv): number {
  const n = Number(env.APEXKEYS_TEST_SCRYPT_LOG_N);
  return env.APEXKEYS_TEST_KEYRING === '1' &&
    Number.isInteger(n) &&
    n >= 10 &&
    n < DEFAULT_SCRYPT_LOG_N
    ? n
    : DEFAULT_SCRYPT_LOG_N;
}

const damaged = () =>
  new AppError(
    'BAD_INPUT',
    'The backup file is damaged or truncated: it does not decrypt to what was written. Nothing was changed.',
    { field: 'file' },
  );

/** The header lines (up to the MAC line), to tell a passphrase file from a recipients one. */
function headerOf(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const end = text.indexOf('\n---');
  return end === -1 ? text : text.slice(0, end);
}

/** An armored file (`age -a`) as the binary file age decrypts. */
function dearmor(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('utf8');
  if (!text.trimStart().startsWith(ARMOR_BEGIN)) return bytes;
  try {
    return armor.decode(text);
  } catch {
    throw damaged();
  }
}

/** The plaintext of a passphrase-encrypted age file; AppError BAD_INPUT with clear words. */
export async function decryptWithPassphrase(file: Uint8Array, passphrase: string): Promise<string> {
  const bytes = dearmor(file);
  if (!Buffer.from(bytes.subarray(0, AGE_MAGIC.length)).equals(Buffer.from(AGE_MAGIC)))
    throw new AppError(
      'BAD_INPUT',
      'This is not an age-encrypted file (or its first line was damaged), so it is not a backup this app wrote. Nothing was changed.',
      { field: 'file' },
    );
  const header = headerOf(bytes);
  if (header.includes('\n-> ') && !header.includes('\n-> scrypt '))
    throw new AppError(
      'BAD_INPUT',
      'This age file is encrypted to recipients, not with a passphrase: it is not a backup (a key shared with you is opened with "key receive"). Nothing was changed.',
      { field: 'file' },
    );
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  try {
    return await d.decrypt(bytes, 'text');
  } catch (e) {
    const why = e instanceof Error ? e.message : '';
    // The library's words: a scrypt stanza the passphrase does not open. A changed salt in the
    // header reads the same, which the message admits.
    if (/no identity matched/i.test(why))
      throw new AppError(
        'BAD_INPUT',
        'The passphrase does not open this backup (or the file was changed). Nothing was changed.',
        { field: 'passphrase' },
      );
    if (/work factor/i.test(why))
      throw new AppError(
        'BAD_INPUT',
        'The backup asks for a stronger passphrase hashing than the app accepts (scrypt work factor above 20). Nothing was changed.',
        { field: 'file' },
      );
    throw damaged();
  }
}
