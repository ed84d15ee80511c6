// Step 4: revoke the old key, after the user typed its label. API mode: the core revokes it and
// proves the 401. Dashboard mode: the user revokes it in the dashboard, and "Check revocation"
// completes the run once the old key answers 401 (until then the core says it is waiting).
// While a known file still holds the old key, the core refuses; the step lists the files and
// asks for a second confirmation (RotateStillHeld) before it revokes anyway.
import { useState, type FormEvent } from 'react';
import type { RotationView } from '../../../shared/rotation-view.ts';
import type { AccountView } from '../../../shared/views.ts';
import { useBlockedReason, useRotationBusy } from '../hooks/use-rotation.ts';
import { useAppState } from '../state/context.ts';
import type { RotationHold } from '../state/rotation-hold.ts';
import { ActionButton } from './action-button.tsx';
import { Field } from './field.tsx';
import { OpenDashboard } from './open-dashboard.tsx';
import { RotateStillHeld } from './rotate-still-held.tsx';
import { StepHeading } from './step-heading.tsx';

interface Props {
  keyId: string;
  view: RotationView;
  account: AccountView;
}

export function RotateRevokeStep({ keyId, view, account }: Props) {
  const finish = useAppState((s) => s.finishRotation);
  const busy = useRotationBusy(keyId);
  const [typed, setTyped] = useState('');
  const hold = useAppState((s) => s.rotationHolds[keyId]);
  const stillHeld = hold?.rule === 'old-key-still-deployed' ? hold : null;
  // The confirmation is for the files shown: a new refusal (or a narrowed list) asks again.
  const [anywayFor, setAnywayFor] = useState<RotationHold | null>(null);
  const anyway = stillHeld !== null && anywayFor === stillHeld;
  const label = view.oldKey?.label ?? '';
  const dashboard = view.mode === 'dashboard';
  const held = view.held ?? null;
  const action = dashboard ? 'Check revocation' : 'Revoke old key';
  const reason = useBlockedReason(view.actions.finish, {
    needsNetwork: true,
    extra: typed === label ? null : `Type the old key's label exactly to enable ${action}.`,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason || busy) return;
    await finish(keyId, typed, anyway);
  };

  return (
    <form className="wizard-step" onSubmit={submit} noValidate>
      <StepHeading step="revoke" />
      <div id="rotate-revoke-warning" className="warning-box">
        <p>
          <strong>Revocation is immediate and irreversible.</strong> From then on, every request
          made with the old key “{label}” gets 401 Unauthorized, wherever it is still deployed.
        </p>
        <p>Batch jobs already running with the old key continue until they finish.</p>
        {held && (
          <p>
            {held.holder} must have received the share file and deployed the new key first: the old
            key stops working for them too. This device has no copy of the old key, so the proof is
            that ApexVerify no longer lists it; the new key is then held by {held.holder} and its
            secret leaves this keychain.
          </p>
        )}
      </div>
      {dashboard && (
        <div className="capture">
          <p>
            This account is in dashboard mode: revoke “{label}” in the dashboard (Settings → API
            Keys, the trash icon), then check. The rotation completes once the old key answers 401.
          </p>
          <OpenDashboard account={account} />
        </div>
      )}
      {/* A held key's notice says what the warning above says; shown while still listed. */}
      {view.notice && (!held || view.evidence.revoke?.lastCheck) && (
        <p role="status" className="alert alert--warning">
          {view.notice}
        </p>
      )}
      <Field
        label="Type the old key's label to confirm"
        hint={`The label is “${label}”; type it exactly.`}
        value={typed}
        onChange={setTyped}
        autoFocus
      />
      {stillHeld && (
        <RotateStillHeld
          keyId={keyId}
          label={label}
          hold={stillHeld}
          anyway={anyway}
          onAnyway={(c) => setAnywayFor(c ? stillHeld : null)}
        />
      )}
      <div className="button-row">
        <ActionButton
          type="submit"
          variant="danger"
          busy={busy}
          disabledReason={reason}
          showReason
          aria-describedby="rotate-revoke-warning"
        >
          {action}
        </ActionButton>
      </div>
    </form>
  );
}
