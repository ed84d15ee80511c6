// "Abort rotation": the choices the core allows now (what becomes of the new key), each with its
// consequences for this run, none chosen in advance, then a confirmation. Allowed until
// revocation of the old key has begun. When a file the rotation changed cannot get the old key
// back, the core keeps the new key; the form lists those files and asks for a second
// confirmation before it revokes the new key anyway.
import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AbortChoice } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { useBlockedReason, useRotationBusy } from '../hooks/use-rotation.ts';
import { useAppState } from '../state/context.ts';
import type { RotationHold } from '../state/rotation-hold.ts';
import { ActionButton } from './action-button.tsx';
import { ABORT_TITLES, abortMeaning } from './rotation-abort-choices.tsx';
import { RotationHoldBox } from './rotation-hold-box.tsx';

export const REVOKE_NEW_ANYWAY = 'Revoke the new key anyway: these files will stop working';

export function RotationAbort({ keyId, view }: { keyId: string; view: RotationView }) {
  const { abort, check, places, hold, replaced } = useAppState(
    useShallow((s) => ({
      abort: s.abortRotation,
      check: s.checkRotationPlaces,
      places: s.rotationPlaces[keyId],
      hold: s.rotationHolds[keyId],
      replaced: s.envReplacements[keyId],
    })),
  );
  const busy = useRotationBusy(keyId);
  const { choices } = view.actions.abort;
  // An abort that began (and was interrupted) is completed with its own choice.
  const begun = view.evidence.abort?.choice ?? null;
  const [open, setOpen] = useState(begun !== null);
  // None preselected: once the new key is deployed, each choice breaks something different.
  const [choice, setChoice] = useState<AbortChoice | null>(begun);
  const unrestored = hold?.rule === 'locations-not-restored' ? hold : null;
  // The confirmation is for the files shown: a new refusal asks again.
  const [anywayFor, setAnywayFor] = useState<RotationHold | null>(null);
  const anyway = unrestored !== null && anywayFor === unrestored;
  // Which files hold the new key, for the consequences: read when the choices open.
  useEffect(() => {
    if (open) void check(keyId);
  }, [open, check, keyId]);
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

  const newHeld = [
    ...new Set((places?.fresh ?? []).filter((l) => l.state === 'holds').map((l) => l.path)),
  ];
  const changed = (replaced ?? []).some((f) => f.changed);
  const context = { deployed: view.evidence.deploy !== null || changed, newHeld };
  const override = choice === 'revoke-new' && anyway;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason || busy || choice === null) return;
    await abort(keyId, choice, override);
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
            <label htmlFor={`abort-${c}`}>{ABORT_TITLES[c]}</label>
            <p id={`abort-${c}-meaning`} className="field__hint">
              {abortMeaning(c, context)}
            </p>
          </div>
        ))}
      </fieldset>
      {unrestored && choice === 'revoke-new' && (
        <RotationHoldBox
          id="rotate-unrestored"
          title={
            <>
              <strong>The new key was not revoked:</strong> the old key cannot be written back into{' '}
              {unrestored.files.length === 1 ? 'a file' : 'files'} the rotation changed, and
              revoking the new key would leave them holding a dead key.
            </>
          }
          files={unrestored.files}
          listLabel="Files not restored"
          confirmLabel={REVOKE_NEW_ANYWAY}
          confirmed={anyway}
          onConfirm={(c) => setAnywayFor(c ? unrestored : null)}
        >
          <p>
            Fix the file and confirm the abort again, or keep the new key. Or confirm below, and
            revoke the new key anyway.
          </p>
        </RotationHoldBox>
      )}
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
