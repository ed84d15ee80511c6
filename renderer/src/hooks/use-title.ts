// The window title counts the keys due for rotation: "ApexVerify Key Manager — 3 due". Electron's
// window follows the page title; in the preview host it is the browser tab's.
import { useEffect, useMemo } from 'react';
import { isDue } from '../../../shared/due.ts';
import { hiddenAccountIds } from '../lib/accounts.ts';
import { useAppState } from '../state/context.ts';
import { useNow } from './use-now.ts';
import { useReminderDays, useRemindersOn } from './use-reminder-settings.ts';

export const APP_TITLE = 'ApexVerify Key Manager';

export function titleFor(due: number, remindersOn: boolean): string {
  return remindersOn && due > 0 ? `${APP_TITLE} — ${due} due` : APP_TITLE;
}

export function useTitle(): void {
  const keys = useAppState((s) => s.keys);
  // The keys of a hidden built-in sandbox are not in the list, so not in its count either.
  const hidden = useAppState((s) => hiddenAccountIds(s.accounts, s.settings));
  const days = useReminderDays();
  const on = useRemindersOn();
  const now = useNow(60_000);
  const due = useMemo(() => {
    const skip = new Set(hidden.split('\n'));
    return keys.filter((k) => !skip.has(k.accountId) && isDue(k, now, days)).length;
  }, [keys, hidden, now, days]);
  const title = titleFor(due, on);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
