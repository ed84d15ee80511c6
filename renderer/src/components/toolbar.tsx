// The window's title bar: the heading, how many keys there are, and the two main actions.
import { useShallow } from 'zustand/react/shallow';
import { useOffline } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';

export const KEYS_HEADING_ID = 'keys-heading';

const count = new Intl.NumberFormat('en');

interface Props {
  shown: number;
}

export function Toolbar({ shown }: Props) {
  const { total, running, startVerifyAll, openDialog, hasAccounts } = useAppState(
    useShallow((s) => ({
      total: s.keys.length,
      running: s.job?.state === 'running',
      startVerifyAll: s.startVerifyAll,
      openDialog: s.openDialog,
      hasAccounts: s.accounts.length > 0,
    })),
  );
  const offline = useOffline();
  const verifyReason = offline
    ? 'Unavailable while offline: verifying needs ApexVerify. Try again once the connection is back.'
    : total === 0
      ? 'There are no keys to verify yet.'
      : running
        ? 'Verify all is already running.'
        : null;
  return (
    <div className="toolbar">
      <div className="toolbar__title">
        <h1 id={KEYS_HEADING_ID}>API keys</h1>
        <span className="toolbar__count" aria-live="off">
          {shown === total
            ? `${count.format(total)} ${total === 1 ? 'key' : 'keys'}`
            : `${count.format(shown)} of ${count.format(total)}`}
        </span>
      </div>
      <div className="toolbar__actions">
        <ActionButton disabledReason={verifyReason} onClick={() => void startVerifyAll()}>
          Verify all
        </ActionButton>
        <ActionButton
          variant="primary"
          disabledReason={hasAccounts ? null : 'Add an account first (see below).'}
          onClick={() => openDialog({ kind: 'new-key' })}
          aria-keyshortcuts="Control+N Meta+N"
        >
          New key
        </ActionButton>
      </div>
    </div>
  );
}
