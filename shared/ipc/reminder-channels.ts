// Reminders: what a clicked OS notification asked the window to show. Main keeps it until the
// window asks (at start and whenever it gains focus), so no message is pushed to the renderer.
import { z } from 'zod';
import { id, none } from './fields.ts';

export const reminderTargetSchema = z.discriminatedUnion('show', [
  /** One key was due: open it. */
  z.object({ show: z.literal('key'), keyId: id }),
  /** Several were: the list filtered to Due for rotation. */
  z.object({ show: z.literal('due') }),
]);
export type ReminderTarget = z.infer<typeof reminderTargetSchema>;

export const reminderChannels = {
  /** The target of the last clicked notification, once (null when there is none). */
  takeReminderTarget: { input: none, output: reminderTargetSchema.nullable() },
} as const;
