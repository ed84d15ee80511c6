// Step 1: the new key. API mode: the core generates it. Dashboard mode: the user creates it in
// the dashboard and pastes it here; it passes straight to the core (verified, then stored), and
// lives only in this form's state until then.
import { useState, type FormEvent } from 'react';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { secretProblem } from '../../../shared/input-rules.ts';
import type { AccountView } from '../../../shared/views.ts';
import { useBlockedReason, useRotationBusy } from '../hooks/use-rotation.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { Field } from './field.tsx';
import { OpenDashboard } from './open-dashboard.tsx';
import { StepHeading } from './step-heading.tsx';

interface Props {
  keyId: string;
  /** Null before the run exists: the first Generate starts it. */
  view: RotationView | null;
  account: AccountView;
}

export function RotateGenerateStep({ keyId, view, account }: Props) {
  const start = useAppState((s) => s.startRotation);
  const busy = useRotationBusy(keyId);
  const [secret, setSecret] = useState('');
  const dashboard = (view?.mode ?? account.mode) === 'dashboard';
  const reason = useBlockedReason(view?.actions.generate, {
    needsNetwork: true,
    extra: !dashboard
      ? null
      : secret === ''
        ? 'Paste the key the dashboard showed to enable Save new key.'
        : secretProblem(secret),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason || busy) return;
    await start(keyId, dashboard ? secret : undefined);
  };

  return (
    <form className="wizard-step" onSubmit={submit} noValidate>
      <StepHeading step="generate" />
      {dashboard ? (
        <p>
          Create a new key in the ApexVerify dashboard (Settings → API Keys), copy it, and paste it
          here. The app checks that it answers 200, then stores it in the OS keychain as pending.
          The old key keeps working.
        </p>
      ) : (
        <p>
          The app creates a new key on ApexVerify, checks that it answers 200, and stores it in the
          OS keychain as pending. The old key keeps working until the last step.
        </p>
      )}
      {view?.notice && <p className="muted">{view.notice}</p>}
      {dashboard && (
        <div className="capture">
          <OpenDashboard account={account}>
            <Field
              label="Paste the new key"
              type="password"
              value={secret}
              onChange={setSecret}
              hint="It goes straight to the OS keychain after ApexVerify accepts it."
              autoFocus
            />
          </OpenDashboard>
        </div>
      )}
      <div className="button-row">
        <ActionButton
          type="submit"
          variant="primary"
          busy={busy}
          disabledReason={reason}
          showReason
          data-autofocus={dashboard ? undefined : ''}
        >
          {dashboard ? 'Save new key' : 'Generate new key'}
        </ActionButton>
      </div>
    </form>
  );
}
