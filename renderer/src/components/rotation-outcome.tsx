// A closed run: done (the old key's 401 proof, the new key in its place) or aborted (what became
// of the new key and of each file the rotation changed; the old key untouched).
import { useEffect, useRef } from 'react';
import type { RestoreEvidence } from '../../../shared/rotation.ts';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { useAppState } from '../state/context.ts';
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
        {proof && proof.status === 404 ? (
          <>
            {' '}
            Proof: ApexVerify no longer lists it <Stamp iso={proof.checkedAt} />.
          </>
        ) : (
          proof && (
            <>
              {' '}
              Proof: ApexVerify answered <strong>401 Unauthorized</strong> to it{' '}
              <Stamp iso={proof.checkedAt} />.
            </>
          )
        )}
      </p>
      {view.held ? (
        <p>
          The new key ({newKeyText(view)}) now carries the label “{label}”, with its environment,
          service, owner and rotation period, and is active, held by {view.held.holder}: its secret
          was removed from this keychain.
        </p>
      ) : (
        <p>
          The new key ({newKeyText(view)}) now carries the label “{label}”, with its environment,
          service, owner and rotation period, and is active. The old key's secret was removed from
          the OS keychain.
        </p>
      )}
    </div>
  );
}

const RESTORE_WORDS: Record<RestoreEvidence['outcome'], string> = {
  restored: 'the old key was written back',
  'holds-old-key': 'already held the old key',
  'not-restored': 'not restored: it holds the revoked new key',
  'left-as-is': 'left as is',
};

/** What the abort did to each file the rotation changed. */
function Restored({ files }: { files: RestoreEvidence[] }) {
  return (
    <ul className="places" aria-label="Files the rotation changed">
      {files.map((f) => (
        <li key={f.path}>
          <code className="selectable">{f.path}</code>: {RESTORE_WORDS[f.outcome]}
          {f.reason && ` (${f.reason})`}
        </li>
      ))}
    </ul>
  );
}

/** Kept: the files stay as they are; say which hold the new key (checked when shown). */
function KeptIn({ keyId, label }: { keyId: string; label: string }) {
  const check = useAppState((s) => s.checkRotationPlaces);
  const places = useAppState((s) => s.rotationPlaces[keyId]);
  useEffect(() => void check(keyId), [check, keyId]);
  const held = (places?.fresh ?? []).filter((l) => l.state === 'holds');
  if (!held.length) return null;
  return (
    <>
      <p>The files stay as they are; these hold “{label}”:</p>
      <ul className="places" aria-label="Files holding the kept key">
        {held.map((l) => (
          <li key={`${l.path}\n${l.variable}`}>
            <code className="selectable">{l.path}</code> <span className="mono">{l.variable}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Aborted({ keyId, view }: { keyId: string; view: RotationView }) {
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
      {a?.restored && a.restored.length > 0 && <Restored files={a.restored} />}
      {a?.choice !== 'revoke-new' && a?.keptLabel && (
        <p>
          The new key is kept as a separate key, “{a.keptLabel}” ({newKeyText(view)}), active.
        </p>
      )}
      {a?.choice !== 'revoke-new' && a?.keptLabel && <KeptIn keyId={keyId} label={a.keptLabel} />}
      {view.notice && <p>{view.notice}</p>}
      {a?.choice === 'dashboard' && a.keptLabel && (
        <p>Once it is revoked there, “Revoke…” in the details of “{a.keptLabel}” records it.</p>
      )}
    </div>
  );
}

interface Props {
  /** The old key's id: the run's key in the store. */
  keyId: string;
  view: RotationView;
  onClose: () => void;
}

export function RotationOutcome({ keyId, view, onClose }: Props) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="wizard-step">
      {view.step === 'done' ? <Done view={view} /> : <Aborted keyId={keyId} view={view} />}
      <div className="modal__actions">
        <button ref={ref} type="button" className="btn btn--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
