// Step 4: revoke the old key and prove it. "Revocation has begun" is written before the first
// server call (from then on the run can no longer be aborted); the old key is recorded as revoked
// only once it answers 401, the one call made with the old key during a run. In the same store
// write the new key takes over the old key's label, environment, service, owner and rotation
// period and becomes active. Dashboard mode: the user revokes in the dashboard, and each finish
// checks for the 401 until it comes.
import {
  describeStep,
  type LocationCheckEvidence,
  type RotationRun,
} from '../../../shared/rotation.ts';
import type { KeyRecord } from '../../../shared/schemas.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { accountById, accountKey } from '../accounts.ts';
import { proveRevoked } from '../key-lifecycle.ts';
import { checkpoint, type RotationDeps } from './deps.ts';
import { checkLocations } from '../locations/check.ts';
import { requireRun, RotationRefused, type RotationRef } from './lookup.ts';
import { finishCheck, refuse } from './guards.ts';
import { finishHeld } from './held-finish.ts';
import { proveOrRecordStillThere } from './revoke-proof.ts';
import { always, keyById, transition } from './run-store.ts';
import { settle } from './view.ts';

export interface FinishOptions {
  /** The old key's label, typed exactly. */
  confirmLabel: string;
  /** Revoke although a known location still holds the old key (the second confirmation). */
  ignoreLocations?: boolean;
}

/**
 * Reads every known location of the old key; refuses while one still holds it (revoking would
 * break whatever reads that file), unless the user confirmed. Returns the evidence to record.
 */
async function checkOldLocations(
  deps: RotationDeps,
  run: RotationRun,
  old: KeyRecord,
  oldSecret: string,
  ignore: boolean,
): Promise<LocationCheckEvidence> {
  const checked = await checkLocations(old.locations ?? [], oldSecret);
  const stillHeld = checked
    .filter((l) => l.state === 'holds')
    .map((l) => ({ path: l.path, variable: l.variable }));
  if (stillHeld.length && !ignore)
    throw new RotationRefused(
      'old-key-still-deployed',
      [
        `Refused at ${describeStep(run.step)} of rotation ${run.id}: ${stillHeld.length} known location(s) still hold the old key, and revoking it would break them. Replace the key there (or forget the location), or confirm revoking anyway. Nothing was revoked.`,
        ...stillHeld.map((l) => `${l.path} (${l.variable}) still holds the old key`),
      ].join('\n'),
      stillHeld.map((l) => ({ path: l.path, variable: l.variable })),
    );
  return {
    at: deps.clock.now().toISOString(),
    checked: checked.length,
    stillHeld,
    ignored: stillHeld.length > 0,
  };
}

export async function finishRotation(
  deps: RotationDeps,
  ref: RotationRef,
  opts: FinishOptions,
): Promise<RotationView> {
  const data = await deps.store.read();
  const run = requireRun(data, ref);
  const old = keyById(data, run.oldKeyId);
  const guard = (r: typeof run) => finishCheck(r, old.label, opts.confirmLabel);
  refuse(guard(run));
  const account = accountById(data, run.accountId);
  const client = deps.clientFor(account);
  // Held by a teammate: no secret of the old key here; proven by the listing (held-finish.ts).
  if (run.held) return finishHeld(deps, run, account, old, guard);
  const oldSecret = await deps.vault.get(old.id);
  if (!run.revoke) {
    const evidence = await checkOldLocations(deps, run, old, oldSecret, !!opts.ignoreLocations);
    await transition(deps, run.id, guard, (r, _d, now) => {
      r.locationCheck = evidence;
      r.revoke = { begunAt: now, lastCheck: null, proof: null, completedAt: null };
    });
    await checkpoint(deps, 'revoke:begun');
  }
  // Still 200: the view says what to do (dashboard: revoke it there).
  const provenAt = await proveOrRecordStillThere(deps, run.id, () =>
    proveRevoked(deps, client, account, old, oldSecret, () => checkpoint(deps, 'revoke:deleted')),
  );
  if (provenAt === null) return settle(deps, run.id);
  const fresh = keyById(data, run.newKeyId);
  if (run.mode === 'api' && fresh.remoteId) {
    // Cosmetic: the dashboard shows the new key under the old label too. Failure changes nothing.
    await client
      .updateKey(await accountKey(deps, account), fresh.remoteId, { label: old.label })
      .catch(() => undefined);
    await checkpoint(deps, 'revoke:renamed');
  }
  await transition(deps, run.id, always, (r, d, now) => {
    if (r.step !== 'revoke') return; // another process completed it meanwhile
    const o = keyById(d, r.oldKeyId);
    const n = keyById(d, r.newKeyId);
    o.status = 'revoked';
    o.revokedAt = provenAt;
    n.label = o.label;
    n.environment = o.environment;
    n.service = o.service;
    n.owner = o.owner;
    n.rotationPeriodDays = o.rotationPeriodDays;
    n.status = 'active';
    if (r.revoke) {
      r.revoke.proof = { status: 401 as const, checkedAt: provenAt };
      r.revoke.completedAt = now;
    }
    r.step = 'done';
  });
  await checkpoint(deps, 'revoke:recorded');
  // Proven and recorded: a keychain refusing the delete now leaves a useless secret, no more.
  await deps.vault.delete(old.id).catch(() => false);
  await checkpoint(deps, 'revoke:done');
  return settle(deps, run.id);
}
