// "Abort rotation": the choices the core allows now (what becomes of the new key), each with its
// meaning, then a confirmation. Allowed until revocation of the old key has begun.
import { useState, type FormEvent } from 'react';
import type { AbortChoice } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { useBlockedReason, useRotationBusy } from '../hooks/use-rotation.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';

export const ABORT_TEXT: Record<AbortChoice, { title: string; meaning: string }> = {
  'revoke-new': {
    title: 'Revoke the new key now',
    meaning: 'The app revokes the new key on ApexVerify and proves it answers 401.',
  },
  'keep-new': {
    title: 'Keep the new key as a separate key',
    meaning: 'It stays active under a label of its own (“…-new”).',
  },
  dashboard: {
    title: 'Mark the new key for revocation in the dashboard',
    meaning: 'It is kept with a note; revoke it yourself in the dashboard, then record it here.',
  },
};

export function RotationAbort({ keyId, view }: { keyId: string; view: RotationView }) {
  const abort = useAppState((s) => s.abortRotation);
  const busy = useRotationBusy(keyId);
  const { choices } = view.actions.abort;
  // An abort that began (and was interrupted) is completed with its own choice.
  const begun = view.evidence.abort?.choice ?? null;
  const [open, setOpen] = useState(begun !== null);
  const [choice, setChoice] = useState<AbortChoice | null>(begun ?? choices[0] ?? null);
  const reason = useBlockedReason(view.actions.abort, {
    needsNetwork: choice === 'revoke-new',
    extra: choice === null ? 'Choose what happens to the new key.' : null,
  });

  if (!open)
    return (
      <div className="button-row">
        <ActionButton
          disabledReason={view.actions.abort.allowed ? null : view.actions.abort.reason}
          showReason
          onClick={() => setOpen(true)}
        >
          Abort rotation
        </ActionButton>
      </div>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason || busy || choice === null) return;
    await abort(keyId, choice);
  };

  return (
    <form className="capture" onSubmit={submit} noValidate>
      <fieldset className="choices">
        <legend>Abort the rotation: what happens to the new key? The old key stays active.</legend>
        {choices.map((c) => (
          <div key={c} className="choice">
            <input
              id={`abort-${c}`}
              type="radio"
              name="abort-choice"
              value={c}
              checked={choice === c}
              onChange={() => setChoice(c)}
              aria-describedby={`abort-${c}-meaning`}
            />
            <label htmlFor={`abort-${c}`}>{ABORT_TEXT[c].title}</label>
            <p id={`abort-${c}-meaning`} className="field__hint">
              {ABORT_TEXT[c].meaning}
            </p>
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <ActionButton type="submit" variant="danger" busy={busy} disabledReason={reason} showReason>
          Confirm abort
        </ActionButton>
        {begun === null && (
          <button type="button" className="btn btn--default" onClick={() => setOpen(false)}>
            Keep rotating
          </button>
        )}
      </div>
    </form>
  );
}
