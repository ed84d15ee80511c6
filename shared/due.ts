// When a key counts as due for rotation: one rule for the window (row badge, filter, title
// count, dock badge, notification) and the CLI (`key list --due`).
const DAY_MS = 86_400_000;

/** The reminder window when the settings give none. */
export const DEFAULT_REMINDER_DAYS = 14;

export type DueState = 'overdue' | 'soon' | null;

/** Overdue once the due date has passed; due soon within `withinDays` of it. */
export function dueState(
  dueAt: string | null,
  now: number,
  withinDays: number = DEFAULT_REMINDER_DAYS,
): DueState {
  if (dueAt === null) return null;
  const left = Date.parse(dueAt) - now;
  if (left <= 0) return 'overdue';
  return left <= withinDays * DAY_MS ? 'soon' : null;
}

/** A revoked key is never due: it has nothing left to rotate. */
export function isDue(
  key: { status: string; rotationDueAt: string | null },
  now: number,
  withinDays: number = DEFAULT_REMINDER_DAYS,
): boolean {
  return key.status !== 'revoked' && dueState(key.rotationDueAt, now, withinDays) !== null;
}
