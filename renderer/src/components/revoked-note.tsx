// A revoked key: when, and the proof that ApexVerify now answers 401 to it.
import type { KeyView } from '../../../shared/views.ts';
import { exactTime } from '../lib/dates.ts';
import { useAppState } from '../state/context.ts';

export function RevokedNote({ keyView: k }: { keyView: KeyView }) {
  const proof = useAppState((s) => (s.revokeProof?.keyId === k.id ? s.revokeProof : null));
  const at = proof?.checkedAt ?? k.revokedAt;
  return (
    <div role="group" className="details__section revoked-note" aria-label="Revocation proof">
      <p>
        <strong>Revoked.</strong>{' '}
        {at
          ? `ApexVerify answered 401 to this key at ${exactTime(at)}: it no longer works anywhere.`
          : 'This key no longer works.'}
      </p>
      {proof && !proof.secretRemoved && (
        <p className="muted">
          The keychain refused to delete the (now useless) secret; the next revocation removes it.
        </p>
      )}
    </div>
  );
}
