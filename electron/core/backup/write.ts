// apexkeys backup (issue 14): every account, key record, rotation run and the settings, with every
// secret the keychain holds for them, in one age file protected by a passphrase. The file is new
// (never over an existing one), mode 0600, written whole or not at all. A key whose secret is not
// in the keychain is backed up without it and named in the result; only a keychain that cannot
// be read (locked, unavailable) stops the backup. This installation's age identity is left out:
// a restored installation keeps (or makes) its own.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError, isAppError } from '../../../shared/errors.ts';
import { pathProblem } from '../../../shared/input-rules.ts';
import type { StoreData } from '../../../shared/schemas.ts';
import { accountVaultId } from '../accounts.ts';
import { recordEvent } from '../audit.ts';
import type { CoreDeps } from '../deps.ts';
import { fingerprint } from '../fingerprint.ts';
import { writeNewFile } from '../handoff/new-file.ts';
import type { Vault } from '../vault-types.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupDocumentSchema,
  type BackupDocument,
} from './document.ts';
import { encryptWithPassphrase, passphraseProblem } from './passphrase-file.ts';

/** A record backed up without its secret, and why (for the report; never the secret). */
export interface MissingSecret {
  kind: 'account' | 'key';
  name: string;
  /** The key's account, for a key. */
  account: string | null;
  reason: 'not in the keychain' | 'does not match its fingerprint';
}

export interface BackupResult {
  file: string;
  createdAt: string;
  accounts: number;
  keys: number;
  rotations: number;
  /** Secrets written into the file: account keys and key secrets. */
  secrets: number;
  missing: MissingSecret[];
}

/** Which keys have a secret here to back up: live keys kept on this device. */
const holdsSecret = (k: StoreData['keys'][number]): boolean =>
  k.custody === 'local' && k.status !== 'revoked';

type Found = { secret: string } | { reason: MissingSecret['reason'] };

/** The secret under `id` when it opens the record (same fingerprint); else why not. */
async function secretFor(vault: Vault, id: string, expected: string): Promise<Found> {
  try {
    const secret = await vault.get(id);
    return fingerprint(secret) === expected
      ? { secret }
      : { reason: 'does not match its fingerprint' };
  } catch (e) {
    if (isAppError(e, 'SECRET_MISSING')) return { reason: 'not in the keychain' };
    throw e;
  }
}

async function collectSecrets(
  vault: Vault,
  data: StoreData,
): Promise<{ secrets: BackupDocument['secrets']; missing: MissingSecret[] }> {
  const secrets: BackupDocument['secrets'] = { accountKeys: {}, keys: {} };
  const missing: MissingSecret[] = [];
  for (const a of data.accounts) {
    const found = await secretFor(vault, accountVaultId(a.id), a.keyFingerprint);
    if ('secret' in found) secrets.accountKeys[a.id] = found.secret;
    else missing.push({ kind: 'account', name: a.name, account: null, reason: found.reason });
  }
  const names = new Map(data.accounts.map((a) => [a.id, a.name]));
  for (const k of data.keys.filter(holdsSecret)) {
    const found = await secretFor(vault, k.id, k.fingerprint);
    if ('secret' in found) secrets.keys[k.id] = found.secret;
    else {
      const account = names.get(k.accountId) ?? null;
      missing.push({ kind: 'key', name: k.label, account, reason: found.reason });
    }
  }
  return { secrets, missing };
}

export async function writeBackup(
  deps: CoreDeps,
  input: { file: string; passphrase: string; scryptLogN?: number },
): Promise<BackupResult> {
  const problem = passphraseProblem(input.passphrase);
  if (problem)
    throw new AppError('BAD_INPUT', `${problem} Nothing was written.`, { field: 'passphrase' });
  const pathIssue = pathProblem(input.file, 'the backup file');
  if (pathIssue) throw new AppError('BAD_INPUT', pathIssue, { field: 'file' });
  const target = resolve(input.file);
  // Refused before the keychain is read and the slow passphrase hashing runs; writeNewFile
  // refuses again at the write, should the file appear meanwhile.
  if (existsSync(target))
    throw new AppError(
      'REFUSED',
      `${target} already exists; a backup never replaces a file. Choose another file name, or move that file away first.`,
      { field: 'file' },
    );
  const data = await deps.store.read();
  const { secrets, missing } = await collectSecrets(deps.vault, data);
  const createdAt = deps.clock.now().toISOString();
  // Through the schema, so the file holds exactly what a restore accepts.
  const doc = backupDocumentSchema.parse({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    accounts: data.accounts,
    keys: data.keys,
    rotations: data.rotations,
    settings: data.settings,
    secrets,
  } satisfies BackupDocument);
  const file = writeNewFile(
    target,
    await encryptWithPassphrase(JSON.stringify(doc, null, 2), input.passphrase, input.scryptLogN),
    'the backup file',
  );
  const result: BackupResult = {
    file,
    createdAt,
    accounts: doc.accounts.length,
    keys: doc.keys.length,
    rotations: doc.rotations.length,
    secrets: Object.keys(secrets.accountKeys).length + Object.keys(secrets.keys).length,
    missing,
  };
  await recordEvent(deps, {
    action: 'backed-up',
    keyId: null,
    accountId: null,
    label: null,
    fingerprint: null,
    outcome: 'ok',
    detail: {
      file,
      accounts: result.accounts,
      keys: result.keys,
      rotations: result.rotations,
      secrets: result.secrets,
      missingSecrets: missing.length,
    },
  });
  return result;
}
