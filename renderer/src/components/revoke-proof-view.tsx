// After revocation: the proof that ApexVerify now answers 401 to the key.
import { useEffect, useRef } from 'react';
import { exactTime } from '../lib/dates.ts';
import type { RevokeProof } from '../state/dialogs-slice.ts';

export function RevokeProofView({ proof, onClose }: { proof: RevokeProof; onClose: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="modal__body">
      <div role="status" className="proof">
        <p>
          <strong>“{proof.label}” is revoked.</strong> Proof: ApexVerify answered{' '}
          <strong>{proof.status} Unauthorized</strong> to the key at{' '}
          <time dateTime={proof.checkedAt}>{exactTime(proof.checkedAt)}</time>.
        </p>
        <p>
          {proof.secretRemoved
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
