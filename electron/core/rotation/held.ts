// Rotating a key held by a teammate (issue 14): the lead's keychain has no copy of the old key's
// secret. API mode only: the account key makes the new key, the new key reaches the holder the one
// way this app hands keys over (an age share file to their recipients), and the old key's
// revocation is proven by the server no longer listing it (held-revoke.ts). This module holds the
// start refusals, the deploy step's share file, and what the window shows of the holder.
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { pathProblem } from '../../../shared/input-rules.ts';
import {
  describeStep,
  type HeldRotation,
  type HeldShare,
  type RotationRun,
} from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import type { Account, KeyRecord } from '../../../shared/schemas.ts';
import { accountById } from '../accounts.ts';
import { recordEvent } from '../audit.ts';
import type { CoreDeps } from '../deps.ts';
import { writeNewFile } from '../handoff/new-file.ts';
import { documentOf } from '../handoff/share.ts';
import { checkRecipients, encryptDocument } from '../handoff/share-document.ts';
import { checkpoint, type RotationDeps } from './deps.ts';
import { deployCheck } from './guards.ts';
import { RotationRefused } from './lookup.ts';
import { always, keyById, runById, transition } from './run-store.ts';

/** Why the deploy step offers no .env files and no "Replace in all" for a held key. */
export const HELD_LOCATIONS_SKIPPED =
  'The old key is held by a teammate: this device has no copy of its secret to compare files with, and holds no running copy of the key, so .env files and known locations are not checked or replaced here. The holder deploys the new key from the share file.';

export interface HeldShareInput {
  /** The holder's age1… recipients. */
  recipients: string[];
  /** The new file to write (it must not exist). */
  file: string;
}

const holderName = (key: KeyRecord): string => key.heldBy ?? 'its holder';

/** A held key can be rotated only where the account key can make and delete keys. */
export function checkHeldStartable(key: KeyRecord, account: Account): void {
  const holder = holderName(key);
  if (account.mode !== 'api')
    throw new AppError(
      'WRONG_MODE',
      `"${key.label}" is held by ${holder} and account "${account.name}" is in dashboard mode: this device has no copy of its secret, so it could not prove the old key revoked. Rotate it in API mode (add the account again with an account key), or ask ${holder} to rotate it.`,
    );
  if (!key.remoteId)
    throw new AppError(
      'REFUSED',
      `"${key.label}" is held by ${holder} and is not linked to a key on the server, so its revocation could not be proven from here. Ask ${holder} to rotate it.`,
    );
}

/** The run's hold, written when a held key's run starts. */
export function heldAtStart(key: KeyRecord): HeldRotation {
  return { holder: holderName(key), shares: [], handedOverAt: null };
}

export const writtenShares = (run: RotationRun): HeldShare[] =>
  (run.held?.shares ?? []).filter((s) => s.writtenAt !== null);

export function refuseEnvFiles(run: RotationRun): never {
  throw new RotationRefused(
    'held-no-env-files',
    `Refused at ${describeStep(run.step)} of rotation ${run.id}: the key is held by ${run.held?.holder ?? 'a teammate'}; this device writes no .env file for it. Give the new key to the holder in a share file.`,
  );
}

/**
 * Writes the new key into a new share file for the holder. The share is recorded on the run
 * before the file is written (a crash in between still names the path for an abort) and marked
 * written after; a write that fails removes the record, since nothing of ours is at that path.
 */
export async function shareNewKey(
  deps: RotationDeps,
  runId: string,
  input: HeldShareInput,
): Promise<HeldShare> {
  const recipients = checkRecipients(input.recipients);
  const problem = pathProblem(input.file, 'the share file');
  if (problem) throw new AppError('BAD_INPUT', problem, { field: 'file' });
  const file = resolve(input.file);
  const data = await deps.store.read();
  const run = runById(data, runId);
  const old = keyById(data, run.oldKeyId);
  const fresh = keyById(data, run.newKeyId);
  const account = accountById(data, run.accountId);
  const secret = await deps.vault.get(fresh.id);
  // The old key's name and notes: what the key is called once the rotation is done.
  const doc = documentOf(
    { ...fresh, label: old.label, notes: old.notes },
    account,
    secret,
    deps.clock.now(),
  );
  const text = await encryptDocument(doc, recipients);
  const begunAt = await transition(deps, runId, deployCheck, (r, _d, now) => {
    r.held?.shares.push({ file, recipients, begunAt: now, writtenAt: null });
    return now;
  });
  const mine = (r: RotationRun) =>
    r.held?.shares.find((s) => s.file === file && s.begunAt === begunAt);
  await checkpoint(deps, 'deploy:share-begun');
  try {
    writeNewFile(file, text, 'the share file');
  } catch (e) {
    await transition(deps, runId, always, (r) => {
      if (r.held) r.held.shares = r.held.shares.filter((s) => s !== mine(r));
    });
    throw e;
  }
  await checkpoint(deps, 'deploy:share-written');
  const share = await transition(deps, runId, always, (r, _d, now) => {
    const s = mine(r);
    if (s) s.writtenAt = now;
    return s ?? { file, recipients, begunAt, writtenAt: now };
  });
  await recordEvent(deps, {
    action: 'shared',
    keyId: fresh.id,
    accountId: account.id,
    label: fresh.label,
    fingerprint: fresh.fingerprint,
    outcome: 'ok',
    detail: {
      file,
      recipients: recipients.join(','),
      recipientCount: recipients.length,
      handover: false,
      heldBy: run.held?.holder ?? null,
      runId,
    },
  });
  return share;
}

/** The recipients the last share of the old key named (the lead shared it with --handover). */
export async function knownRecipients(deps: CoreDeps, run: RotationRun): Promise<string[]> {
  if (!run.held) return [];
  const shared = (await deps.audit.list({ keyId: run.oldKeyId })).filter(
    (e) => e.action === 'shared' && e.outcome === 'ok' && typeof e.detail?.recipients === 'string',
  );
  const last = shared[shared.length - 1]?.detail?.recipients;
  return typeof last === 'string' ? last.split(',').filter((r) => r !== '') : [];
}

export function heldViewOf(run: RotationRun, recipients: string[]): RotationView['held'] {
  if (!run.held) return undefined;
  return {
    holder: run.held.holder,
    knownRecipients: recipients,
    shares: run.held.shares,
    locationsSkipped: HELD_LOCATIONS_SKIPPED,
  };
}

/** What the view says of a held run, where it differs from any run; null otherwise. */
export function heldNotice(run: RotationRun, label: string): string | null {
  const h = run.held;
  if (!h) return null;
  const files = h.shares.map((s) => s.file).join(', ');
  if (run.step === 'aborted' && h.shares.length && run.abort?.completedAt) {
    const kept = run.abort.keptLabel;
    return kept
      ? `The share file ${files} holds the new key, kept here as "${kept}" and still live: delete the file unless ${h.holder} should have that key.`
      : `The share file ${files} holds the new key, which is now revoked: delete it and tell ${h.holder} not to deploy it.`;
  }
  if (run.step === 'deploy' && h.shares.length === 0)
    return `"${label}" is held by ${h.holder}: give them the new key in a share file, encrypted to their recipient(s).`;
  if (run.step === 'revoke' && !run.revoke?.lastCheck)
    return `"${label}" is held by ${h.holder}: revoke it only once ${h.holder} has received the share file and deployed the new key, since the old key stops working at once. Afterwards the new key is held by ${h.holder} and its secret is removed from this keychain.`;
  if (run.step === 'revoke' && run.revoke?.lastCheck)
    return `The server accepted the revocation but still lists "${label}"; finish again in a minute.`;
  return null;
}
