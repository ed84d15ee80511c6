// Revoking a key held by a teammate (issue 14). Its own secret is not here, so the usual proof
// (the key answers 401) cannot be made: in API mode the account key deletes it, and the proof is
// that the server no longer knows its id. In dashboard mode nothing here could prove it.
import { AppError } from '../../../shared/errors.ts';
import type { Account, KeyRecord } from '../../../shared/schemas.ts';
import type { RevokeResult } from '../../../shared/views.ts';
import { accountKey } from '../accounts.ts';
import { recordEvent } from '../audit.ts';
import type { CoreDeps } from '../deps.ts';
import { markRevoked } from '../key-records.ts';

/**
 * Deletes the server key with the account key and proves it gone: the server no longer lists it.
 * Repeatable: a key already deleted (404) is what a resumed call finds. Also used by the rotation
 * of a held key (its old key has no secret here either).
 */
export async function deleteAndProveUnlisted(
  deps: CoreDeps,
  account: Account,
  remoteId: string,
  label: string,
  afterDelete: () => Promise<void> = async () => undefined,
): Promise<void> {
  const client = deps.clientFor(account);
  const apiKey = await accountKey(deps, account);
  await client.deleteKey(apiKey, remoteId).catch((e: unknown) => {
    // Already gone on the server: the listing below decides.
    if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
  });
  await afterDelete();
  if ((await client.listKeys(apiKey)).some((r) => r.id === remoteId))
    throw new AppError(
      'NOT_REVOKED',
      `The server accepted the delete of "${label}" but still lists it, so it is not revoked; try again in a minute. It was not marked revoked.`,
    );
}

export async function revokeHeldKey(
  deps: CoreDeps,
  account: Account,
  key: KeyRecord,
): Promise<RevokeResult> {
  const holder = key.heldBy ?? 'its owner';
  if (account.mode !== 'api' || !key.remoteId)
    throw new AppError(
      'WRONG_MODE',
      `"${key.label}" is held by ${holder} and ${account.mode === 'api' ? 'is not linked to a key on the server' : `account "${account.name}" is in dashboard mode`}, so this device cannot revoke it or prove it revoked (it has no copy of the secret). Revoke it in the dashboard at ${account.dashboardUrl}, or ask ${holder} to revoke it.`,
    );
  const remoteId = key.remoteId;
  const auditBase = {
    action: 'revoked',
    keyId: key.id,
    accountId: account.id,
    label: key.label,
    fingerprint: key.fingerprint,
  } as const;
  try {
    await deleteAndProveUnlisted(deps, account, remoteId, key.label);
  } catch (e) {
    await recordEvent(deps, {
      ...auditBase,
      outcome: 'failed',
      detail: { error: e instanceof AppError ? e.code : 'INTERNAL', heldBy: holder },
    });
    throw e;
  }
  const { view, checkedAt } = await markRevoked(deps, key.id);
  await recordEvent(deps, {
    ...auditBase,
    outcome: 'ok',
    detail: { proof: 'unlisted', checkedAt, remoteId, heldBy: holder },
  });
  // No secret of it was here: nothing is left in this keychain.
  return { key: view, proof: { status: 404, checkedAt }, secretRemoved: true };
}
