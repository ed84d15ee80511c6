// Finding the run a key belongs to. Also used by the key services, which refuse to touch either
// key of an open run (verify, disable, revoke) so the rotation stays the only way to change them.
import { AppError, type ErrorInfo } from '../../../shared/errors.ts';
import {
  describeStep,
  isOpenStep,
  type RotationRule,
  type RotationRun,
} from '../../../shared/rotation.ts';
import type { KeyRecord, StoreData } from '../../../shared/schemas.ts';
import { resolveKey, type KeyRef } from '../key-records.ts';

/** A refusal by a rotation rule: code REFUSED, and the rule it broke for callers and tests. */
export class RotationRefused extends AppError {
  declare readonly rule: RotationRule;
  constructor(rule: RotationRule, message: string, files?: NonNullable<ErrorInfo['files']>) {
    super('REFUSED', message, files ? { rule, files } : { rule });
  }
}

/** The old key (by label or id), the new key while it is pending, or the run itself. */
export type RotationRef = KeyRef | { runId: string };

export function openRunOf(data: StoreData, keyId: string): RotationRun | null {
  return (
    data.rotations.find(
      (r) => isOpenStep(r.step) && (r.oldKeyId === keyId || r.newKeyId === keyId),
    ) ?? null
  );
}

/** The key's open run, else its latest closed one, else null. */
export function findRun(data: StoreData, ref: RotationRef): RotationRun | null {
  if ('runId' in ref) return data.rotations.find((r) => r.id === ref.runId) ?? null;
  const { key } = resolveKey(data, ref);
  const open = openRunOf(data, key.id);
  if (open) return open;
  const mine = data.rotations.filter((r) => r.oldKeyId === key.id || r.newKeyId === key.id);
  return mine.sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0] ?? null;
}

export function requireRun(data: StoreData, ref: RotationRef): RotationRun {
  const run = findRun(data, ref);
  if (run) return run;
  const name = 'runId' in ref ? `run ${ref.runId}` : `"${'label' in ref ? ref.label : ref.id}"`;
  throw new RotationRefused('no-run', `There is no rotation of ${name}; start one first.`);
}

/** Throws when the key is either key of an open run: `what` is the refused operation. */
export function refuseDuringRun(data: StoreData, key: KeyRecord, what: string): void {
  const run = openRunOf(data, key.id);
  if (!run) return;
  const role = run.oldKeyId === key.id ? 'the old key' : 'the new key';
  throw new RotationRefused(
    'key-in-rotation',
    `Refused: "${key.label}" is ${role} of an open rotation (run ${run.id}, at ${describeStep(run.step)}), so ${what}; finish or abort the rotation instead.`,
  );
}
