// "Revoke…": an alertdialog that says what revocation means, asks for the label, and then shows
// the proof (the key answered 401).
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAccount, useAccountOffline, useKey, usePending } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { Modal } from './modal.tsx';
import { OpenDashboard } from './open-dashboard.tsx';
import { RevokeProofView } from './revoke-proof-view.tsx';

export function RevokeDialog({ keyId }: { keyId: string }) {
  const k = useKey(keyId);
  const account = useAccount(k?.accountId);
  const { close, revoke, error, proof } = useAppState(
    useShallow((s) => ({
      close: s.closeDialog,
      revoke: s.revokeKey,
      error: s.errors.revoke,
      proof: s.revokeProof?.keyId === keyId ? s.revokeProof : null,
    })),
  );
  const offline = useAccountOffline(k?.accountId);
  const busy = usePending(`revoke:${keyId}`);
  const [typed, setTyped] = useState('');
  if (!k) return null;
  const matches = typed === k.label;
  const reason = offline
    ? offline
    : matches
      ? null
      : `Type the label "${k.label}" exactly to enable Revoke.`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason || busy) return;
    await revoke(k.id, typed);
  };

  return (
    <Modal
      role="alertdialog"
      labelledBy="revoke-title"
      describedBy="revoke-warning"
      onClose={close}
    >
      <h2 id="revoke-title" className="modal__title">
        Revoke “{k.label}”
      </h2>
      {proof ? (
        <RevokeProofView proof={proof} onClose={close} />
      ) : (
        <form className="modal__body" onSubmit={submit} noValidate>
          {account?.mode === 'dashboard' ? (
            // Dashboard mode: the user revokes; the app's part is to prove it and record it.
            <div className="capture">
              <div id="revoke-warning" className="warning-box">
                <p>
                  <strong>You revoke this key in the ApexVerify dashboard</strong> (Settings → API
                  Keys, the trash icon); this account is in dashboard mode, so the app cannot. Then
                  come back and choose Revoke: the app calls ApexVerify with the key and records it
                  as revoked only once it answers 401 Unauthorized.
                </p>
                <p>
                  Revoking in the dashboard cannot be undone: every request made with the key then
                  gets 401, wherever it is still deployed.
                </p>
              </div>
              <OpenDashboard account={account} />
            </div>
          ) : (
            <div id="revoke-warning" className="warning-box">
              <p>
                <strong>Revocation is immediate and irreversible.</strong> From then on, every
                request made with this key gets 401 Unauthorized, wherever the key is still
                deployed.
              </p>
              <p>Batch jobs already running with this key continue until they finish.</p>
            </div>
          )}
          {error && <ErrorAlert failure={error} />}
          <Field
            label="Type the label to confirm"
            hint={`The label is “${k.label}”; type it exactly.`}
            value={typed}
            onChange={setTyped}
            autoFocus
          />
          <div className="modal__actions">
            <button type="button" className="btn btn--default" onClick={close}>
              Cancel
            </button>
            <ActionButton type="submit" variant="danger" busy={busy} disabledReason={reason}>
              Revoke
            </ActionButton>
          </div>
        </form>
      )}
    </Modal>
  );
}
