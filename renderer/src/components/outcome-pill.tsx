// The latest verification of a key, as shown in its row.
import type { VerifyResult } from '../../../shared/views.ts';

/**
 * queued: waiting for its turn in the running Verify all; checking: being checked now; skipped:
 * left out of the running or last Verify all (its account is offline, say).
 */
export type Outcome = VerifyResult['status'] | 'queued' | 'checking' | 'skipped';

export const OUTCOME_TEXT: Record<Outcome, string> = {
  ok: 'Verified',
  unauthorized: 'Rejected (401)',
  error: 'Check failed',
  queued: 'Queued',
  checking: 'Checking…',
  skipped: 'Skipped',
};

export function OutcomePill({ outcome, why }: { outcome: Outcome | null; why?: string | null }) {
  if (outcome === null) return null;
  return (
    <span className={`pill pill--outcome-${outcome}`} title={why ?? undefined}>
      {OUTCOME_TEXT[outcome]}
    </span>
  );
}
