// Small selectors the components share.
import type { AccountView, KeyView, VerifyResult } from '../../../shared/views.ts';
import { accountOfflineReason, OFFLINE_REASON } from '../lib/offline.ts';
import { useAppState } from '../state/context.ts';
import { selectOffline, selectUnreachable } from '../state/status-slice.ts';

export const useKey = (id: string | null): KeyView | undefined =>
  useAppState((s) => (id === null ? undefined : s.keys.find((k) => k.id === id)));

export const useAccount = (id: string | undefined): AccountView | undefined =>
  useAppState((s) => s.accounts.find((a) => a.id === id));

/** No account's server can be reached (with one account: that one cannot). */
export const useOffline = (): boolean => useAppState(selectOffline);

/**
 * Why this account's network actions are unavailable (its server cannot be reached, naming the
 * account), or null while it can be: other accounts' keys keep working.
 */
export const useAccountOffline = (accountId: string | undefined): string | null =>
  useAppState((s) => {
    if (accountId === undefined) return null;
    const down = selectUnreachable(s).find((a) => a.accountId === accountId);
    if (down) return accountOfflineReason(down);
    // A check that did not say which account: every one waits.
    return s.connection?.online === false && !s.connection.accounts ? OFFLINE_REASON : null;
  });

/**
 * For Verify all while some accounts answer and others do not: which accounts' keys cannot be
 * checked now (named), or null when every account that was checked can be reached.
 */
export const useVerifyAllNote = (): string | null =>
  useAppState((s) => {
    const names = selectUnreachable(s).map((a) => `“${a.name}”`);
    if (names.length === 0) return null;
    const which = names.length === 1 ? `account ${names[0]}` : `accounts ${names.join(', ')}`;
    return `The keys of ${which} cannot be verified now: ApexVerify cannot be reached for ${names.length === 1 ? 'it' : 'them'}. Try again from the banner.`;
  });

/** Why the running or last Verify all left this key out ("account “x” is offline"), or null. */
export const useSkipReason = (keyId: string): string | null =>
  useAppState((s) => s.job?.skipped.find((k) => k.keyId === keyId)?.reason ?? null);

export const usePending = (name: string): boolean => useAppState((s) => s.pending[name] === true);

/**
 * The row's latest outcome, or, while Verify all has not answered it, "queued" (waiting for its
 * turn) or "checking" (a worker is on it). Only what is still true is shown: a check from before
 * the key was enabled or disabled is stale, and a disabled key can only be rejected, so an older
 * "Verified" beside "Disabled" is never shown.
 */
export function useRowOutcome(
  key: KeyView,
): VerifyResult['status'] | 'queued' | 'checking' | 'skipped' | null {
  return useAppState((s) => {
    const fresh = s.verifyResults[key.id];
    if (fresh) return fresh.status;
    const job = s.job;
    if (job?.skipped.some((k) => k.keyId === key.id)) return 'skipped';
    if (job?.state === 'running' && key.status !== 'revoked') {
      // A view that says nothing of its queue: every key not answered yet is being checked.
      if (job.queued === undefined || job.checking?.includes(key.id)) return 'checking';
      // Until the run has chosen its keys (its pace is then known), every live key waits.
      if (job.queued.includes(key.id) || !job.pacing) return 'queued';
      // Not in this run (not on this device, say): its last check stands.
    }
    const last = key.lastVerification;
    if (!last) return null;
    const changed = s.statusChangedAt[key.id];
    if (changed !== undefined && Date.parse(last.at) < changed) return null;
    if (key.status === 'disabled' && last.outcome !== 'unauthorized') return null;
    return last.outcome;
  });
}
