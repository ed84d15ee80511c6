// The details panel's rotation entry: "Rotate…" (or "Resume rotation…" while a run is open) opens
// the wizard; a key that cannot be rotated says why.
import type { AccountMode } from '../../../shared/schemas.ts';
import type { KeyView } from '../../../shared/views.ts';
import { useAccount } from '../hooks/use-selectors.ts';
import { useRotationProgress } from '../hooks/use-rotation.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';

export function rotateBlockedReason(k: KeyView, mode?: AccountMode): string | null {
  // The core refuses it too (held.ts): without the secret, only the API can prove the revocation.
  if (k.custody === 'held' && mode === 'dashboard')
    return `Held by ${k.heldBy ?? 'its owner'}, and this account is in dashboard mode: this device has no copy of the key to prove it revoked. Ask ${k.heldBy ?? 'its owner'} to rotate it.`;
  if (k.status === 'disabled') return 'A disabled key cannot be rotated: enable it first.';
  if (k.status === 'pending')
    return 'This is the new key of a rotation in progress: go on with it from the old key.';
  if (k.status === 'revoked') return 'A revoked key cannot be rotated.';
  return null;
}

export function RotationSection({ keyView: k }: { keyView: KeyView }) {
  const openDialog = useAppState((s) => s.openDialog);
  const progress = useRotationProgress(k.id);
  const mode = useAccount(k.accountId)?.mode;
  return (
    <div role="group" className="details__section" aria-labelledby="rotation-heading">
      <div className="section-head">
        <h3 id="rotation-heading">Rotation</h3>
        <ActionButton
          disabledReason={progress ? null : rotateBlockedReason(k, mode)}
          showReason
          onClick={() => openDialog({ kind: 'rotate', keyId: k.id })}
        >
          {progress ? 'Resume rotation…' : 'Rotate…'}
        </ActionButton>
      </div>
      <p className={progress ? 'rotation-progress' : 'muted'}>
        {progress ??
          'Replace this key with a new one in four confirmed steps; the old key is revoked only after the new one is verified live.'}
      </p>
    </div>
  );
}
