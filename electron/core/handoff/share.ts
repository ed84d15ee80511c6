// Sharing a key with teammates (issue 14): one age file to every recipient given, holding the
// share document. With hand-over, the order is what makes it safe: the file is written and synced
// first, then this keychain's copy of the secret is removed, and only then is the record marked
// held; a step that fails stops there and says what was and was not done.
import type { ErrorRule } from '../../../shared/error-rules.ts';
import { AppError, isAppError } from '../../../shared/errors.ts';
import { SHARE_FORMAT, SHARE_VERSION, type ShareDocument } from '../../../shared/handoff.ts';
import { freeTextProblem } from '../../../shared/input-rules.ts';
import type { Account, KeyRecord } from '../../../shared/schemas.ts';
import type { KeyView } from '../../../shared/views.ts';
import { recordEvent, type AuditInput } from '../audit.ts';
import type { CoreDeps } from '../deps.ts';
import { mutateKey, resolveKey, toView, type KeyRef } from '../key-records.ts';
import { refuseRemoteOnly } from '../remote-only.ts';
import { refuseDuringRun } from '../rotation/lookup.ts';
import { writeNewFile } from './new-file.ts';
import { checkRecipients, encryptDocument } from './share-document.ts';

export interface ShareInput {
  ref: KeyRef;
  recipients: string[];
  file: string;
  /** Then remove this keychain's copy: the key is held by `owner` (default: the record's owner). */
  handover?: boolean;
  owner?: string;
}

export interface ShareResult {
  key: KeyView;
  /** The absolute path written. */
  file: string;
  recipients: string[];
  /** Who holds the key now, when it was handed over; null for a plain share. */
  heldBy: string | null;
}

function holderOf(key: KeyRecord, owner: string | undefined): string {
  const holder = (owner ?? key.owner).trim();
  if (holder === '')
    throw new AppError(
      'BAD_INPUT',
      `"${key.label}" has no owner, so it is unclear who will hold it: name who holds it now. Nothing was written.`,
      { field: 'owner', rule: 'handover-needs-owner' satisfies ErrorRule },
    );
  const problem = freeTextProblem('owner', holder, { max: 128 });
  if (problem) throw new AppError('BAD_INPUT', problem, { field: 'owner' });
  return holder;
}

/** The document a share file holds (also the new key's, in a held key's rotation). */
export function documentOf(
  key: KeyRecord,
  account: Account,
  secret: string,
  at: Date,
): ShareDocument {
  return {
    format: SHARE_FORMAT,
    version: SHARE_VERSION,
    key: {
      secret,
      label: key.label,
      account: { name: account.name, baseUrl: account.baseUrl },
      environment: key.environment,
      service: key.service,
      owner: key.owner,
      notes: key.notes,
      createdAt: key.createdAt,
      fingerprint: key.fingerprint,
    },
    sharedAt: at.toISOString(),
  };
}

/** The checks that need only the record: a refused share writes nothing. */
function refuseUnshareable(key: KeyRecord): void {
  if (key.status === 'revoked')
    throw new AppError('REFUSED', `"${key.label}" is revoked: there is nothing to share.`);
  if (key.status === 'pending')
    throw new AppError(
      'REFUSED',
      `"${key.label}" is pending: its rotation has not made it live yet, so it cannot be shared.`,
    );
  // A key found by sync, or one already handed over: this device has no secret to share.
  refuseRemoteOnly(key);
}

export async function shareKey(deps: CoreDeps, input: ShareInput): Promise<ShareResult> {
  const recipients = checkRecipients(input.recipients);
  const data = await deps.store.read();
  const { key, account } = resolveKey(data, input.ref);
  refuseUnshareable(key);
  const heldBy = input.handover ? holderOf(key, input.owner) : null;
  if (input.handover) refuseDuringRun(data, key, 'it cannot be handed over now');
  const secret = await deps.vault.get(key.id);
  const text = await encryptDocument(
    documentOf(key, account, secret, deps.clock.now()),
    recipients,
  );
  const file = writeNewFile(input.file, text, 'the share file');

  const event = (detail: AuditInput['detail']): Promise<void> =>
    recordEvent(deps, {
      action: 'shared',
      keyId: key.id,
      accountId: account.id,
      label: key.label,
      fingerprint: key.fingerprint,
      outcome: 'ok',
      detail: {
        file,
        recipients: recipients.join(','),
        recipientCount: recipients.length,
        ...detail,
      },
    });
  if (heldBy === null) {
    await event({ handover: false });
    return { key: toView(data, key), file, recipients, heldBy };
  }

  // A false answer means the entry was already gone: the secret is not here either way.
  const removal = await deps.vault.delete(key.id).then(
    () => null,
    (e: unknown) => e,
  );
  if (removal !== null) {
    const code = isAppError(removal) ? removal.code : 'KEYCHAIN_DENIED';
    await event({ handover: false, handoverError: code });
    throw new AppError(
      code,
      `Wrote the share file ${file}, but the keychain would not remove your copy of "${key.label}"${isAppError(removal) ? ` (${removal.message})` : ''}. It was NOT handed over: the key is still yours on this device. Unlock the keychain and share it again with hand-over, to a new file.`,
    );
  }
  let view: KeyView;
  try {
    view = await deps.store.update((d) =>
      toView(
        d,
        mutateKey(d, key.id, (k) => {
          k.custody = 'held';
          k.heldBy = heldBy;
        }),
      ),
    );
  } catch (e) {
    await event({ handover: false, handoverError: isAppError(e) ? e.code : 'STORE_IO' });
    throw new AppError(
      isAppError(e) ? e.code : 'STORE_IO',
      `Wrote the share file ${file} and removed your copy of "${key.label}" from the keychain, but could not record it as held by ${heldBy}: ${isAppError(e) ? e.message : 'the store could not be written.'} Its secret is now only in the share file.`,
    );
  }
  await event({ handover: true, heldBy });
  return { key: view, file, recipients, heldBy };
}
