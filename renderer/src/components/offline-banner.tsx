// Shown while an account's ApexVerify cannot be reached: which accounts and since when, which
// actions wait for them, and a Try again per account. Other accounts keep working.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { unreachableAccounts, unreachableWords } from '../lib/offline.ts';
import { useAppState } from '../state/context.ts';
import { selectOffline } from '../state/status-slice.ts';
import { ActionButton } from './action-button.tsx';

const LOCAL_WORKS = 'the list, Copy, Reveal and .env files work offline.';

export function OfflineBanner() {
  const { offline, connection, accounts, checking, checkingAccounts, check, checkAccount } =
    useAppState(
      useShallow((s) => ({
        offline: selectOffline(s),
        connection: s.connection,
        accounts: s.accounts,
        checking: s.checkingConnection,
        checkingAccounts: s.checkingAccounts,
        check: s.checkConnection,
        checkAccount: s.checkAccount,
      })),
    );
  const down = useMemo(() => unreachableAccounts(connection, accounts), [connection, accounts]);
  if (down.length === 0) {
    // A check that did not say which account: one banner for all of them.
    if (!offline) return null;
    return (
      <div role="alert" className="banner banner--offline">
        <p>
          <strong>Offline:</strong> {connection?.reason ?? 'ApexVerify cannot be reached.'} Verify,
          Generate, Enable, Disable and Revoke wait for the connection; {LOCAL_WORKS}
        </p>
        <ActionButton busy={checking} onClick={() => void check()}>
          Try again
        </ActionButton>
      </div>
    );
  }
  // While some account answers, say that its keys are not affected.
  const local = offline ? LOCAL_WORKS : `other accounts keep working, and ${LOCAL_WORKS}`;
  return (
    <div role="alert" className="banner banner--offline">
      <p>
        <strong>Offline:</strong>{' '}
        {down.length === 1 ? 'an account cannot be reached.' : 'some accounts cannot be reached.'}{' '}
        Verify, Generate, Enable, Disable and Revoke of {down.length === 1 ? 'its' : 'their'} keys
        wait for the connection; {local}
      </p>
      <ul className="banner__list">
        {down.map((a) => (
          <li key={a.accountId}>
            {unreachableWords(a)}.{' '}
            <ActionButton
              busy={checkingAccounts[a.accountId] === true}
              aria-label={`Try again for “${a.name}”`}
              onClick={() => void checkAccount(a.accountId)}
            >
              Try again
            </ActionButton>
          </li>
        ))}
      </ul>
    </div>
  );
}
