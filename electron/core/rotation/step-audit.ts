// One audit event per completed step, with its evidence and never a secret. The events are
// derived from the run as stored, and written for every completed step the trail does not hold
// yet: a crash between a transition and its event is made good on the next call, and a resumed
// step never writes its event twice.
import type { RotationRun } from '../../../shared/rotation.ts';
import type { AuditEvent, StoreData } from '../../../shared/schemas.ts';
import type { CoreDeps } from '../deps.ts';
import { recordEvent } from '../audit.ts';

type Detail = NonNullable<AuditEvent['detail']>;

/** The completed steps of a run and their evidence, flattened for the audit line. */
export function stepEvents(run: RotationRun, newFingerprint: string | null): Detail[] {
  const base = { runId: run.id, mode: run.mode };
  const out: Detail[] = [];
  const g = run.generate;
  if (g.confirmedAt)
    out.push({
      ...base,
      step: 'generate',
      confirmedAt: g.confirmedAt,
      newKeyId: run.newKeyId,
      newFingerprint,
      remoteId: g.remoteId,
      checkedAt: g.check?.at ?? null,
      check: g.check?.outcome ?? null,
      emailCredits: g.check?.credits?.email ?? null,
      phoneCredits: g.check?.credits?.phone ?? null,
      orphansRevoked: g.orphansRevoked,
    });
  if (run.deploy)
    out.push({
      ...base,
      step: 'deploy',
      confirmedAt: run.deploy.confirmedAt,
      envFilesChanged: run.deploy.envFiles
        .filter((f) => f.changed)
        .map((f) => f.path)
        .join(','),
      envFilesGitTracked: run.deploy.envFiles
        .filter((f) => f.gitTracked)
        .map((f) => f.path)
        .join(','),
      // A held key (issue 14): the share files written for the holder (paths, never a secret).
      ...(run.held
        ? {
            heldBy: run.held.holder,
            shareFiles: run.held.shares
              .filter((x) => x.writtenAt)
              .map((x) => x.file)
              .join(','),
          }
        : {}),
    });
  const v = run.verify;
  if (v?.confirmedAt)
    out.push({
      ...base,
      step: 'verify',
      confirmedAt: v.confirmedAt,
      checkedAt: v.check.at,
      check: v.check.outcome,
      listedAt: v.lastUsed?.listedAt ?? null,
      oldLastUsedAt: v.lastUsed?.old ?? null,
      newLastUsedAt: v.lastUsed?.new ?? null,
      // Whether each listed last use was only the app's own check (not counted as use).
      oldLastUsedByApp: v.lastUsed?.oldByApp ?? null,
      newLastUsedByApp: v.lastUsed?.newByApp ?? null,
      recentUse: v.recentUse,
      acceptedRecentUse: v.acceptedRecentUse,
    });
  const r = run.revoke;
  if (r?.completedAt)
    out.push({
      ...base,
      step: 'revoke',
      begunAt: r.begunAt,
      confirmedAt: r.completedAt,
      proof: r.proof ? String(r.proof.status) : null,
      proofAt: r.proof?.checkedAt ?? null,
      // A held key: proven by the listing; the new key handed over (its secret removed here).
      ...(run.held
        ? { proofKind: 'unlisted', heldBy: run.held.holder, handedOverAt: run.held.handedOverAt }
        : {}),
    });
  const a = run.abort;
  if (a?.completedAt)
    out.push({
      ...base,
      step: 'aborted',
      confirmedAt: a.completedAt,
      choice: a.choice,
      keptLabel: a.keptLabel,
      proof: a.proof ? String(a.proof.status) : null,
      proofAt: a.proof?.checkedAt ?? null,
    });
  return out;
}

export async function syncStepAudit(deps: CoreDeps, data: StoreData, runId: string): Promise<void> {
  const run = data.rotations.find((r) => r.id === runId);
  const old = run && data.keys.find((k) => k.id === run.oldKeyId);
  if (!run || !old) return;
  const fresh = data.keys.find((k) => k.id === run.newKeyId);
  const wanted = stepEvents(run, fresh?.fingerprint ?? null);
  if (wanted.length === 0) return;
  const logged = new Set(
    (await deps.audit.list({ keyId: old.id }))
      .filter((e) => e.action === 'rotation-step' && e.detail?.runId === run.id)
      .map((e) => e.detail?.step),
  );
  for (const detail of wanted) {
    if (logged.has(detail.step)) continue;
    await recordEvent(deps, {
      action: 'rotation-step',
      keyId: old.id,
      accountId: run.accountId,
      label: old.label,
      fingerprint: old.fingerprint,
      outcome: 'ok',
      detail,
    });
  }
}
