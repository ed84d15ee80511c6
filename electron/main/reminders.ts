// Reminders outside the window: the dock/taskbar badge counts the keys due for rotation, and at
// most one OS notification a day names them; clicking it opens the key (or the due list). The
// due rule is the window's and the CLI's (shared/due.ts). Show reminders off: no badge, no
// notification. Nothing here ever holds a secret: labels and dates only.
import { app, Notification } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDue } from '../../shared/due.ts';
import type { ReminderTarget } from '../../shared/ipc/reminder-channels.ts';
import type { Settings } from '../../shared/schemas.ts';
import type { KeyView } from '../../shared/views.ts';
import type { CoreDeps } from '../core/deps.ts';
import { listKeys } from '../core/keys.ts';
import { getSettings } from '../core/settings.ts';
import { isSandbox } from '../core/window-api/account-handlers.ts';
import type { ReminderMailbox } from '../core/window-api/reminder-handlers.ts';
import { SANDBOX_ACCOUNT } from '../hosts/sandbox-account.ts';

const HOUR_MS = 3_600_000;
export const REMINDER_DAY_FILE = 'reminder-day.json';

/** What the reminders read and do; electronReminderOs() gives the real ones. */
export interface ReminderDeps {
  /** The keys and the settings as they are now (the store can change under the app: the CLI). */
  read(): Promise<{ keys: KeyView[]; settings: Pick<Settings, 'reminders' | 'reminderDays'> }>;
  now(): number;
  os: ReminderOs;
  /** The local day (YYYY-MM-DD) of the last notification, kept between runs. */
  lastDay: { get(): string | null; set(day: string): void };
  mailbox: ReminderMailbox;
  /** Shows and focuses the window; its focus makes the renderer take the mailbox's target. */
  showWindow(): void;
}

export interface ReminderOs {
  setBadgeCount(count: number): void;
  notify(n: { title: string; body: string; onClick(): void }): void;
}

export interface Reminders {
  /** Recomputes the badge and, once a day, notifies; never throws (a reminder is not worth a crash). */
  check(): Promise<void>;
  /** Checks now and every hour; returns the stop. */
  start(): () => void;
}

const localDay = (ms: number): string => {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
};

/** The words of the notification, and what its click shows. */
export function reminderMessage(due: KeyView[]): {
  title: string;
  body: string;
  target: ReminderTarget;
} {
  const [only] = due;
  if (due.length === 1 && only)
    return {
      title: `"${only.label}" is due for rotation`,
      body: `${only.environment} key of ${only.account}: open it in the app to rotate it.`,
      target: { show: 'key', keyId: only.id },
    };
  return {
    title: `${due.length} keys are due for rotation`,
    body: `${due
      .map((k) => k.label)
      .slice(0, 3)
      .join(', ')}${due.length > 3 ? ', …' : ''}: open the app to see them.`,
    target: { show: 'due' },
  };
}

export function createReminders(deps: ReminderDeps): Reminders {
  const check = async () => {
    try {
      const { keys, settings } = await deps.read();
      const now = deps.now();
      const due = settings.reminders
        ? keys.filter((k) => isDue(k, now, settings.reminderDays))
        : [];
      deps.os.setBadgeCount(due.length);
      const today = localDay(now);
      if (due.length === 0 || deps.lastDay.get() === today) return;
      // Remembered before showing: a notification that fails to show is not retried all day.
      deps.lastDay.set(today);
      const m = reminderMessage(due);
      deps.os.notify({
        title: m.title,
        body: m.body,
        onClick: () => {
          deps.mailbox.put(m.target);
          deps.showWindow();
        },
      });
    } catch (e) {
      console.warn('Reminders could not be checked:', e instanceof Error ? e.message : e);
    }
  };
  return {
    check,
    start() {
      void check();
      const timer = setInterval(() => void check(), HOUR_MS);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

/**
 * The badge where the platform has a count (macOS, Linux's Unity launcher; Windows has none, so
 * nothing there), and a notification where the desktop has them.
 */
export function electronReminderOs(platform: NodeJS.Platform): ReminderOs {
  // Notifications are kept alive until clicked or closed: a collected one loses its click.
  const live = new Set<Notification>();
  return {
    setBadgeCount(count) {
      if (platform !== 'win32') app.setBadgeCount(count);
    },
    notify({ title, body, onClick }) {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title, body });
      live.add(n);
      n.on('click', () => {
        live.delete(n);
        onClick();
      });
      n.on('close', () => void live.delete(n));
      n.show();
    },
  };
}

/** The last notification's day in a small file in the data folder (no secret: a date). */
export function reminderDayFile(dataDir: string): ReminderDeps['lastDay'] {
  const path = join(dataDir, REMINDER_DAY_FILE);
  return {
    get() {
      try {
        const v = (JSON.parse(readFileSync(path, 'utf8')) as { day?: unknown }).day;
        return typeof v === 'string' ? v : null;
      } catch {
        // Missing or damaged: at worst one more notification today.
        return null;
      }
    },
    set(day) {
      try {
        writeFileSync(path, `${JSON.stringify({ day })}\n`, { mode: 0o600 });
      } catch (e) {
        console.warn('The reminder day could not be saved:', e instanceof Error ? e.message : e);
      }
    },
  };
}

/**
 * The live keys and the settings, read through the core as the window's list is; the keys of a
 * hidden built-in sandbox are left out, as the window leaves them out of its list and title.
 */
export function coreReminderReader(deps: CoreDeps): ReminderDeps['read'] {
  return async () => {
    const settings = await getSettings(deps);
    const { accounts } = await deps.store.read();
    const hidden = new Set(
      settings.hideSandbox
        ? accounts.filter((a) => a.name === SANDBOX_ACCOUNT && isSandbox(a)).map((a) => a.id)
        : [],
    );
    const keys = await listKeys(deps, { includeRevoked: false });
    return { keys: keys.filter((k) => !hidden.has(k.accountId)), settings };
  };
}
