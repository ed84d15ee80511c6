// The window's title bar: the heading, how many keys there are, the dialogs (accounts,
// activity, settings), sync, and the two main actions.
import { useShallow } from 'zustand/react/shallow';
import { useOffline, useVerifyAllNote } from '../hooks/use-selectors.ts';
import { ALL_ACCOUNTS, ALL_ENVIRONMENTS } from '../lib/key-list.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { DataMenu } from './data-menu.tsx';
import { SyncNowButton } from './sync-now-button.tsx';

export const KEYS_HEADING_ID = 'keys-heading';

const count = new Intl.NumberFormat('en');
const keysText = (n: number) => `${count.format(n)} ${n === 1 ? 'key' : 'keys'}`;

/**
 * The header count. With no filter chosen, only the default "live" view hides anything, so it
 * says what it hides ("111 keys · 4 revoked hidden") instead of a "111 of 115" that reads as a
 * filter; "N of M" is kept for a filter the user set.
 */
export function countText(shown: number, total: number, revoked: number, filtered: boolean) {
  if (filtered)
    return shown === total ? keysText(total) : `${count.format(shown)} of ${count.format(total)}`;
  return revoked === 0
    ? keysText(shown)
    : `${keysText(shown)} · ${count.format(revoked)} revoked hidden`;
}

interface Props {
  shown: number;
}

export function Toolbar({ shown }: Props) {
  const { total, revoked, filtered, running, startVerifyAll, openDialog, hasAccounts } =
    useAppState(
      useShallow((s) => ({
        total: s.keys.length,
        revoked: s.keys.filter((k) => k.status === 'revoked').length,
        filtered:
          s.query.trim() !== '' ||
          s.environmentFilter !== ALL_ENVIRONMENTS ||
          s.accountFilter !== ALL_ACCOUNTS ||
          s.statusFilter !== 'live',
        running: s.job?.state === 'running',
        startVerifyAll: s.startVerifyAll,
        openDialog: s.openDialog,
        hasAccounts: s.accounts.length > 0,
      })),
    );
  const offline = useOffline();
  // Some accounts down, others not: Verify all still runs, and names the ones it cannot reach.
  const verifyNote = useVerifyAllNote();
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
          {countText(shown, total, revoked, filtered)}
        </span>
      </div>
      <div className="toolbar__actions">
        <button
          type="button"
          className="btn btn--default"
          onClick={() => openDialog({ kind: 'accounts' })}
        >
          Accounts
        </button>
        <button
          type="button"
          className="btn btn--default"
          onClick={() => openDialog({ kind: 'activity' })}
        >
          Activity
        </button>
        <button
          type="button"
          className="btn btn--default"
          onClick={() => openDialog({ kind: 'settings' })}
        >
          Settings
        </button>
        <button
          type="button"
          className="btn btn--default"
          onClick={() => openDialog({ kind: 'receive' })}
        >
          Receive a key…
        </button>
        <DataMenu />
        <SyncNowButton />
        <ActionButton
          disabledReason={verifyReason}
          title={verifyNote ?? undefined}
          onClick={() => void startVerifyAll()}
        >
          Verify all
        </ActionButton>
        <ActionButton
          variant="primary"
          disabledReason={hasAccounts ? null : 'Add an account first: Accounts, then Add account.'}
          onClick={() => openDialog({ kind: 'new-key' })}
          aria-keyshortcuts="Control+N Meta+N"
        >
          New key
        </ActionButton>
      </div>
    </div>
  );
}
