// The Back up…, Restore… and Export inventory… dialogs' own words and checks, said before anything
// is sent: the passphrase rule (the core's: at least 12 characters), the names offered for new
// files, and what a restore did, as a sentence.
import { BACKUP_PASSPHRASE_MIN } from '../../../shared/ipc/backup-channels.ts';
import type { OutputOf } from '../../../shared/ipc/contract.ts';

export const PASSPHRASE_RULE = `At least ${BACKUP_PASSPHRASE_MIN} characters. Several random words are easy to type and hard to guess.`;

/** Why this passphrase may not protect a new backup (never echoing it), or null. */
export function newPassphraseProblem(passphrase: string): string | null {
  if (passphrase.length === 0) return 'Give a passphrase for the backup.';
  if (passphrase.length < BACKUP_PASSPHRASE_MIN)
    return `The passphrase is ${passphrase.length} characters long; a backup needs at least ${BACKUP_PASSPHRASE_MIN}.`;
  return null;
}

export function confirmProblem(passphrase: string, again: string): string | null {
  if (again === '') return 'Type the passphrase again.';
  return again === passphrase ? null : 'The two passphrases differ.';
}

/** yyyy-mm-dd in the user's own time zone: the day they made the file. */
function day(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export const backupFileName = (now: Date) => `apexkeys-backup-${day(now)}.age`;
export const inventoryFileName = (now: Date, format: 'csv' | 'json') =>
  `apexkeys-inventory-${day(now)}.${format}`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

type Restored = OutputOf<'restoreData'>;

/** "2 keys added, 1 updated, 0 skipped"-style lines, one per kind of record. */
export function restoreLines(r: Restored): string[] {
  const line = (what: string, c: Restored['keys']) =>
    `${what}: ${c.added} added, ${c.updated} updated, ${c.skipped} skipped.`;
  return [
    line('Keys', r.keys),
    line('Accounts', r.accounts),
    line('Rotation runs', r.rotations),
    `${plural(r.secretsRestored, 'secret')} put in the keychain.`,
    r.settingsApplied.length === 0
      ? 'No settings were taken from the backup.'
      : `Settings taken from the backup: ${r.settingsApplied.join(', ')}.`,
    ...r.notes,
  ];
}

export function backupSummary(r: OutputOf<'backupData'>): string {
  return `Backed up ${plural(r.accounts, 'account')}, ${plural(r.keys, 'key')}, ${plural(r.rotations, 'rotation run')}, the settings and ${plural(r.secrets, 'secret')} to ${r.file}.`;
}

export function missingLine(m: OutputOf<'backupData'>['missing'][number]): string {
  const where =
    m.reason === 'not in the keychain'
      ? 'is not in the keychain'
      : 'in the keychain does not match its fingerprint';
  return m.kind === 'account'
    ? `The key of account “${m.name}” ${where}: the backup holds the account without it.`
    : `The secret of “${m.name}”${m.account ? ` (account ${m.account})` : ''} ${where}: the backup holds its record without it.`;
}
