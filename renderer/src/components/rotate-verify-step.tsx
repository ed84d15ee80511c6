// Step 3: verify the new key (it must answer 200 after the deployment was confirmed). In API mode
// the core also reads both keys' last use; while the old key was used recently it does not
// confirm the step, and a second, explicit confirmation is needed.
import type { RotationView } from '../../../shared/rotation-view.ts';
import { useBlockedReason, useRotationBusy } from '../hooks/use-rotation.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { StepHeading } from './step-heading.tsx';

/** The old key was used within the window and only a second confirmation moves on. */
export function needsSecondConfirmation(view: RotationView): boolean {
  const v = view.evidence.verify;
  return Boolean(v && v.recentUse && !v.confirmedAt && v.check.outcome === 'ok');
}

export function RotateVerifyStep({ keyId, view }: { keyId: string; view: RotationView }) {
  const verify = useAppState((s) => s.verifyRotation);
  const busy = useRotationBusy(keyId);
  const reason = useBlockedReason(view.actions.verify, { needsNetwork: true });
  const second = needsSecondConfirmation(view);

  return (
    <div className="wizard-step">
      <StepHeading step="verify" />
      <p>
        The app calls ApexVerify with the new key, which must answer 200.
        {view.mode === 'api' &&
          " It also reads both keys' last use from ApexVerify: the new key's should move, the old key's should stop."}{' '}
        Verify once the new key is live everywhere.
      </p>
      {view.notice && (
        <div role="alert" className="alert alert--warning">
          <p>{view.notice}</p>
        </div>
      )}
      <div className="button-row">
        <ActionButton
          variant={second ? 'default' : 'primary'}
          busy={busy}
          disabledReason={reason}
          showReason
          data-autofocus=""
          onClick={() => void verify(keyId)}
        >
          Verify new key
        </ActionButton>
        {second && (
          <ActionButton
            variant="primary"
            busy={busy}
            disabledReason={reason}
            onClick={() => void verify(keyId, true)}
          >
            Confirm anyway: traffic has moved
          </ActionButton>
        )}
      </div>
    </div>
  );
}
