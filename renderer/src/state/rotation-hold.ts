// The two rotation refusals that name files (issue 12): finish while a known location still
// holds the old key, and an abort that cannot give a changed file the old key back. The core
// sends them as one REFUSED error naming the rule, with the files it concerns as a list
// (ErrorInfo.files); the window shows them and asks for a second, explicit confirmation.
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { RotationRule } from '../../../shared/rotation.ts';

export interface HeldFile {
  path: string;
  /** old-key-still-deployed: the variable holding the old key. */
  variable: string | null;
  /** locations-not-restored: why the old key could not be written back. */
  reason: string | null;
}

export interface RotationHold {
  rule: Extract<RotationRule, 'old-key-still-deployed' | 'locations-not-restored'>;
  files: HeldFile[];
}

/** The refusal as a hold, or null for any other error (shown as an ordinary alert). */
export function holdOf(error: ErrorInfo): RotationHold | null {
  if (error.code !== 'REFUSED') return null;
  const rule = error.rule;
  if (rule !== 'old-key-still-deployed' && rule !== 'locations-not-restored') return null;
  const files = (error.files ?? []).map((f) => ({
    path: f.path,
    variable: f.variable ?? null,
    reason: f.reason ?? null,
  }));
  return { rule, files };
}
