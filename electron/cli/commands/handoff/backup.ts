// apexkeys backup --file PATH: every account, key, rotation run, setting and secret in one age
// file, protected by the passphrase read from stdin (asked twice on a terminal).
import type { Command } from 'commander';
import { AppError } from '../../../../shared/errors.ts';
import { testScryptLogN } from '../../../core/backup/passphrase-file.ts';
import { writeBackup, type BackupResult, type MissingSecret } from '../../../core/backup/write.ts';
import { printJson, printLine, readSecret, warn } from '../../io.ts';
import type { CliSession } from '../../session.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const missingLine = (m: MissingSecret) =>
  m.kind === 'account'
    ? `The key of account "${m.name}" ${m.reason === 'not in the keychain' ? 'is not in the keychain' : 'in the keychain does not match its fingerprint'}: the backup holds the account without it.`
    : `The secret of "${m.name}" (account ${m.account ?? '?'}) ${m.reason === 'not in the keychain' ? 'is not in the keychain' : 'in the keychain does not match its fingerprint'}: the backup holds its record without it.`;

function summary(r: BackupResult): string {
  return `Backed up ${plural(r.accounts, 'account')}, ${plural(r.keys, 'key')}, ${plural(r.rotations, 'rotation run')}, the settings and ${plural(r.secrets, 'secret')} to ${r.file} (age, passphrase-protected: "age -d" opens it too).`;
}

export async function backupCommand(
  session: CliSession,
  o: { file: string; json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const passphrase = await readSecret('a passphrase for the backup (at least 12 characters)');
  // On a terminal the input is hidden, so a typo would lock the backup for good: ask again.
  if (process.stdin.isTTY && (await readSecret('the passphrase again')) !== passphrase)
    throw new AppError('BAD_INPUT', 'The two passphrases differ. Nothing was written.');
  const result = await writeBackup(core, {
    file: o.file,
    passphrase,
    scryptLogN: testScryptLogN(session.env),
  });
  if (o.json) printJson(result);
  else printLine(summary(result));
  for (const m of result.missing) warn(missingLine(m));
}
