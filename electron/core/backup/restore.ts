// apexkeys restore (issue 14): merges a backup into this installation by the rules in
// restore-merge.ts. Everything is read, decrypted and validated before anything is written, so
// a wrong passphrase, a flipped byte or a truncated file changes nothing. Then, under the store's
// lock, the missing secrets go to the keychain first and the records in one store update; if
// either fails, the secrets added are removed again. A backup that adds nothing (restored into
// the installation it came from) writes nothing at all and says so.
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { pathProblem } from '../../../shared/input-rules.ts';
import { recordEvent } from '../audit.ts';
import type { CoreDeps } from '../deps.ts';
import { errnoText } from '../fs/errno.ts';
import { parseBackupDocument, type BackupDocument } from './document.ts';
import { decryptWithPassphrase } from './passphrase-file.ts';
import { isNoOp, mergeBackup, type MergeInput, type MergeReport } from './restore-merge.ts';

/** Far above any real backup (a thousand keys is a few hundred kilobytes). */
const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

export interface RestoreResult extends MergeReport {
  file: string;
  /** When the backup was made. */
  backupCreatedAt: string;
  /** Nothing to add: everything in the backup is here already. Nothing was written. */
  noOp: boolean;
}

function readBackupFile(file: string): { path: string; bytes: Uint8Array } {
  const problem = pathProblem(file, 'the backup file');
  if (problem) throw new AppError('BAD_INPUT', problem, { field: 'file' });
  const path = resolve(file);
  try {
    if (statSync(path).size > MAX_BACKUP_BYTES)
      throw new AppError(
        'BAD_INPUT',
        `${path} is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB; it is not a backup this app wrote. Nothing was changed.`,
        { field: 'file' },
      );
    return { path, bytes: readFileSync(path) };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_INPUT', `Could not read the backup file ${path}: ${errnoText(e)}.`, {
      field: 'file',
    });
  }
}

/** Opens and checks the backup whole; throws with clear words, having written nothing. */
export async function openBackup(
  file: string,
  passphrase: string,
): Promise<{ path: string; doc: BackupDocument }> {
  if (passphrase.length === 0)
    throw new AppError('BAD_INPUT', 'The passphrase is empty. Nothing was changed.', {
      field: 'passphrase',
    });
  const { path, bytes } = readBackupFile(file);
  const text = await decryptWithPassphrase(bytes, passphrase);
  return { path, doc: parseBackupDocument(text) };
}

/** The same fresh id for the same backup id, so the plan and the locked merge agree. */
function idMaker(): MergeInput['newId'] {
  const made = new Map<string, string>();
  return (kind, backupId) => {
    const key = `${kind}:${backupId}`;
    let id = made.get(key);
    if (id === undefined) {
      id = kind === 'account' ? `acc_${randomUUID()}` : `key_${randomUUID()}`;
      made.set(key, id);
    }
    return id;
  };
}

/** Under the lock: the secrets first, then (by returning) the store; undone if either fails. */
async function applyMerge(
  deps: CoreDeps,
  doc: BackupDocument,
  newId: MergeInput['newId'],
): Promise<MergeReport> {
  const added: string[] = [];
  try {
    return await deps.store.update(async (data) => {
      const present = new Set(await deps.vault.listIds());
      const plan = mergeBackup({ data, doc, present, newId });
      for (const { id, secret } of plan.secrets) {
        await deps.vault.set(id, secret);
        added.push(id);
      }
      return plan.report;
    });
  } catch (e) {
    // Best effort: a keychain that refuses now leaves entries no record points at, which harm
    // nothing (a restore again fills them; they hold the backup's own secrets).
    for (const id of added) await deps.vault.delete(id).catch(() => false);
    throw e;
  }
}

export async function restoreBackup(
  deps: CoreDeps,
  input: { file: string; passphrase: string },
): Promise<RestoreResult> {
  const { path, doc } = await openBackup(input.file, input.passphrase);
  const newId = idMaker();
  // A dry run on a copy first: a backup with nothing new writes nothing, not even the store.
  const dry = mergeBackup({
    data: structuredClone(await deps.store.read()),
    doc,
    present: new Set(await deps.vault.listIds()),
    newId,
  });
  const base = { file: path, backupCreatedAt: doc.createdAt };
  if (isNoOp(dry.report)) return { ...dry.report, ...base, noOp: true };
  const report = await applyMerge(deps, doc, newId);
  const { accounts, keys, rotations } = report;
  await recordEvent(deps, {
    action: 'restored',
    keyId: null,
    accountId: null,
    label: null,
    fingerprint: null,
    outcome: 'ok',
    detail: {
      file: path,
      backupCreatedAt: doc.createdAt,
      accountsAdded: accounts.added,
      keysAdded: keys.added,
      keysUpdated: keys.updated,
      keysSkipped: keys.skipped,
      rotationsAdded: rotations.added,
      secretsRestored: report.secretsRestored,
      settingsApplied: report.settingsApplied.length,
    },
  });
  return { ...report, ...base, noOp: isNoOp(report) };
}
