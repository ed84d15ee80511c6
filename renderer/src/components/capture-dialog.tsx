// "Capture…": a key sync found on the server (created elsewhere) gets its secret here. The
// pasted secret goes straight to the core, which links it by proof; it never enters the state.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { secretProblem } from '../../../shared/input-rules.ts';
import { useAccountOffline, useKey, usePending } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { Modal } from './modal.tsx';

export function CaptureDialog({ keyId }: { keyId: string }) {
  const k = useKey(keyId);
  const { close, capture, error, setError } = useAppState(
    useShallow((s) => ({
      close: s.closeDialog,
      capture: s.captureRemoteKey,
      error: s.errors.capture,
      setError: s.setError,
    })),
  );
  const offline = useAccountOffline(k?.accountId);
  const busy = usePending(`capture:${keyId}`);
  const [secret, setSecret] = useState('');
  const [tried, setTried] = useState(false);
  if (!k) return null;
  const problem = secretProblem(secret);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem || offline || busy) return;
    if (await capture(k.id, secret)) close();
  };

  return (
    <Modal labelledBy="capture-title" describedBy="capture-about" onClose={close}>
      <h2 id="capture-title" className="modal__title">
        Capture “{k.label}”
      </h2>
      <form className="modal__body" onSubmit={submit} noValidate>
        <p id="capture-about">
          This key was created elsewhere: the server lists it, but its secret is not on this device.
          Paste its secret: the app checks with ApexVerify that it is this very key, then keeps it
          in the OS keychain.
        </p>
        {error && <ErrorAlert failure={error} onDismiss={() => setError('capture', null)} />}
        <Field
          label="Paste the key's secret"
          type="password"
          value={secret}
          onChange={setSecret}
          problem={problem}
          showProblem={tried}
          hint="It goes straight to the OS keychain once ApexVerify proves it is this key."
          autoFocus
        />
        <div className="modal__actions">
          <button type="button" className="btn btn--default" onClick={close}>
            Cancel
          </button>
          <ActionButton type="submit" variant="primary" busy={busy} disabledReason={offline}>
            Capture
          </ActionButton>
        </div>
      </form>
    </Modal>
  );
}
