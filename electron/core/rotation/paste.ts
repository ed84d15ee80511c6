// Dashboard mode: the new key is created in the dashboard and pasted. The paste is checked for
// shape and against the keys already stored before it is sent anywhere.
import { AppError } from '../../../shared/errors.ts';
import { describeStep, type RotationRun } from '../../../shared/rotation.ts';
import { secretProblem } from '../../../shared/input-rules.ts';
import type { StoreData } from '../../../shared/schemas.ts';
import { fingerprint } from '../fingerprint.ts';
import { isLive } from '../key-records.ts';
import { RotationRefused } from './lookup.ts';

export function checkPasted(data: StoreData, oldKeyId: string, pasted: string): void {
  const problem = secretProblem(pasted);
  if (problem) throw new AppError('BAD_INPUT', problem);
  const fp = fingerprint(pasted);
  const same = data.keys.find((k) => isLive(k) && k.fingerprint === fp);
  if (same?.id === oldKeyId)
    throw new AppError(
      'BAD_INPUT',
      'That is the old key itself; create a new key in the dashboard and paste that one.',
    );
  if (same)
    throw new AppError(
      'DUPLICATE',
      `That key is already stored as "${same.label}"; create a new key in the dashboard for the rotation.`,
    );
}

export function pasteNeeded(dashboardUrl: string, run: RotationRun | null): RotationRefused {
  const at = run ? `Refused at ${describeStep(run.step)} of rotation ${run.id}: ` : '';
  return new RotationRefused(
    'paste-needed',
    `${at}dashboard mode: create the new key in the dashboard at ${dashboardUrl} (Settings → API Keys) and paste it (the CLI reads it on stdin).`,
  );
}
