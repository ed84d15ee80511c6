// Disable, enable and revoke. Revocation is proven, not assumed: a key is recorded as revoked
// only after it answers 401, and only then is its secret removed from the keychain.
import { AppError } from '../../shared/errors.ts';
import type { Account, KeyRecord } from '../../shared/schemas.ts';
import type { KeyView, RevokeResult } from '../../shared/views.ts';
import { accountKey } from './accounts.ts';
import { callTimer, noteAppCalls } from './app-calls.ts';
import type { ApexClient } from './apexverify/index.ts';
import type { CoreDeps } from './deps.ts';
import {
  markRevoked,
  mutateKey,
  refuseAccountKey,
  resolveKey,
  toView,
  type KeyRef,
} from './key-records.ts';
import { refuseDuringRun } from './rotation/lookup.ts';
import { recordEvent } from './audit.ts';
import { refuseRemoteOnly } from './remote-only.ts';
import { revokeHeldKey } from './handoff/held-revoke.ts';

function needsApiMode(account: Account, key: KeyRecord, what: string): string {
  if (account.mode !== 'api')
    throw new AppError(
      'WRONG_MODE',
      `Account "${account.name}" is in dashboard mode: ${what} "${key.label}" at ${account.dashboardUrl} (Settings → API Keys).`,
    );
  if (!key.remoteId)
    throw new AppError(
      'WRONG_MODE',
      `"${key.label}" is not linked to a key on the server (it was imported without a unique label match): ${what} it at ${account.dashboardUrl}.`,
    );
  return key.remoteId;
}

export async function setKeyEnabled(
  deps: CoreDeps,
  ref: KeyRef,
  enabled: boolean,
): Promise<KeyView> {
  const data = await deps.store.read();
  const { key, account } = resolveKey(data, ref);
  refuseDuringRun(data, key, `it cannot be ${enabled ? 'enabled' : 'disabled'} now`);
  if (!enabled) refuseAccountKey(data, key, 'disabling');
  const remoteId = needsApiMode(account, key, enabled ? 'enable' : 'disable');
  if (key.status === 'revoked') throw new AppError('REFUSED', `"${key.label}" is revoked.`);
  if (key.status === 'pending')
    throw new AppError(
      'REFUSED',
      `"${key.label}" is pending a rotation; finish or abort the rotation first.`,
    );
  const remote = await deps
    .clientFor(account)
    .updateKey(await accountKey(deps, account), remoteId, { enabled });
  const view = await deps.store.update((data) =>
    toView(
      data,
      mutateKey(data, key.id, (k) => {
        // Another process may have revoked it meanwhile: never bring a revoked record back.
        if (k.status === 'revoked')
          throw new AppError('REFUSED', `"${k.label}" was revoked meanwhile.`);
        k.status = remote.enabled ? 'active' : 'disabled';
      }),
    ),
  );
  await recordEvent(deps, {
    action: enabled ? 'enabled' : 'disabled',
    keyId: key.id,
    accountId: account.id,
    label: key.label,
    fingerprint: key.fingerprint,
    outcome: 'ok',
    detail: { remoteId },
  });
  return view;
}

/**
 * API mode: DELETE, then the key must answer 401. Dashboard mode: only the 401. The rotation
 * passes `afterDelete` to mark the point between the two calls for its crash tests.
 */
export async function proveRevoked(
  deps: CoreDeps,
  client: ApexClient,
  account: Account,
  key: KeyRecord,
  secret: string,
  afterDelete?: () => Promise<void>,
): Promise<void> {
  if (account.mode === 'api' && key.remoteId) {
    try {
      await client.deleteKey(await accountKey(deps, account), key.remoteId);
    } catch (e) {
      // Already gone on the server (a 404): the proof below decides.
      if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
    }
    await afterDelete?.();
  }
  const timer = callTimer(deps.clock);
  const check = await timer.run(() => client.checkKey(secret));
  if (check.status !== 'unauthorized') {
    // Still live, and this proof just moved its server last use: the app's call, not traffic.
    await deps.store.update((d) => {
      const k = d.keys.find((x) => x.id === key.id);
      if (k) noteAppCalls(k, timer.calls);
    });
    const how =
      account.mode === 'api' && key.remoteId
        ? 'The server accepted the delete but the key still works; try again in a minute.'
        : `Revoke it in the dashboard at ${account.dashboardUrl} (Settings → API Keys, the trash icon), then run this again.`;
    throw new AppError(
      'NOT_REVOKED',
      `"${key.label}" still answers 200, so it is not revoked. ${how} It was not marked revoked.`,
    );
  }
}

/**
 * Best effort: removes secrets of keys already recorded as revoked that an earlier revoke could
 * not delete (the keychain was locked then). They no longer work; they only clutter.
 */
async function sweepRevokedSecrets(deps: CoreDeps): Promise<void> {
  try {
    const revoked = new Set(
      (await deps.store.read()).keys.filter((k) => k.status === 'revoked').map((k) => k.id),
    );
    for (const id of await deps.vault.listIds()) if (revoked.has(id)) await deps.vault.delete(id);
  } catch {
    // Left for the next revoke.
  }
}

export async function revokeKey(
  deps: CoreDeps,
  ref: KeyRef,
  confirmLabel: string,
): Promise<RevokeResult> {
  const data = await deps.store.read();
  const { key, account } = resolveKey(data, ref);
  refuseDuringRun(data, key, 'it cannot be revoked on its own');
  if (confirmLabel !== key.label)
    throw new AppError(
      'CONFIRMATION_MISMATCH',
      `Type the key's label exactly to confirm revocation (expected "${key.label}"). Nothing was revoked.`,
    );
  if (key.status === 'revoked') throw new AppError('REFUSED', `"${key.label}" is already revoked.`);
  if (key.status === 'pending')
    throw new AppError(
      'REFUSED',
      `"${key.label}" is pending a rotation; abort the rotation to discard it.`,
    );
  refuseAccountKey(data, key, 'revoking');
  // A key handed over: the account key deletes it, and the server's listing is the proof.
  if (key.custody === 'held') return revokeHeldKey(deps, account, key);
  // Revocation is proven with the key's own secret (401): a key not captured has none here.
  refuseRemoteOnly(key);
  const client = deps.clientFor(account);
  const secret = await deps.vault.get(key.id);
  const auditBase = {
    action: 'revoked',
    keyId: key.id,
    accountId: account.id,
    label: key.label,
    fingerprint: key.fingerprint,
  } as const;
  try {
    await proveRevoked(deps, client, account, key, secret);
  } catch (e) {
    // A refused or failed revocation is part of the trail too.
    await recordEvent(deps, {
      ...auditBase,
      outcome: 'failed',
      detail: { error: e instanceof AppError ? e.code : 'INTERNAL' },
    });
    throw e;
  }
  const { view, checkedAt } = await markRevoked(deps, key.id);
  // The revocation is proven and recorded; a keychain that refuses the delete now (locked) must
  // not turn that into a failure. The leftover secret no longer works; the caller is told.
  const secretRemoved = await deps.vault.delete(key.id).then(
    () => true,
    () => false,
  );
  await sweepRevokedSecrets(deps);
  await recordEvent(deps, {
    ...auditBase,
    outcome: 'ok',
    detail: { proof: '401', checkedAt, remoteId: key.remoteId, secretRemoved },
  });
  return { key: view, proof: { status: 401, checkedAt }, secretRemoved };
}
