// The list as filtered and sorted now; each step recomputed only when its own inputs change.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KeyView } from '../../../shared/views.ts';
import { hiddenAccountIds } from '../lib/accounts.ts';
import { filterKeys, sortKeys } from '../lib/key-list.ts';
import { useAppState } from '../state/context.ts';
import { useNow } from './use-now.ts';
import { useReminderDays } from './use-reminder-settings.ts';

export function useVisibleKeys(): KeyView[] {
  const { keys, text, environment, account, hidden, status, sort } = useAppState(
    useShallow((s) => ({
      keys: s.keys,
      text: s.query,
      environment: s.environmentFilter,
      account: s.accountFilter,
      hidden: hiddenAccountIds(s.accounts, s.settings),
      status: s.statusFilter,
      sort: s.sort,
    })),
  );
  const now = useNow(60_000);
  const dueWithinDays = useReminderDays();
  // Only the "due" filter depends on the time: other filters must not re-run every minute.
  const nowForFilter = status === 'due' ? now : 0;
  // Sorting waits for the keys or the sort to change; a keystroke only filters.
  const sorted = useMemo(() => sortKeys(keys, sort), [keys, sort]);
  return useMemo(
    () =>
      filterKeys(
        sorted,
        {
          text,
          environment,
          account,
          hiddenAccounts: new Set(hidden.split('\n')),
          status,
          dueWithinDays,
        },
        nowForFilter,
      ),
    [sorted, text, environment, account, hidden, status, nowForFilter, dueWithinDays],
  );
}
