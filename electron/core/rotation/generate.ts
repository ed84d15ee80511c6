// Step 1: the new key. Its keychain entry id and its label were recorded when the run started,
// so an interrupted generate is repeated safely: a secret already in the keychain is used as it
// is, and a server key whose secret never reached the keychain (the process died between the
// server's answer and the keychain write) is revoked before another is made, so the run never
// holds two live new keys. The record (status pending) is written only after the keychain has
// the secret, and the step is confirmed only once the key answered 200.
import { AppError } from '../../../shared/errors.ts';
import type { CheckEvidence, RotationRun } from '../../../shared/rotation.ts';
import { maskedHint } from '../../../shared/input-rules.ts';
import type { Account, KeyRecord, StoreData } from '../../../shared/schemas.ts';
import { accountById, accountKey } from '../accounts.ts';
import type { ApexClient, RemoteKey } from '../apexverify/index.ts';
import { fingerprint } from '../fingerprint.ts';
import { noteAppCalls } from '../app-calls.ts';
import { callOf, checkKeyEvidence, secretOrNull, toVerification } from './check.ts';
import { checkpoint, processAlive, type RotationDeps } from './deps.ts';
import { keyById, runById, transition } from './run-store.ts';
import { busyRefusal, generateCheck, refuse, type Refusal } from './guards.ts';
import { checkPasted, pasteNeeded } from './paste.ts';

/** Runs this process is generating right now (a double click must not create two keys). */
const generating = new Set<string>();

/** Another live process (or this one, already) is generating for the run. */
export function generateBusy(run: RotationRun): Refusal | null {
  const owner = run.generate.owner;
  if (generating.has(run.id)) return busyRefusal(run, process.pid);
  if (owner && owner.pid !== process.pid && processAlive(owner.pid))
    return busyRefusal(run, owner.pid);
  return null;
}

/** Resuming generate: the run is still there, and nobody else is at it. */
export const generateGuard = (run: RotationRun): Refusal | null =>
  generateBusy(run) ?? generateCheck(run);

/** Revokes these server keys; one already gone (404) counts as revoked. */
export async function deleteServerKeys(
  client: ApexClient,
  accountSecret: string,
  keys: RemoteKey[],
): Promise<void> {
  for (const k of keys)
    await client.deleteKey(accountSecret, k.id).catch((e: unknown) => {
      if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
    });
}

interface Obtained {
  secret: string;
  remote: RemoteKey | null;
  check: CheckEvidence | null;
}

async function obtainFromServer(
  deps: RotationDeps,
  run: RotationRun,
  account: Account,
  client: ApexClient,
): Promise<Obtained> {
  const acct = await accountKey(deps, account);
  const mine = (await client.listKeys(acct)).filter((k) => k.label === run.pendingLabel);
  const held = await secretOrNull(deps, run.newKeyId);
  if (held && mine.length === 1) return { secret: held, remote: mine[0] as RemoteKey, check: null };
  if (held && mine.length > 1)
    throw new AppError(
      'INTERNAL',
      `Several server keys carry the label "${run.pendingLabel}"; revoke the extra ones at ${account.dashboardUrl}, then start again.`,
    );
  // A held secret whose server key is gone is useless; server keys nobody holds are a liability.
  if (held) await deps.vault.delete(run.newKeyId);
  await deleteServerKeys(client, acct, mine);
  if (mine.length > 0) {
    await transition(deps, run.id, generateCheck, (r) => {
      r.generate.orphansRevoked += mine.length;
    });
    await checkpoint(deps, 'generate:orphans-revoked');
  }
  const created = await client.createKey(acct, run.pendingLabel);
  await checkpoint(deps, 'generate:created');
  try {
    await deps.vault.set(run.newKeyId, created.secret);
  } catch (e) {
    // Shown once and not kept: a key nobody holds must not stay live.
    await client.deleteKey(acct, created.key.id).catch(() => undefined);
    throw e;
  }
  await checkpoint(deps, 'generate:vaulted');
  return { secret: created.secret, remote: created.key, check: null };
}

/** Dashboard mode: the pasted key, verified before it reaches the keychain. */
async function obtainPasted(
  deps: RotationDeps,
  run: RotationRun,
  account: Account,
  client: ApexClient,
  pasted: string | undefined,
): Promise<Obtained> {
  const held = await secretOrNull(deps, run.newKeyId);
  if (held && fingerprint(held) === run.generate.fingerprint && pasted === undefined)
    return { secret: held, remote: null, check: null };
  if (pasted === undefined) throw pasteNeeded(account.dashboardUrl, run);
  checkPasted(await deps.store.read(), run.oldKeyId, pasted);
  const fp = fingerprint(pasted);
  if (run.generate.fingerprint !== fp)
    await transition(deps, run.id, generateCheck, (r) => void (r.generate.fingerprint = fp));
  const check = await checkKeyEvidence(deps, client, pasted);
  await checkpoint(deps, 'generate:checked');
  if (check.outcome !== 'ok') {
    await transition(deps, run.id, generateCheck, (r) => void (r.generate.check = check));
    throw new AppError(
      check.outcome === 'unauthorized' ? 'UNAUTHORIZED' : 'NETWORK',
      check.outcome === 'unauthorized'
        ? 'The pasted key answered 401 (invalid, disabled or revoked); it was not stored. Paste the key the dashboard showed.'
        : `The pasted key could not be checked (${check.errorCode}); it was not stored. Try again when the server answers.`,
    );
  }
  await deps.vault.set(run.newKeyId, pasted);
  await checkpoint(deps, 'generate:vaulted');
  return { secret: pasted, remote: null, check };
}

function newRecord(data: StoreData, run: RotationRun, got: Obtained, now: string): KeyRecord {
  const old = keyById(data, run.oldKeyId);
  return {
    id: run.newKeyId,
    accountId: run.accountId,
    remoteId: got.remote?.id ?? null,
    label: run.pendingLabel,
    environment: old.environment,
    service: old.service,
    owner: old.owner,
    notes: '',
    createdAt: got.remote?.created_at ?? now,
    lastUsedAt: got.remote?.last_used_at ?? null,
    lastVerification: null,
    status: 'pending',
    rotationPeriodDays: old.rotationPeriodDays,
    fingerprint: fingerprint(got.secret),
    hint: maskedHint(got.secret),
    revokedAt: null,
    custody: 'local',
    locations: [],
  };
}

/** Records a check of the new key; a 200 confirms the step. */
function applyCheck(run: RotationRun, data: StoreData, check: CheckEvidence, now: string): void {
  run.generate.check = check;
  const key = keyById(data, run.newKeyId);
  key.lastVerification = toVerification(check);
  noteAppCalls(key, [callOf(check)]);
  if (check.outcome !== 'ok') return;
  run.generate.confirmedAt = now;
  run.generate.owner = null;
  run.step = 'deploy';
}

/** The caller has claimed the run (generate.owner is this process). */
export async function generate(
  deps: RotationDeps,
  runId: string,
  pasted: string | undefined,
): Promise<void> {
  if (generating.has(runId))
    refuse(busyRefusal(runById(await deps.store.read(), runId), process.pid));
  generating.add(runId);
  try {
    const data = await deps.store.read();
    const run = runById(data, runId);
    const account = accountById(data, run.accountId);
    const client = deps.clientFor(account);
    let secret: string;
    let check = run.generate.check?.outcome === 'ok' ? run.generate.check : null;
    if (!run.generate.storedAt) {
      const got =
        run.mode === 'api'
          ? await obtainFromServer(deps, run, account, client)
          : await obtainPasted(deps, run, account, client, pasted);
      await transition(deps, runId, generateCheck, (r, d, now) => {
        if (!d.keys.some((k) => k.id === r.newKeyId)) d.keys.push(newRecord(d, r, got, now));
        r.generate.storedAt = now;
        r.generate.remoteId = got.remote?.id ?? null;
        if (got.check) applyCheck(r, d, got.check, now);
      });
      await checkpoint(deps, 'generate:stored');
      secret = got.secret;
      check = got.check;
    } else secret = await deps.vault.get(run.newKeyId);
    if (!check) {
      const fresh = await checkKeyEvidence(deps, client, secret);
      await checkpoint(deps, 'generate:checked');
      await transition(deps, runId, generateCheck, (r, d, now) => applyCheck(r, d, fresh, now));
    }
    await checkpoint(deps, 'generate:done');
  } finally {
    generating.delete(runId);
  }
}
