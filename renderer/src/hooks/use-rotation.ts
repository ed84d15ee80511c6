// The wizard's shared reads: the run of a key (by its OLD key's id), whether one of its calls is
// running, and why an action cannot be taken now.
import type { ActionState } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { OFFLINE_REASON } from '../lib/offline.ts';
import { useAppState } from '../state/context.ts';
import { rotationBusy } from '../state/rotation-slice.ts';
import { useOffline, usePending } from './use-selectors.ts';

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
 * Why the action is unavailable: offline (when it needs ApexVerify), else the core's rule, else
 * the caller's own condition (a label not typed yet). Null when it can be taken.
 */
export function useBlockedReason(
  state: ActionState | null | undefined,
  opts: { needsNetwork?: boolean; extra?: string | null } = {},
): string | null {
  const offline = useOffline();
  if (opts.needsNetwork && offline) return OFFLINE_REASON;
  if (state && !state.allowed) return state.reason ?? 'Not allowed at this step.';
  return opts.extra ?? null;
}
