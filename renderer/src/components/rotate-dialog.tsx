// The rotation wizard: the stepper, the current step (what to do, one confirm button), the
// evidence so far, and "Abort rotation". Closing it keeps the run; opening it again resumes at the
// step the core reports (getRotation), so a reload or a restart loses nothing.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAccount, useKey } from '../hooks/use-selectors.ts';
import { useRotationView } from '../hooks/use-rotation.ts';
import { useAppState } from '../state/context.ts';
import { ErrorAlert } from './error-alert.tsx';
import { Modal } from './modal.tsx';
import { RotateDeployStep } from './rotate-deploy-step.tsx';
import { RotateGenerateStep } from './rotate-generate-step.tsx';
import { RotateHeldDeploy } from './rotate-held-deploy.tsx';
import { RotateRevokeStep } from './rotate-revoke-step.tsx';
import { RotateVerifyStep } from './rotate-verify-step.tsx';
import { RotationAbort } from './rotation-abort.tsx';
import { RotationEvidence } from './rotation-evidence.tsx';
import { RotationOutcome } from './rotation-outcome.tsx';
import { RotationStepper } from './rotation-stepper.tsx';
import { STEP_TITLE_ID } from './step-heading.tsx';

export function RotateDialog({ keyId }: { keyId: string }) {
  const k = useKey(keyId);
  const account = useAccount(k?.accountId);
  const view = useRotationView(keyId);
  const { close, openKey, fetchRotation, error, setError } = useAppState(
    useShallow((s) => ({
      close: s.closeDialog,
      openKey: s.openKey,
      fetchRotation: s.fetchRotation,
      error: s.errors.rotate,
      setError: s.setError,
    })),
  );
  const [loaded, setLoaded] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const step = view?.step ?? 'generate';

  useEffect(() => {
    let live = true;
    void fetchRotation(keyId).then(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [fetchRotation, keyId]);

  // Once loaded, focus the step's first action; on each later step, its heading.
  const shownStep = useRef<string | null>(null);
  useEffect(() => {
    if (!loaded || shownStep.current === step) return;
    const first = shownStep.current === null;
    shownStep.current = step;
    const body = bodyRef.current;
    const target = first
      ? body?.querySelector<HTMLElement>('[data-autofocus]')
      : document.getElementById(STEP_TITLE_ID);
    target?.focus();
  }, [loaded, step]);

  if (!k || !account) return null;
  const label = view?.oldKey?.label ?? k.label;
  const closed = view !== null && !view.open;
  // Done: the new key now carries the label; its details are what the user wants next.
  const leave = () => {
    if (view?.step === 'done' && view.newKey) openKey(view.newKey.id);
    close();
  };

  return (
    <Modal labelledBy="rotate-title" onClose={close} className="modal--wizard">
      <h2 id="rotate-title" className="modal__title">
        Rotate “{label}”
      </h2>
      <div ref={bodyRef} className="modal__body">
        <RotationStepper view={view} />
        {error && (
          <ErrorAlert
            failure={error}
            pasted={account.mode === 'dashboard' && step === 'generate'}
            onDismiss={() => setError('rotate', null)}
          />
        )}
        {!loaded ? (
          <p className="muted">Loading the rotation…</p>
        ) : closed ? (
          <RotationOutcome keyId={keyId} view={view} onClose={leave} />
        ) : step === 'generate' || !view ? (
          <RotateGenerateStep keyId={keyId} view={view} account={account} />
        ) : step === 'deploy' && view.held ? (
          <RotateHeldDeploy keyId={keyId} view={view} held={view.held} />
        ) : step === 'deploy' ? (
          <RotateDeployStep keyId={keyId} view={view} />
        ) : step === 'verify' ? (
          <RotateVerifyStep keyId={keyId} view={view} />
        ) : (
          <RotateRevokeStep keyId={keyId} view={view} account={account} />
        )}
        {view && <RotationEvidence view={view} />}
        {!closed && (
          <div className="modal__actions modal__actions--split">
            {view?.open ? <RotationAbort keyId={keyId} view={view} /> : <span />}
            <button type="button" className="btn btn--default" onClick={close}>
              Close
            </button>
          </div>
        )}
      </div>
    </Modal>
  );
}
