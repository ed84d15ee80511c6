// Dates as people read them: "3 days ago" in the list, the exact local time on hover or focus.
const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const exactFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});
const shortFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STEPS: Array<[limitMs: number, unit: Intl.RelativeTimeFormatUnit, sizeMs: number]> = [
  [45 * MINUTE, 'minute', MINUTE],
  [22 * HOUR, 'hour', HOUR],
  [7 * DAY, 'day', DAY],
  [35 * DAY, 'week', 7 * DAY],
  [335 * DAY, 'month', 30 * DAY],
  [Infinity, 'year', 365 * DAY],
];

/**
 * "3 days ago", "in 2 weeks". Under a minute, `seconds` gives "45 s ago" (evidence, re-rendered
 * every second); without it, "just now" (lists, re-rendered every 30 s, so it turns into
 * "1 minute ago" in time; short, so it fits the list's date columns).
 */
export function relativeTime(iso: string, now: number, seconds = false): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  if (abs < 60_000) {
    const s = Math.round(abs / 1000);
    if (seconds && s === 0) return 'just now';
    if (seconds) return diff <= 0 ? `${s} s ago` : `in ${s} s`;
    return diff <= 0 ? 'just now' : 'in a moment';
  }
  for (const [limit, unit, size] of STEPS)
    if (abs < limit) return rtf.format(Math.round(diff / size), unit);
  return rtf.format(Math.round(diff / (365 * DAY)), 'year');
}

/** The exact local date and time, in the user's own locale. */
export function exactTime(iso: string): string {
  return exactFormat.format(new Date(iso));
}

export function shortDate(iso: string): string {
  return shortFormat.format(new Date(iso));
}

// The one due rule lives in shared/ (the CLI's `key list --due` uses it too).
export { dueState, type DueState } from '../../../shared/due.ts';
