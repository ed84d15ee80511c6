// The reminder channel. Only the Electron host shows OS notifications; it passes the mailbox its
// notifications fill. Elsewhere (the preview host) there is never a target.
import type { ReminderTarget } from '../../../shared/ipc/reminder-channels.ts';
import type { Handlers } from './handlers.ts';

type ReminderHandlers = Pick<Handlers, 'takeReminderTarget'>;

/** Holds the one target of the last clicked notification until the window takes it. */
export interface ReminderMailbox {
  put(target: ReminderTarget): void;
  take(): ReminderTarget | null;
}

export function createReminderMailbox(): ReminderMailbox {
  let held: ReminderTarget | null = null;
  return {
    put: (target) => void (held = target),
    take() {
      const t = held;
      held = null;
      return t;
    },
  };
}

export function createReminderHandlers(mailbox?: ReminderMailbox): ReminderHandlers {
  return { takeReminderTarget: async () => mailbox?.take() ?? null };
}
