// Step 4, when finish was refused because known files still hold the old key: those files, the
// ways out (Replace in all, check again after fixing them by hand), and the second confirmation
// "Revoke anyway", after which the step's button revokes although they still hold it.
import { useShallow } from 'zustand/react/shallow';
import { useRotationBusy } from '../hooks/use-rotation.ts';
import { useAppState } from '../state/context.ts';
import type { RotationHold } from '../state/rotation-hold.ts';
import { ActionButton } from './action-button.tsx';
import { RotationHoldBox } from './rotation-hold-box.tsx';

export const REVOKE_ANYWAY = 'Revoke anyway: these files will stop working';

interface Props {
  keyId: string;
  label: string;
  hold: RotationHold;
  anyway: boolean;
  onAnyway: (anyway: boolean) => void;
}

export function RotateStillHeld({ keyId, label, hold, anyway, onAnyway }: Props) {
  const { replaceAll, check } = useAppState(
    useShallow((s) => ({ replaceAll: s.replaceInAllLocations, check: s.checkRotationPlaces })),
  );
  const busy = useRotationBusy(keyId);
  const n = hold.files.length;
  const files = n === 1 ? 'one known file still holds' : `${n || 'some'} known files still hold`;
  const them = n === 1 ? 'that file' : 'those files';
  return (
    <RotationHoldBox
      id="rotate-still-held"
      title={
        <>
          <strong>
            Nothing was revoked: {files} the old key “{label}”.
          </strong>{' '}
          Revoking it now breaks whatever reads {them}.
        </>
      }
      files={hold.files}
      listLabel="Files still holding the old key"
      confirmLabel={REVOKE_ANYWAY}
      confirmed={anyway}
      onConfirm={onAnyway}
    >
      <p>
        Put the new key there (Replace in all does it), or fix {them} by hand and check again. Or
        confirm below, and revoke anyway.
      </p>
      <div className="button-row">
        <ActionButton busy={busy} onClick={() => void replaceAll(keyId)}>
          Replace in all
        </ActionButton>
        <ActionButton busy={busy} onClick={() => void check(keyId)}>
          Check again
        </ActionButton>
      </div>
    </RotationHoldBox>
  );
}
