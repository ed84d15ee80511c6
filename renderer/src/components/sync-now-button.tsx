// Sync now: shown while an API-mode account exists; with dashboard-mode accounts only, a short
// text says there is no list to sync. Also where the window syncs by itself: once on start, and
// on focus (the slice limits that to once a minute per account).
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useOffline, usePending } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';

export const DASHBOARD_ONLY_TEXT = 'Dashboard-mode accounts have no key list to sync.';

export function SyncNowButton() {
  const { hasApi, hasAccounts, syncNow, syncQuietly, syncOnFocus } = useAppState(
    useShallow((s) => ({
      hasApi: s.accounts.some((a) => a.mode === 'api'),
      hasAccounts: s.accounts.length > 0,
      syncNow: s.syncNow,
      syncQuietly: s.syncQuietly,
      syncOnFocus: s.syncOnFocus,
    })),
  );
  const busy = usePending('sync');
  const offline = useOffline();

  useEffect(() => {
    void syncQuietly();
    const onFocus = () => void syncOnFocus();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [syncQuietly, syncOnFocus]);

  if (!hasApi)
    return hasAccounts ? <span className="toolbar__note">{DASHBOARD_ONLY_TEXT}</span> : null;
  return (
    <ActionButton
      busy={busy}
      disabledReason={offline ? 'Unavailable while offline: syncing needs ApexVerify.' : null}
      title="List the keys on the server and merge what changed there"
      onClick={() => void syncNow()}
    >
      Sync now
    </ActionButton>
  );
}
