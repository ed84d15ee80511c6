// After revocation: the proof that ApexVerify now answers 401 to the key, or, for a key held by a
// teammate (no copy here to try), that the server no longer lists it (404).
import { useEffect, useRef } from 'react';
import { useKey } from '../hooks/use-selectors.ts';
import { exactTime } from '../lib/dates.ts';
import type { RevokeProof } from '../state/dialogs-slice.ts';

export function RevokeProofView({ proof, onClose }: { proof: RevokeProof; onClose: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const heldBy = useKey(proof.keyId)?.heldBy ?? 'its owner';
  const at = <time dateTime={proof.checkedAt}>{exactTime(proof.checkedAt)}</time>;
  return (
    <div className="modal__body">
      <div role="status" className="proof">
        {proof.status === 404 ? (
          <p>
            <strong>“{proof.label}” is revoked.</strong> The server no longer lists the key (it was
            held by {heldBy}, so the app had no copy to try): checked at {at}.
          </p>
        ) : (
          <p>
            <strong>“{proof.label}” is revoked.</strong> Proof: ApexVerify answered{' '}
            <strong>{proof.status} Unauthorized</strong> to the key at {at}.
          </p>
        )}
        <p>
          {proof.status === 404
            ? 'No copy of its secret was on this device.'
            : proof.secretRemoved
              ? 'Its secret was removed from the OS keychain.'
              : 'The keychain refused to delete the (now useless) secret; the next revocation removes it.'}
        </p>
      </div>
      <div className="modal__actions">
        <button ref={ref} type="button" className="btn btn--primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
