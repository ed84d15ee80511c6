// Step 4 for a key held by a teammate (issue 14). No secret of the old key is here, so the proof
// is not a 401 but the server no longer listing it (deleted with the account key, as a held key's
// revoke is). Then the new key takes over the old key's place and is handed over: recorded as
// held by the same holder first, its secret removed from this keychain next, the run done last.
// Each write comes before the change it announces, so finishing again after a crash repeats the
// rest (a delete already done answers 404, a secret already gone is no error) and never leaves
// the new key's secret behind.
import { AppError, isAppError } from '../../../shared/errors.ts';
import type { RotationRun } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import type { Account, KeyRecord, StoreData } from '../../../shared/schemas.ts';
import { accountKey } from '../accounts.ts';
import { deleteAndProveUnlisted } from '../handoff/held-revoke.ts';
import { checkpoint, type RotationDeps } from './deps.ts';
import type { Refusal } from './guards.ts';
import { proveOrRecordStillThere } from './revoke-proof.ts';
import { always, keyById, transition } from './run-store.ts';
import { settle } from './view.ts';

type Guard = (run: RotationRun, data: StoreData) => Refusal | null;

export async function finishHeld(
  deps: RotationDeps,
  run: RotationRun,
  account: Account,
  old: KeyRecord,
  guard: Guard,
): Promise<RotationView> {
  const holder = run.held?.holder ?? 'its holder';
  const remoteId = old.remoteId;
  if (!remoteId)
    throw new AppError(
      'REFUSED',
      `"${old.label}" is held by ${holder} and not linked to a key on the server, so its revocation cannot be proven from here. Nothing was revoked.`,
    );
  if (!run.revoke) {
    await transition(deps, run.id, guard, (r, _d, now) => {
      r.revoke = { begunAt: now, lastCheck: null, proof: null, completedAt: null };
    });
    await checkpoint(deps, 'revoke:begun');
  }
  // Still listed: finish again later.
  const provenAt = await proveOrRecordStillThere(deps, run.id, () =>
    deleteAndProveUnlisted(deps, account, remoteId, old.label, () =>
      checkpoint(deps, 'revoke:deleted'),
    ),
  );
  if (provenAt === null) return settle(deps, run.id);
  const fresh = keyById(await deps.store.read(), run.newKeyId);
  if (fresh.remoteId) {
    // Cosmetic, as for any rotation: the dashboard shows the new key under the old label too.
    await deps
      .clientFor(account)
      .updateKey(await accountKey(deps, account), fresh.remoteId, { label: old.label })
      .catch(() => undefined);
    await checkpoint(deps, 'revoke:renamed');
  }
  await transition(deps, run.id, always, (r, d) => {
    if (r.step !== 'revoke') return; // another process completed it meanwhile
    const o = keyById(d, r.oldKeyId);
    const n = keyById(d, r.newKeyId);
    o.status = 'revoked';
    o.revokedAt = o.revokedAt ?? provenAt;
    Object.assign(n, {
      label: o.label,
      environment: o.environment,
      service: o.service,
      owner: o.owner,
      rotationPeriodDays: o.rotationPeriodDays,
      status: 'active',
      custody: 'held',
      heldBy: r.held?.holder ?? o.heldBy ?? o.owner,
    } satisfies Partial<KeyRecord>);
    if (r.revoke) r.revoke.proof = r.revoke.proof ?? { status: 404, checkedAt: provenAt };
  });
  await checkpoint(deps, 'revoke:recorded');
  // A false answer: already gone (an earlier, interrupted finish). Any other failure stops here
  // with the run at revoke, so finishing again removes it.
  await deps.vault.delete(run.newKeyId).catch((e: unknown) => {
    throw new AppError(
      isAppError(e) ? e.code : 'KEYCHAIN_DENIED',
      `The old key is revoked, but the keychain would not remove this device's copy of the new key${isAppError(e) ? ` (${e.message})` : ''}. Unlock the keychain and finish again to hand it over to ${holder}.`,
    );
  });
  await checkpoint(deps, 'revoke:handed-over');
  await transition(deps, run.id, always, (r, _d, now) => {
    if (r.step !== 'revoke') return;
    if (r.held) r.held.handedOverAt = now;
    if (r.revoke) r.revoke.completedAt = now;
    r.step = 'done';
  });
  await checkpoint(deps, 'revoke:done');
  return settle(deps, run.id);
}
