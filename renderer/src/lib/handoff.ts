// The hand-off dialogs' own checks, said before anything is sent: the recipients (the same rule
// the core applies, from shared/handoff.ts) and a file path that must be a full one.
import { recipientProblem } from '../../../shared/handoff.ts';

export const MAX_RECIPIENTS = 20;

/** Recipients typed one per line or separated by commas (or spaces), without repeats. */
export function parseRecipients(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
}

/** Why these recipients cannot be used, naming the first bad one; null when all are fine. */
export function recipientsProblem(recipients: string[]): string | null {
  if (recipients.length === 0)
    return 'Give at least one recipient: the age1… key your teammate’s app shows in Settings.';
  if (recipients.length > MAX_RECIPIENTS)
    return `Give at most ${MAX_RECIPIENTS} recipients for one file.`;
  for (const r of recipients) {
    const problem = recipientProblem(r);
    if (problem) return problem;
  }
  return null;
}

/** Why `path` cannot name the file: empty, or relative (the window has no working folder). */
export function fullPathProblem(path: string, what: string): string | null {
  const p = path.trim();
  if (p === '') return `Give the full path of ${what}.`;
  if (!p.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(p))
    return `Give the full path of ${what}, not a relative one ("${p}").`;
  return null;
}
