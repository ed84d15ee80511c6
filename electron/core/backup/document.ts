// The JSON inside a backup file (issue 14), documented in the README: every account, key record,
// rotation run and the settings as the store keeps them, plus every secret the keychain held for
// them. It travels inside one age file encrypted with a passphrase (age's scrypt recipient), so
// `age -d` opens it without this app. The records reuse the store's own schemas: a backup holds
// exactly what a store holds, and a restore validates it with the same rules before writing.
import { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import {
  accountNameProblem,
  environmentProblem,
  labelProblem,
  normaliseBaseUrl,
  secretProblem,
} from '../../../shared/input-rules.ts';
import {
  accountSchema,
  keyRecordSchema,
  rotationRunSchema,
  settingsSchema,
} from '../../../shared/schemas.ts';
import { fingerprint } from '../fingerprint.ts';

export const BACKUP_FORMAT = 'apexkeys-backup';
export const BACKUP_VERSION = 1;

/** Secrets by record id: account keys by account id, key secrets by key id. */
const secretsById = z.record(z.string().min(1).max(256), z.string().min(1).max(256));

export const backupDocumentSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  accounts: z.array(accountSchema),
  keys: z.array(keyRecordSchema),
  rotations: z.array(rotationRunSchema),
  settings: settingsSchema,
  secrets: z.object({ accountKeys: secretsById, keys: secretsById }),
});
export type BackupDocument = z.infer<typeof backupDocumentSchema>;

const invalid = (why: string) =>
  new AppError(
    'BAD_INPUT',
    `The backup decrypts, but its content is not a valid backup of this app: ${why}. Nothing was changed.`,
    { field: 'file' },
  );

/** Where the first problem is ("keys.3.label"), never the value there (it may be a secret). */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return path === '' ? 'its top level has the wrong shape' : `the field "${path}" is wrong`;
}

function unique(ids: string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw invalid(`two ${what} share the id "${id.slice(0, 80)}"`);
    seen.add(id);
  }
}

/**
 * The references and the secrets agree with the records: every key and run names an account of
 * the backup, every secret belongs to a record and matches its fingerprint (so a restore never
 * stores a secret under a record it does not open), and every secret obeys the key rules.
 */
function checkConsistency(doc: BackupDocument): void {
  unique(
    doc.accounts.map((a) => a.id),
    'accounts',
  );
  unique(
    doc.keys.map((k) => k.id),
    'keys',
  );
  unique(
    doc.rotations.map((r) => r.id),
    'rotation runs',
  );
  for (const a of doc.accounts) {
    const base = normaliseBaseUrl(a.baseUrl);
    if (accountNameProblem(a.name) !== null || 'problem' in base)
      throw invalid(`account "${a.name.slice(0, 64)}" breaks the account rules (name, base URL)`);
  }
  for (const k of doc.keys)
    if (labelProblem(k.label) !== null || environmentProblem(k.environment) !== null)
      throw invalid(`key "${k.label.slice(0, 64)}" breaks the key rules (label, environment)`);
  const accounts = new Map(doc.accounts.map((a) => [a.id, a]));
  const keys = new Map(doc.keys.map((k) => [k.id, k]));
  for (const k of doc.keys)
    if (!accounts.has(k.accountId)) throw invalid(`key "${k.label}" names an account it lacks`);
  for (const r of doc.rotations)
    if (!accounts.has(r.accountId) || !keys.has(r.oldKeyId))
      throw invalid(`rotation run "${r.id.slice(0, 80)}" names an account or key it lacks`);
  const check = (secret: string, expected: string | undefined, what: string) => {
    if (expected === undefined) throw invalid(`a secret belongs to no ${what} of the backup`);
    if (secretProblem(secret) !== null) throw invalid(`the secret of ${what} breaks the key rules`);
    if (fingerprint(secret) !== expected)
      throw invalid(`the secret of ${what} does not match its fingerprint`);
  };
  for (const [id, secret] of Object.entries(doc.secrets.accountKeys))
    check(secret, accounts.get(id)?.keyFingerprint, `account "${accounts.get(id)?.name ?? id}"`);
  for (const [id, secret] of Object.entries(doc.secrets.keys))
    check(secret, keys.get(id)?.fingerprint, `key "${keys.get(id)?.label ?? id}"`);
}

/** The decrypted text as a backup document, checked whole; throws BAD_INPUT with clear words. */
export function parseBackupDocument(text: string): BackupDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid('it is not JSON');
  }
  const head = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(raw);
  if (!head.success || head.data.format !== BACKUP_FORMAT)
    throw invalid(`its "format" is not "${BACKUP_FORMAT}"`);
  if (typeof head.data.version === 'number' && head.data.version > BACKUP_VERSION)
    throw new AppError(
      'BAD_INPUT',
      `The backup was written by a newer version of the app (format version ${head.data.version}; this one reads ${BACKUP_VERSION}). Update the app and restore again. Nothing was changed.`,
      { field: 'file' },
    );
  const parsed = backupDocumentSchema.safeParse(raw);
  if (!parsed.success) throw invalid(firstIssue(parsed.error));
  checkConsistency(parsed.data);
  return parsed.data;
}
