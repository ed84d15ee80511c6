// The wizard's shared reads: the run of a key (by its OLD key's id), whether one of its calls is
// running, and why an action cannot be taken now.
import type { ActionState } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { OFFLINE_REASON } from '../lib/offline.ts';
import { useAppState } from '../state/context.ts';
import { rotationBusy } from '../state/rotation-slice.ts';
import { useAccountOffline, useOffline, usePending } from './use-selectors.ts';

export const useRotationView = (keyId: string): RotationView | null =>
  useAppState((s) => s.rotations[keyId] ?? null);

export const useRotationBusy = (keyId: string): boolean => usePending(rotationBusy(keyId));

/** "Rotation in progress, step 3 of 4" for an open run, else null. */
export const useRotationProgress = (keyId: string): string | null =>
  useAppState((s) => {
    const v = s.rotations[keyId];
    return v?.open && v.stepNumber !== null
      ? `Rotation in progress, step ${v.stepNumber} of ${v.stepCount}`
      : null;
  });

/**
 * The account of the run the wizard shows. Every step lives in the Rotate dialog, which is open
 * on the old key: its run's account, or before the run exists the key's own.
 */
const useRotationAccountId = (): string | undefined =>
  useAppState((s) => {
    if (s.dialog?.kind !== 'rotate') return undefined;
    const { keyId } = s.dialog;
    return s.rotations[keyId]?.accountId ?? s.keys.find((k) => k.id === keyId)?.accountId;
  });

/**
 * Why the action is unavailable: its account's server cannot be reached (when it needs
 * ApexVerify; another account being down does not stop it), else the core's rule, else the
 * caller's own condition (a label not typed yet). Null when it can be taken.
 */
export function useBlockedReason(
  state: ActionState | null | undefined,
  opts: { needsNetwork?: boolean; extra?: string | null } = {},
): string | null {
  const accountId = useRotationAccountId();
  const accountReason = useAccountOffline(accountId);
  // Outside the dialog (no account to judge by): only when no account can be reached.
  const anyOffline = useOffline();
  const offline = accountId === undefined ? (anyOffline ? OFFLINE_REASON : null) : accountReason;
  if (opts.needsNetwork && offline) return offline;
  if (state && !state.allowed) return state.reason ?? 'Not allowed at this step.';
  return opts.extra ?? null;
}
