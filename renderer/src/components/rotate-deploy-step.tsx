// Step 2: the user puts the new key where the old one is used, with the helpers (copy with
// auto-clear, reveal for 30 s, Replace in all for the old key's known locations, replace in .env
// files the app does not know of), then confirms the deployment.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { useReveal } from '../hooks/use-reveal.ts';
import { useBlockedReason, useRotationBusy } from '../hooks/use-rotation.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ClipboardCountdown } from './clipboard-countdown.tsx';
import { EnvFileList } from './env-file-list.tsx';
import { RotateEnvForm } from './rotate-env-form.tsx';
import { RotatePlaces } from './rotate-places.tsx';
import { SecretView } from './secret-view.tsx';
import { StepHeading } from './step-heading.tsx';
import { RevealButton } from './reveal-button.tsx';

export function RotateDeployStep({ keyId, view }: { keyId: string; view: RotationView }) {
  const { copy, confirm, clipboard, setClipboard, checkPlaces, replaced } = useAppState(
    useShallow((s) => ({
      copy: s.copyPendingKey,
      confirm: s.confirmDeployed,
      clipboard: s.clipboard,
      setClipboard: s.setClipboard,
      checkPlaces: s.checkRotationPlaces,
      replaced: s.envReplacements[keyId],
    })),
  );
  // Each replace checks again; opening the step checks once.
  useEffect(() => void checkPlaces(keyId), [checkPlaces, keyId]);
  const busy = useRotationBusy(keyId);
  const reveal = useReveal(keyId, 'the new key', 'rotate', true);
  const [envOpen, setEnvOpen] = useState(false);
  const reason = useBlockedReason(view.actions.deployed);
  const newLabel = view.newKey ? `“${view.newKey.label}” (${view.newKey.hint})` : 'the new key';

  return (
    <div className="wizard-step">
      <StepHeading step="deploy" />
      <p>
        Put the new key, {newLabel}, everywhere the old key is used: servers, CI secrets, .env
        files. The old key keeps working meanwhile. Then confirm the deployment.
      </p>
      <div className="button-row" role="group" aria-label="Deploy helpers">
        <ActionButton busy={busy} onClick={() => void copy(keyId)}>
          Copy new key
        </ActionButton>
        <RevealButton reveal={reveal} label="Reveal new key" />
        <ActionButton aria-expanded={envOpen} onClick={() => setEnvOpen((o) => !o)}>
          Replace in .env files…
        </ActionButton>
      </div>
      {clipboard && (
        <ClipboardCountdown
          key={clipboard.clearsAt}
          clearsAt={clipboard.clearsAt}
          onDone={() => setClipboard(null)}
        />
      )}
      {reveal.secret !== null && <SecretView secret={reveal.secret} hidesAt={reveal.hidesAt} />}
      <RotatePlaces keyId={keyId} />
      {envOpen && <RotateEnvForm keyId={keyId} />}
      {replaced && replaced.length > 0 && <EnvFileList files={replaced} />}
      <div className="button-row">
        <ActionButton
          variant="primary"
          busy={busy}
          disabledReason={reason}
          showReason
          data-autofocus=""
          onClick={() => void confirm(keyId)}
        >
          I have deployed the new key
        </ActionButton>
      </div>
    </div>
  );
}
