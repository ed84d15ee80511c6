// The settings the CLI's `apexkeys settings` shows and sets, and the window's own preferences.
import { z } from 'zod';
import { settingsSchema } from '../schemas.ts';
import { windowPrefsChangeSchema, windowPrefsSchema } from '../window-prefs.ts';
import { none, text } from './fields.ts';

export const settingsChannels = {
  getSettings: { input: none, output: settingsSchema },
  /** Only the fields given change; a value outside its range is refused with `field` set. */
  saveSettings: {
    input: z
      .object({
        clipboardClearSec: z.number().optional(),
        rateShare: z.number().optional(),
        recentUseWindowMin: z.number().optional(),
        reminderDays: z.number().optional(),
        reminders: z.boolean().optional(),
        theme: z.enum(['system', 'light', 'dark']).optional(),
        hideSandbox: z.boolean().optional(),
        /** Per environment: days, or null for "never" (refused for production). */
        rotationDays: z.record(text(64), z.number().nullable()).optional(),
      })
      .strict(),
    output: settingsSchema,
  },
  getWindowPrefs: { input: none, output: windowPrefsSchema },
  setWindowPrefs: { input: windowPrefsChangeSchema, output: windowPrefsSchema },
} as const;
