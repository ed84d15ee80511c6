// A row's Last used while Verify all runs. The store learns last use from ApexVerify's list only
// when the run ends (one list call per account, not one per key), but a key the server accepted
// was just used by this app's own check (every authenticated request moves last_used_at), so the
// row says so as its result arrives. A rejected or failed check says nothing of last use, and a
// dashboard-mode account's last use is not read from the server, so those rows keep theirs.
import { useShallow } from 'zustand/react/shallow';
import type { KeyView } from '../../../shared/views.ts';
import { useAppState } from '../state/context.ts';

export function useLiveLastUsed(key: KeyView): { iso: string | null; byApp: boolean } {
  return useAppState(
    useShallow((s) => {
      const fresh = s.verifyResults[key.id];
      const api = s.accounts.find((a) => a.id === key.accountId)?.mode === 'api';
      const newer =
        fresh !== undefined &&
        (key.lastUsedAt === null || Date.parse(key.lastUsedAt) < Date.parse(fresh.checkedAt));
      if (api && fresh?.status === 'ok' && newer) return { iso: fresh.checkedAt, byApp: true };
      return { iso: key.lastUsedAt, byApp: key.lastUsedByApp === true };
    }),
  );
}
