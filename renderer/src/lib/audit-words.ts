// How an audit event reads in the window: one wording for a key's own trail and the Activity
// dialog, so the same event never reads two ways.
import type { AuditEvent } from '../../../shared/schemas.ts';
import { codeWords } from './errors.ts';

export const ACTION_TEXT: Record<AuditEvent['action'], string> = {
  'account-added': 'Account added',
  'account-renamed': 'Account renamed',
  'account-removed': 'Account removed',
  created: 'Created',
  imported: 'Saved from the dashboard',
  generated: 'Generated',
  verified: 'Verified',
  copied: 'Copied to the clipboard',
  revealed: 'Revealed',
  exported: 'Written to a .env file',
  ran: 'Passed to a command',
  updated: 'Details edited',
  disabled: 'Disabled',
  enabled: 'Enabled',
  revoked: 'Revoked',
  synced: 'Synced',
  'rotation-step': 'Rotation step',
  located: 'Found in a file',
  'location-forgotten': 'Location forgotten',
  shared: 'Shared with a teammate',
  received: 'Received from a teammate',
  'backed-up': 'Backed up',
  restored: 'Restored from a backup',
};

export function detailOf(e: AuditEvent): string | null {
  const d = e.detail ?? {};
  if (typeof d.file === 'string') return d.file;
  if (typeof d.command === 'string') return d.command;
  if (d.proof === '401') return 'proof: 401';
  // The store keeps the code (the CLI's --json shows it); the window shows its words.
  if (typeof d.error === 'string') return codeWords(d.error);
  return null;
}

/** "Verified", or "Verified (failed)". */
export const actionWords = (e: AuditEvent): string =>
  `${ACTION_TEXT[e.action]}${e.outcome === 'failed' ? ' (failed)' : ''}`;

export const actorWords = (e: AuditEvent): string => (e.actor === 'cli' ? 'CLI' : 'App');

/** "1 line" / "3 lines" of the audit file that could not be read. */
export const unreadableWords = (n: number): string =>
  `${n === 1 ? '1 line' : `${n} lines`} of the audit file could not be read (damaged by a crash or edited by hand); every other event is shown.`;
