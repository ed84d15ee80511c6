// A closed run: done (the old key's 401 proof, the new key in its place) or aborted (what became
// of the new key; the old key untouched).
import { useEffect, useRef } from 'react';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { Stamp } from './stamp.tsx';

const newKeyText = (v: RotationView) =>
  v.newKey ? `${v.newKey.hint}, fingerprint ${v.newKey.fingerprint}` : 'the new key';

function Done({ view }: { view: RotationView }) {
  const proof = view.evidence.revoke?.proof;
  const label = view.oldKey?.label ?? '';
  return (
    <div role="status" className="proof">
      <p>
        <strong>Rotation complete.</strong> The old key is revoked.
        {proof && (
          <>
            {' '}
            Proof: ApexVerify answered <strong>401 Unauthorized</strong> to it{' '}
            <Stamp iso={proof.checkedAt} />.
          </>
        )}
      </p>
      <p>
        The new key ({newKeyText(view)}) now carries the label “{label}”, with its environment,
        service, owner and rotation period, and is active. The old key's secret was removed from the
        OS keychain.
      </p>
    </div>
  );
}

function Aborted({ view }: { view: RotationView }) {
  const a = view.evidence.abort;
  // Not the green of a finished rotation: nothing was rotated.
  return (
    <div role="status" className="outcome outcome--aborted">
      <p>
        <strong>Rotation aborted.</strong> The old key “{view.oldKey?.label}” was not touched and
        stays active.
      </p>
      {a?.choice === 'revoke-new' &&
        (a.proof ? (
          <p>
            The new key was revoked: ApexVerify answered <strong>401 Unauthorized</strong> to it{' '}
            <Stamp iso={a.proof.checkedAt} />.
          </p>
        ) : (
          <p>No new key had been stored; what ApexVerify had made for this rotation was deleted.</p>
        ))}
      {a?.choice !== 'revoke-new' && a?.keptLabel && (
        <p>
          The new key is kept as a separate key, “{a.keptLabel}” ({newKeyText(view)}), active.
        </p>
      )}
      {view.notice && <p>{view.notice}</p>}
      {a?.choice === 'dashboard' && a.keptLabel && (
        <p>Once it is revoked there, “Revoke…” in the details of “{a.keptLabel}” records it.</p>
      )}
    </div>
  );
}

export function RotationOutcome({ view, onClose }: { view: RotationView; onClose: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="wizard-step">
      {view.step === 'done' ? <Done view={view} /> : <Aborted view={view} />}
      <div className="modal__actions">
        <button ref={ref} type="button" className="btn btn--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
