// The latest verification of a key, as shown in its row.
import type { VerifyResult } from '../../../shared/views.ts';

export type Outcome = VerifyResult['status'] | 'checking';

export const OUTCOME_TEXT: Record<Outcome, string> = {
  ok: 'Verified',
  unauthorized: 'Rejected (401)',
  error: 'Check failed',
  checking: 'Checking…',
};

export function OutcomePill({ outcome }: { outcome: Outcome | null }) {
  if (outcome === null) return null;
  return <span className={`pill pill--outcome-${outcome}`}>{OUTCOME_TEXT[outcome]}</span>;
}
