// Starting a rotation: one run per key. The run is written (with the new key's keychain id and
// label reserved) before anything reaches a server; starting again while the run is still at
// generate resumes that generate instead of making a second run or a second key.
import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.ts';
import type { RotationRun } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import type { Account, KeyRecord, StoreData } from '../../../shared/schemas.ts';
import { resolveKey, type KeyRef } from '../key-records.ts';
import type { CoreDeps } from '../deps.ts';
import { checkpoint, type RotationDeps } from './deps.ts';
import { generate, generateGuard } from './generate.ts';
import { openRunOf, RotationRefused } from './lookup.ts';
import { checkPasted, pasteNeeded } from './paste.ts';
import { refuse } from './guards.ts';
import { refuseRemoteOnly } from '../remote-only.ts';
import { checkHeldStartable, heldAtStart } from './held.ts';
import { transition } from './run-store.ts';
import { settle } from './view.ts';

export interface StartOptions {
  /** Dashboard mode: the key the user created in the dashboard and pasted. */
  newSecret?: string;
}

/** Why this key cannot be rotated at all, checked before a run exists. */
function checkStartable(key: KeyRecord, account: Account): void {
  if (key.status !== 'active')
    throw new RotationRefused(
      'key-must-be-active',
      `"${key.label}" is ${key.status}; only an active key can be rotated.`,
    );
  if (key.fingerprint === account.keyFingerprint)
    throw new RotationRefused(
      'not-the-account-key',
      `"${key.label}" is the key this app uses for account "${account.name}", and a rotation must not call the API with the old key; add the account again with another key first.`,
    );
}

/** The key's open run, when starting means resuming its generate; throws when it may not. */
function resumable(data: StoreData, key: KeyRecord): RotationRun | null {
  const open = openRunOf(data, key.id);
  if (open && open.oldKeyId !== key.id)
    throw new RotationRefused(
      'one-run-per-key',
      `"${key.label}" is the new key of rotation ${open.id}; finish or abort that rotation first.`,
    );
  if (open) refuse(generateGuard(open));
  return open;
}

function newRun(key: KeyRecord, account: Account, now: string): RotationRun {
  return {
    id: `rot_${randomUUID()}`,
    accountId: account.id,
    mode: account.mode,
    oldKeyId: key.id,
    newKeyId: `key_${randomUUID()}`,
    // A label no other key has, so a resumed generate can find its server key by it.
    pendingLabel: `${key.label.slice(0, 54)}-r${randomBytes(4).toString('hex')}`,
    step: 'generate',
    startedAt: now,
    updatedAt: now,
    generate: {
      owner: { pid: process.pid, at: now },
      fingerprint: null,
      remoteId: null,
      storedAt: null,
      check: null,
      orphansRevoked: 0,
      confirmedAt: null,
    },
    envFilesReplaced: [],
    deploy: null,
    verify: null,
    revoke: null,
    abort: null,
    ...(key.custody === 'held' ? { held: heldAtStart(key) } : {}),
  };
}

export async function startRotation(
  deps: RotationDeps,
  ref: KeyRef,
  opts: StartOptions = {},
): Promise<RotationView> {
  const data = await deps.store.read();
  const { key, account } = resolveKey(data, ref);
  const open = resumable(data, key);
  // Deploying and finishing hand out and revoke the old key: a key not captured has no secret. A
  // key held by a teammate has none either, and is rotated in API mode only (held.ts).
  if (!open && key.custody === 'held') checkHeldStartable(key, account);
  else if (!open) refuseRemoteOnly(key);
  if (!open) checkStartable(key, account);
  const mode = open?.mode ?? account.mode;
  if (mode === 'api' && opts.newSecret !== undefined)
    throw new AppError(
      'WRONG_MODE',
      `Account "${account.name}" is in API mode: the rotation generates the new key itself; nothing is pasted.`,
    );
  let runId: string;
  if (open) {
    runId = open.id;
    await transition(deps, runId, generateGuard, (r, _d, now) => {
      r.generate.owner = { pid: process.pid, at: now };
    });
  } else {
    if (mode === 'dashboard' && opts.newSecret === undefined)
      throw pasteNeeded(account.dashboardUrl, null);
    if (opts.newSecret !== undefined) checkPasted(data, key.id, opts.newSecret);
    runId = await deps.store.update((d) => {
      const { key: k, account: a } = resolveKey(d, { id: key.id });
      // Re-checked under the lock: another process may have started a run meanwhile.
      const taken = openRunOf(d, k.id);
      if (taken)
        throw new RotationRefused(
          'one-run-per-key',
          `Another process has just started rotation ${taken.id} of "${k.label}"; one run per key at a time.`,
        );
      checkStartable(k, a);
      if (k.custody === 'held') checkHeldStartable(k, a);
      const run = newRun(k, a, deps.clock.now().toISOString());
      d.rotations.push(run);
      return run.id;
    });
  }
  await checkpoint(deps, 'generate:claimed');
  await generate(deps, runId, opts.newSecret);
  return settle(deps, runId);
}

/** Whether starting (or resuming) this key's rotation needs a pasted key: the CLI reads stdin. */
export async function pastedKeyNeeded(deps: CoreDeps, ref: KeyRef): Promise<boolean> {
  const data = await deps.store.read();
  const { key, account } = resolveKey(data, ref);
  const open = openRunOf(data, key.id);
  if ((open?.mode ?? account.mode) !== 'dashboard') return false;
  return !open || (open.step === 'generate' && open.generate.storedAt === null);
}
