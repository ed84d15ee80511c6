// Abort with revoke-new, after a deploy: every file the rotation changed that still holds the new
// key gets the old key back (written into the variable, atomically with a backup; never a copy
// of a .bak that may be stale) before the new key is revoked, so the abort cannot leave a file
// holding a revoked key. Idempotent: a rerun after a crash finds the restored files holding the
// old key and leaves them be.
import type { RestoreEvidence, RotationRun } from '../../../shared/rotation.ts';
import { describeStep } from '../../../shared/rotation.ts';
import { AppError } from '../../../shared/errors.ts';
import type { CoreDeps } from '../deps.ts';
import { readEnvTarget } from '../env-file.ts';
import { protectedDirsOf } from '../env-target.ts';
import { envValues, replaceInEnvFiles } from './env-replace.ts';
import { RotationRefused } from './lookup.ts';

/** Every file the rotation changed, once. */
export function changedFiles(run: RotationRun): string[] {
  const all = [...run.envFilesReplaced, ...(run.deploy?.envFiles ?? [])];
  return [...new Set(all.filter((f) => f.changed).map((f) => f.path))];
}

interface Plan {
  path: string;
  /** null: needs the old key written back; otherwise what is already known. */
  done: RestoreEvidence | null;
}

async function planOne(
  deps: CoreDeps,
  path: string,
  oldSecret: string,
  newSecret: string,
): Promise<Plan> {
  try {
    const { text } = await readEnvTarget(path, protectedDirsOf(deps));
    if (text === null)
      return { path, done: { path, outcome: 'left-as-is', reason: 'the file is missing' } };
    const values = [...envValues(text).values()];
    if (values.includes(newSecret)) return { path, done: null };
    if (values.includes(oldSecret))
      return { path, done: { path, outcome: 'holds-old-key', reason: null } };
    return { path, done: { path, outcome: 'left-as-is', reason: 'it holds another value' } };
  } catch (e) {
    const reason = e instanceof AppError ? e.message : 'it cannot be read';
    return { path, done: { path, outcome: 'not-restored', reason } };
  }
}

function refuseUnrestored(run: RotationRun, failed: RestoreEvidence[]): never {
  throw new RotationRefused(
    'locations-not-restored',
    [
      `Refused at ${describeStep(run.step)} of rotation ${run.id}: ${failed.length} file(s) the rotation changed cannot be given the old key back, so the new key was kept (not revoked) to keep them working. Fix the file and abort again, or confirm revoking the new key anyway.`,
      ...failed.map((f) => `${f.path}: not restored (${f.reason ?? 'error'})`),
    ].join('\n'),
    failed.map((f) => ({ path: f.path, reason: f.reason ?? 'error' })),
  );
}

/**
 * Checks every changed file can be restored; refuses (nothing changed) when one cannot, unless
 * `revokeAnyway`. Called before the abort is recorded, so a refusal leaves the run as it was.
 */
export async function checkRestorable(
  deps: CoreDeps,
  run: RotationRun,
  oldSecret: string,
  newSecret: string,
  revokeAnyway: boolean,
): Promise<void> {
  const plans = await Promise.all(
    changedFiles(run).map((p) => planOne(deps, p, oldSecret, newSecret)),
  );
  const failed = plans.flatMap((p) => (p.done?.outcome === 'not-restored' ? [p.done] : []));
  if (failed.length && !revokeAnyway) refuseUnrestored(run, failed);
}

/** Writes the old key back wherever the new key is; returns what happened to each file. */
export async function restoreFiles(
  deps: CoreDeps,
  run: RotationRun,
  oldSecret: string,
  newSecret: string,
  revokeAnyway: boolean,
): Promise<RestoreEvidence[]> {
  const out: RestoreEvidence[] = [];
  for (const path of changedFiles(run)) {
    const plan = await planOne(deps, path, oldSecret, newSecret);
    if (plan.done) {
      // Restored by an earlier, interrupted attempt: still "restored" in the summary.
      const before = run.abort?.restored?.find((x) => x.path === path);
      out.push(before?.outcome === 'restored' ? before : plan.done);
      continue;
    }
    try {
      await replaceInEnvFiles([path], newSecret, oldSecret, protectedDirsOf(deps));
      out.push({ path, outcome: 'restored', reason: null });
    } catch (e) {
      const reason = e instanceof AppError ? e.message : 'it cannot be written';
      out.push({ path, outcome: 'not-restored', reason });
    }
  }
  const failed = out.filter((x) => x.outcome === 'not-restored');
  if (failed.length && !revokeAnyway) refuseUnrestored(run, failed);
  return out;
}
