// After Generate or Save: the new key is offered once, right here, to copy or reveal for
// deploying. It stays in the keychain; its details offer Copy and Reveal again later.
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KeyView } from '../../../shared/views.ts';
import { useReveal } from '../hooks/use-reveal.ts';
import { usePending } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ClipboardCountdown } from './clipboard-countdown.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { SecretView } from './secret-view.tsx';
import { RevealButton } from './reveal-button.tsx';

export function CreatedPanel({ keyView: k, onDone }: { keyView: KeyView; onDone: () => void }) {
  const { copyKey, clipboard, setClipboard, error } = useAppState(
    useShallow((s) => ({
      copyKey: s.copyKey,
      clipboard: s.clipboard,
      setClipboard: s.setClipboard,
      error: s.errors.details,
    })),
  );
  const copying = usePending(`copy:${k.id}`);
  const reveal = useReveal(k.id, k.label, 'details');
  const ref = useRef<HTMLDivElement>(null);
  // The form's button that had focus is gone: move focus to Copy, the next likely step.
  useEffect(() => ref.current?.querySelector<HTMLElement>('button')?.focus(), []);
  return (
    <div role="group" ref={ref} className="created" aria-labelledby="created-title">
      <h3 id="created-title">Key created: {k.label}</h3>
      <p>
        Shown once: copy or reveal it now to put it where it is used. It is stored in the OS
        keychain ({k.hint}, fingerprint <span className="mono">{k.fingerprint}</span>); later, its
        details offer Copy and Reveal again.
      </p>
      {error && <ErrorAlert failure={error} />}
      <div className="button-row">
        <ActionButton variant="primary" busy={copying} onClick={() => void copyKey(k.id)}>
          Copy
        </ActionButton>
        <RevealButton reveal={reveal} />
        <span className="spacer" />
        <button type="button" className="btn btn--default" onClick={onDone}>
          Done
        </button>
      </div>
      {reveal.secret !== null && <SecretView secret={reveal.secret} hidesAt={reveal.hidesAt} />}
      {clipboard?.label === k.label && (
        <ClipboardCountdown
          key={clipboard.clearsAt}
          clearsAt={clipboard.clearsAt}
          onDone={() => setClipboard(null)}
        />
      )}
    </div>
  );
}
