// A run as the window and `rotate status` show it: pure over the store data.
import { stepNumber, ROTATION_STEPS, type RotationRun } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import type { StoreData } from '../../../shared/schemas.ts';
import { accountById } from '../accounts.ts';
import type { CoreDeps } from '../deps.ts';
import { toView } from '../key-records.ts';
import { findRun, type RotationRef } from './lookup.ts';
import { runById } from './run-store.ts';
import {
  abortCheck,
  abortChoices,
  deployCheck,
  finishCheck,
  generateCheck,
  verifyCheck,
  type Refusal,
} from './guards.ts';
import { syncStepAudit } from './step-audit.ts';
import { heldNotice, heldViewOf, knownRecipients } from './held.ts';

const state = (r: Refusal | null) => ({ allowed: r === null, reason: r?.message ?? null });

// "45 s", "12 min": how long before a check something happened. Measured from the check, not from
// now, so the message never goes stale where it is shown; never a raw timestamp (the window shows
// these messages as they are; the CLI's --json keeps the times).
const gap = (iso: string, until: string): string => {
  const sec = Math.max(0, Math.round((Date.parse(until) - Date.parse(iso)) / 1000));
  return sec < 60 ? `${sec} s` : `${Math.round(sec / 60)} min`;
};

function noticeOf(run: RotationRun, data: StoreData, dashboardUrl: string) {
  const old = data.keys.find((k) => k.id === run.oldKeyId);
  const label = old?.label ?? 'the old key';
  const g = run.generate;
  const held = run.abort && !run.abort.completedAt ? null : heldNotice(run, label);
  if (held) return held;
  if (run.abort && !run.abort.completedAt)
    return `The abort (${run.abort.choice}) is not complete; abort again to finish it.`;
  if (run.step === 'aborted' && run.abort?.choice === 'dashboard')
    return run.abort.keptLabel
      ? `Revoke the new key "${run.abort.keptLabel}" in the dashboard at ${dashboardUrl} (Settings → API Keys), then record the revocation in this app.`
      : `If you created a key in the dashboard for this rotation, revoke it there (${dashboardUrl}).`;
  if (run.step === 'generate' && !g.storedAt)
    return run.mode === 'dashboard'
      ? `Create the new key in the dashboard at ${dashboardUrl} (Settings → API Keys) and paste it to finish generating.`
      : 'Generating the new key was interrupted; start again to resume it (no second key is made).';
  if (run.step === 'generate' && g.check?.outcome !== 'ok')
    return `The new key has not answered 200 yet (last check: ${g.check?.outcome ?? 'none'}); start again to verify it.`;
  const v = run.verify;
  if (run.step === 'verify' && v && v.check.outcome !== 'ok')
    return `The new key's last check ${v.check.outcome === 'unauthorized' ? 'answered 401 Unauthorized' : 'could not be completed'}: fix the deployment and verify again.`;
  if (run.step === 'verify' && v?.recentUse && v.lastUsed?.old)
    return `The old key "${label}" was used ${gap(v.lastUsed.old, v.lastUsed.listedAt)} before the check, within the last ${data.settings.recentUseWindowMin} min: traffic may not have moved yet. Confirm a second time to go on anyway.`;
  const r = run.revoke;
  if (run.step === 'revoke' && r && !r.completedAt && r.lastCheck)
    return run.mode === 'dashboard' || !old?.remoteId
      ? `Waiting for "${label}" to answer 401: revoke it in the dashboard at ${dashboardUrl} (Settings → API Keys, the trash icon), then finish again. It still answered ${r.lastCheck.status} at the last check.`
      : `The server accepted the revocation but "${label}" still answered ${r.lastCheck.status} at the last check; finish again in a minute.`;
  return null;
}

/** `recipients`: a held key's holder recipients known from the audit trail (held.ts). */
export function toRotationView(
  data: StoreData,
  run: RotationRun,
  recipients: string[] = [],
): RotationView {
  const account = accountById(data, run.accountId);
  const oldRec = data.keys.find((k) => k.id === run.oldKeyId);
  const newRec = data.keys.find((k) => k.id === run.newKeyId);
  const ctx = { newStored: Boolean(newRec), newLinked: Boolean(newRec?.remoteId) };
  const choices = abortChoices(run, ctx);
  const abortWhy = choices.length ? null : abortCheck(run, 'dashboard', ctx);
  const label = oldRec?.label ?? '';
  return {
    runId: run.id,
    account: account.name,
    accountId: account.id,
    mode: run.mode,
    dashboardUrl: account.dashboardUrl,
    step: run.step,
    stepNumber: stepNumber(run.step),
    stepCount: ROTATION_STEPS.length,
    open: stepNumber(run.step) !== null,
    startedAt: run.startedAt,
    updatedAt: run.updatedAt,
    oldKey: oldRec ? toView(data, oldRec) : null,
    newKey: newRec ? toView(data, newRec) : null,
    evidence: {
      generate: run.generate,
      deploy: run.deploy,
      verify: run.verify,
      revoke: run.revoke,
      abort: run.abort,
      ...(run.locationCheck ? { locationCheck: run.locationCheck } : {}),
    },
    actions: {
      generate: state(generateCheck(run)),
      deployed: state(deployCheck(run)),
      verify: state(verifyCheck(run)),
      finish: state(finishCheck(run, label, label)),
      abort: { ...state(abortWhy), choices },
    },
    notice: noticeOf(run, data, account.dashboardUrl),
    ...(run.held ? { held: heldViewOf(run, recipients) } : {}),
  };
}

/**
 * The key's open run, else its latest one; null when the key was never rotated. Looking also
 * writes a completed step's audit event that a crash kept from the trail.
 */
export async function getRotation(deps: CoreDeps, ref: RotationRef): Promise<RotationView | null> {
  const run = findRun(await deps.store.read(), ref);
  return run ? settle(deps, run.id) : null;
}

export async function listOpenRotations(deps: CoreDeps): Promise<RotationView[]> {
  const data = await deps.store.read();
  const open = data.rotations.filter((r) => stepNumber(r.step) !== null);
  return Promise.all(
    open.map(async (r) => toRotationView(data, r, await knownRecipients(deps, r))),
  );
}

/**
 * What every rotation function ends with: the audit catches up with the completed steps, and
 * the run is shaped from a fresh read.
 */
export async function settle(deps: CoreDeps, runId: string): Promise<RotationView> {
  const data = await deps.store.read();
  await syncStepAudit(deps, data, runId);
  const run = runById(data, runId);
  return toRotationView(data, run, await knownRecipients(deps, run));
}
