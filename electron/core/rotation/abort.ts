// Aborting, allowed until revocation of the old key has begun. The choice is written first, so
// an interrupted abort is completed by aborting again. The new key is then revoked through the
// API (proven by its 401), or kept as a key of its own (a free "<label>-new" label, active), or
// kept and marked for the user to revoke in the dashboard. The old key is never touched. Before
// revoking the new key, the files the rotation changed get the old key back (abort-restore.ts).
import type { AbortChoice, RotationRun } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import type { Account, StoreData } from '../../../shared/schemas.ts';
import { accountById, accountKey } from '../accounts.ts';
import type { ApexClient } from '../apexverify/index.ts';
import { isLive } from '../key-records.ts';
import { proveRevoked } from '../key-lifecycle.ts';
import { checkpoint, type RotationDeps } from './deps.ts';
import { deleteServerKeys, generateBusy } from './generate.ts';
import { requireRun, type RotationRef } from './lookup.ts';
import { abortCheck, refuse, type AbortContext } from './guards.ts';
import { always, transition } from './run-store.ts';
import { changedFiles, checkRestorable, restoreFiles } from './abort-restore.ts';
import { settle } from './view.ts';

export interface AbortOptions {
  choice: AbortChoice;
  /** revoke-new: revoke even though a changed file could not get the old key back. */
  revokeUnrestored?: boolean;
}

/** Both secrets, when the new key is stored and the run changed files (else nothing to restore). */
async function restoreSecrets(
  deps: RotationDeps,
  data: StoreData,
  run: RotationRun,
): Promise<{ oldSecret: string; newSecret: string } | null> {
  if (!changedFiles(run).length || !data.keys.some((k) => k.id === run.newKeyId)) return null;
  return {
    oldSecret: await deps.vault.get(run.oldKeyId),
    newSecret: await deps.vault.get(run.newKeyId),
  };
}

function contextOf(data: StoreData, run: RotationRun): AbortContext {
  const fresh = data.keys.find((k) => k.id === run.newKeyId);
  return { newStored: Boolean(fresh), newLinked: Boolean(fresh?.remoteId) };
}

function freeLabel(data: StoreData, run: RotationRun, base: string): string {
  const taken = (label: string) =>
    data.keys.some(
      (k) =>
        isLive(k) && k.accountId === run.accountId && k.label === label && k.id !== run.newKeyId,
    );
  let label = `${base.slice(0, 57)}-new`;
  for (let i = 2; taken(label); i++) label = `${base.slice(0, 57)}-new-${i}`;
  return label;
}

/** Revokes the new key; returns the 401 proof, or null when only unheld server keys existed. */
async function revokeNew(
  deps: RotationDeps,
  data: StoreData,
  run: RotationRun,
  account: Account,
  client: ApexClient,
): Promise<{ status: 401; checkedAt: string } | null> {
  const fresh = data.keys.find((k) => k.id === run.newKeyId);
  if (fresh) {
    const secret = await deps.vault.get(fresh.id);
    await proveRevoked(deps, client, account, fresh, secret, () =>
      checkpoint(deps, 'abort:deleted'),
    );
    return { status: 401, checkedAt: deps.clock.now().toISOString() };
  }
  // Interrupted at generate: whatever the server made under the reserved label goes.
  const acct = await accountKey(deps, account);
  const made = (await client.listKeys(acct)).filter((k) => k.label === run.pendingLabel);
  await deleteServerKeys(client, acct, made);
  await checkpoint(deps, 'abort:deleted');
  return null;
}

export async function abortRotation(
  deps: RotationDeps,
  ref: RotationRef,
  opts: AbortOptions,
): Promise<RotationView> {
  const data = await deps.store.read();
  const run = requireRun(data, ref);
  const guard = (r: RotationRun, d: StoreData) =>
    abortCheck(r, opts.choice, contextOf(d, r)) ?? (r.step === 'generate' ? generateBusy(r) : null);
  refuse(guard(run, data));
  const anyway = Boolean(opts.revokeUnrestored);
  const secrets = opts.choice === 'revoke-new' ? await restoreSecrets(deps, data, run) : null;
  // Refused before the abort is recorded: the run stays as it was and the new key unrevoked.
  if (secrets) await checkRestorable(deps, run, secrets.oldSecret, secrets.newSecret, anyway);
  if (!run.abort) {
    await transition(deps, run.id, guard, (r, _d, now) => {
      r.abort = {
        requestedAt: now,
        choice: opts.choice,
        proof: null,
        keptLabel: null,
        completedAt: null,
      };
    });
    await checkpoint(deps, 'abort:begun');
  }
  if (secrets) {
    const restored = await restoreFiles(deps, run, secrets.oldSecret, secrets.newSecret, anyway);
    // Recorded before the revocation: a rerun after a crash still reports these as restored.
    await transition(deps, run.id, always, (r) => {
      if (r.abort) r.abort.restored = restored;
    });
    await checkpoint(deps, 'abort:restored');
  }
  const account = accountById(data, run.accountId);
  const proof =
    opts.choice === 'revoke-new'
      ? await revokeNew(deps, data, run, account, deps.clientFor(account))
      : null;
  const stored = contextOf(data, run).newStored;
  await transition(deps, run.id, guard, (r, d, now) => {
    const fresh = d.keys.find((k) => k.id === r.newKeyId);
    const old = d.keys.find((k) => k.id === r.oldKeyId);
    let kept: string | null = null;
    if (fresh && opts.choice === 'revoke-new') {
      fresh.status = 'revoked';
      fresh.revokedAt = proof?.checkedAt ?? now;
    } else if (fresh) {
      kept = freeLabel(d, r, old?.label ?? fresh.label);
      fresh.label = kept;
      fresh.status = 'active';
      if (opts.choice === 'dashboard')
        fresh.notes = `Rotation ${r.id} was aborted: revoke this key in the dashboard at ${account.dashboardUrl}, then record the revocation in this app.`;
    }
    if (r.abort) Object.assign(r.abort, { proof, keptLabel: kept, completedAt: now });
    r.generate.owner = null;
    r.step = 'aborted';
  });
  await checkpoint(deps, 'abort:recorded');
  // A revoked or never-recorded new key's secret is of no use to anyone.
  if (opts.choice === 'revoke-new' || !stored)
    await deps.vault.delete(run.newKeyId).catch(() => false);
  await checkpoint(deps, 'abort:done');
  return settle(deps, run.id);
}
