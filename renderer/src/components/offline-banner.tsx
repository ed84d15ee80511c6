// Shown while ApexVerify cannot be reached: why, which actions wait for the network, and a way
// to check again.
import { useShallow } from 'zustand/react/shallow';
import { useAppState } from '../state/context.ts';
import { selectOffline } from '../state/status-slice.ts';
import { ActionButton } from './action-button.tsx';

export function OfflineBanner() {
  const { offline, reason, checking, check } = useAppState(
    useShallow((s) => ({
      offline: selectOffline(s),
      reason: s.connection?.reason ?? null,
      checking: s.checkingConnection,
      check: s.checkConnection,
    })),
  );
  if (!offline) return null;
  return (
    <div role="alert" className="banner banner--offline">
      <p>
        <strong>Offline:</strong> {reason ?? 'ApexVerify cannot be reached.'} Verify, Generate,
        Enable, Disable and Revoke wait for the connection; the list, Copy, Reveal and .env files
        work offline.
      </p>
      <ActionButton busy={checking} onClick={() => void check()}>
        Try again
      </ActionButton>
    </div>
  );
}
