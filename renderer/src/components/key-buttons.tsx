// The open key's actions: Copy, Reveal/Hide, Write to .env…, Share with a teammate…, Disable/Enable
// (API mode), Revoke…. A key handed over to a teammate has no secret here: the first four say so.
import { useShallow } from 'zustand/react/shallow';
import type { AccountMode } from '../../../shared/schemas.ts';
import type { KeyView } from '../../../shared/views.ts';
import { useReveal } from '../hooks/use-reveal.ts';
import { useRotationProgress } from '../hooks/use-rotation.ts';
import { useAccountOffline, usePending } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { SecretView } from './secret-view.tsx';
import { RevealButton } from './reveal-button.tsx';

const DISABLE_HINT =
  'Switches the key off on ApexVerify: requests made with it get 401 until you enable it again. Nothing is deleted, and Undo follows.';
const ENABLE_HINT = 'Switches the key back on: ApexVerify accepts it again.';

export function KeyButtons({ keyView: k, mode }: { keyView: KeyView; mode: AccountMode }) {
  const { copyKey, setEnabled, openDialog } = useAppState(
    useShallow((s) => ({
      copyKey: s.copyKey,
      setEnabled: s.setEnabled,
      openDialog: s.openDialog,
    })),
  );
  // Only this key's account: another account's server being down does not stop this one.
  const offlineReason = useAccountOffline(k.accountId);
  const copying = usePending(`copy:${k.id}`);
  const toggling = usePending(`enable:${k.id}`);
  const reveal = useReveal(k.id, k.label, 'details');
  const rotating = useRotationProgress(k.id) !== null;
  const pendingReason =
    k.status === 'pending'
      ? 'Pending a rotation: finish or abort the rotation first.'
      : rotating
        ? 'Being rotated: finish or abort the rotation first (Resume rotation…).'
        : null;
  const linkReason =
    k.remoteId === null ? 'Not linked to a key on the server: change it in the dashboard.' : null;
  const enabling = k.status === 'disabled';
  const heldReason =
    k.custody === 'held'
      ? `Held by ${k.heldBy ?? 'its owner'}: the secret was handed over and is no longer on this device.`
      : null;

  return (
    <div role="group" className="details__section" aria-label="Key actions">
      <div className="button-row">
        <ActionButton
          variant="primary"
          busy={copying}
          disabledReason={heldReason}
          onClick={() => void copyKey(k.id)}
        >
          Copy
        </ActionButton>
        {heldReason ? (
          <ActionButton disabledReason={heldReason}>Reveal</ActionButton>
        ) : (
          <RevealButton reveal={reveal} />
        )}
        <ActionButton
          disabledReason={heldReason}
          onClick={() => openDialog({ kind: 'env', keyId: k.id })}
        >
          Write to .env…
        </ActionButton>
        <ActionButton
          disabledReason={heldReason ?? pendingReason}
          onClick={() => openDialog({ kind: 'share', keyId: k.id })}
        >
          Share with a teammate…
        </ActionButton>
      </div>
      {heldReason && <p className="field__hint">{heldReason}</p>}
      <div className="button-row">
        {mode === 'api' && (
          <ActionButton
            busy={toggling}
            disabledReason={offlineReason ?? pendingReason ?? linkReason}
            title={enabling ? ENABLE_HINT : DISABLE_HINT}
            onClick={() => void setEnabled(k.id, enabling)}
          >
            {enabling ? 'Enable' : 'Disable'}
          </ActionButton>
        )}
        <ActionButton
          variant="danger"
          disabledReason={offlineReason ?? pendingReason}
          onClick={() => openDialog({ kind: 'revoke', keyId: k.id })}
        >
          Revoke…
        </ActionButton>
      </div>
      {reveal.secret !== null && <SecretView secret={reveal.secret} hidesAt={reveal.hidesAt} />}
    </div>
  );
}
