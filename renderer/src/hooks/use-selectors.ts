// Small selectors the components share.
import type { AccountView, KeyView, VerifyResult } from '../../../shared/views.ts';
import { useAppState } from '../state/context.ts';
import { selectOffline } from '../state/status-slice.ts';

export const useKey = (id: string | null): KeyView | undefined =>
  useAppState((s) => (id === null ? undefined : s.keys.find((k) => k.id === id)));

export const useAccount = (id: string | undefined): AccountView | undefined =>
  useAppState((s) => s.accounts.find((a) => a.id === id));

export const useOffline = (): boolean => useAppState(selectOffline);

export const usePending = (name: string): boolean => useAppState((s) => s.pending[name] === true);

/**
 * The row's latest outcome, or "checking" while Verify all has not reached it. Only what is
 * still true is shown: a check from before the key was enabled or disabled is stale, and a
 * disabled key can only be rejected, so an older "Verified" beside "Disabled" is never shown.
 */
export function useRowOutcome(key: KeyView): VerifyResult['status'] | 'checking' | null {
  return useAppState((s) => {
    const fresh = s.verifyResults[key.id];
    if (fresh) return fresh.status;
    if (s.job?.state === 'running' && key.status !== 'revoked') return 'checking';
    const last = key.lastVerification;
    if (!last) return null;
    const changed = s.statusChangedAt[key.id];
    if (changed !== undefined && Date.parse(last.at) < changed) return null;
    if (key.status === 'disabled' && last.outcome !== 'unauthorized') return null;
    return last.outcome;
  });
}
