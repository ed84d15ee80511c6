// Step 3: the new key must answer 200 after the deployment was confirmed; in API mode both keys'
// last use is read from the server listing, made with the ACCOUNT key, never the old key, so
// the listing cannot make the old key look used (or unused), and a last use that is only one of
// the app's own earlier calls with a key (a Verify before the run, app-calls.ts) is not counted
// as traffic. While the old key was used by anything else within the recent-use window,
// confirming takes a second, explicit confirmation.
import type { LastUsedEvidence, RotationRun } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import type { Account, StoreData } from '../../../shared/schemas.ts';
import { accountById, accountKey } from '../accounts.ts';
import type { ApexClient } from '../apexverify/index.ts';
import { isAppsOwnUse, noteAppCalls } from '../app-calls.ts';
import { callOf, checkKeyEvidence, toVerification } from './check.ts';
import { checkpoint, type RotationDeps } from './deps.ts';
import { requireRun, type RotationRef } from './lookup.ts';
import { refuse, verifiedAfterDeploy, verifyCheck } from './guards.ts';
import { keyById, transition } from './run-store.ts';
import { settle } from './view.ts';

export interface VerifyOptions {
  /** The second confirmation: go on although the old key was used recently. */
  acceptRecentUse?: boolean;
}

async function lastUse(
  deps: RotationDeps,
  data: StoreData,
  run: RotationRun,
  account: Account,
  client: ApexClient,
): Promise<LastUsedEvidence> {
  const listed = await client.listKeys(await accountKey(deps, account));
  const old = keyById(data, run.oldKeyId);
  const fresh = keyById(data, run.newKeyId);
  const oldRemote = old.remoteId ? listed.find((k) => k.id === old.remoteId) : undefined;
  const newRemote = fresh.remoteId ? listed.find((k) => k.id === fresh.remoteId) : undefined;
  const oldUse = oldRemote?.last_used_at ?? null;
  const newUse = newRemote?.last_used_at ?? null;
  return {
    listedAt: deps.clock.now().toISOString(),
    old: oldUse,
    new: newUse,
    oldListed: oldRemote !== undefined,
    oldByApp: isAppsOwnUse(oldUse, old.appCalls),
    newByApp: isAppsOwnUse(newUse, fresh.appCalls),
  };
}

export async function verifyNewKey(
  deps: RotationDeps,
  ref: RotationRef,
  opts: VerifyOptions = {},
): Promise<RotationView> {
  const data = await deps.store.read();
  const run = requireRun(data, ref);
  refuse(verifyCheck(run));
  const account = accountById(data, run.accountId);
  const client = deps.clientFor(account);
  const secret = await deps.vault.get(run.newKeyId);
  // Listed before the check, so the new key's last use is the deployment's, not this check's.
  const lastUsed = run.mode === 'api' ? await lastUse(deps, data, run, account, client) : null;
  await checkpoint(deps, 'verify:listed');
  const check = await checkKeyEvidence(deps, client, secret);
  await checkpoint(deps, 'verify:checked');
  const windowMs = data.settings.recentUseWindowMin * 60_000;
  const recentUse =
    lastUsed?.old != null &&
    lastUsed.oldByApp !== true &&
    Date.parse(check.at) - Date.parse(lastUsed.old) < windowMs;
  await transition(deps, run.id, verifyCheck, (r, d, now) => {
    r.verify = {
      check,
      lastUsed,
      recentUse,
      acceptedRecentUse: recentUse && opts.acceptRecentUse === true,
      confirmedAt: null,
    };
    const newKey = keyById(d, r.newKeyId);
    newKey.lastVerification = toVerification(check);
    noteAppCalls(newKey, [callOf(check)]);
    if (lastUsed) {
      if (lastUsed.oldListed) keyById(d, r.oldKeyId).lastUsedAt = lastUsed.old;
      if (lastUsed.new !== null) keyById(d, r.newKeyId).lastUsedAt = lastUsed.new;
    }
    if (recentUse && !opts.acceptRecentUse) return;
    r.verify.confirmedAt = now;
    // Confirmed only for a 200 made after the deployment was confirmed.
    if (!verifiedAfterDeploy(r)) r.verify.confirmedAt = null;
    else r.step = 'revoke';
  });
  await checkpoint(deps, 'verify:done');
  return settle(deps, run.id);
}
