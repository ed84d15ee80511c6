// The reminder window and the Show reminders switch, as the settings give them; until the
// settings are loaded (null), the defaults: 14 days, reminders on.
import { DEFAULT_REMINDER_DAYS } from '../../../shared/due.ts';
import { useAppState } from '../state/context.ts';

export function useReminderDays(): number {
  return useAppState((s) => s.settings?.reminderDays ?? DEFAULT_REMINDER_DAYS);
}

export function useRemindersOn(): boolean {
  return useAppState((s) => s.settings?.reminders ?? true);
}
