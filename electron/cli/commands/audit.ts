// apexkeys audit: the audit trail, all of it or one label's history (revoked keys included).
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors.ts';
import { findAccount } from '../../core/accounts.ts';
import { AUDIT_FILE } from '../../core/audit.ts';
import { shortDate } from '../format.ts';
import { printJson, printTable, warn } from '../io.ts';
import type { CliSession } from '../session.ts';

/** "2 lines of audit.jsonl could not be read (line 3, 7)": the first few line numbers. */
export function unreadableNote(lines: number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  const more = lines.length > 10 ? `, and ${lines.length - 10} more` : '';
  const n = lines.length === 1 ? '1 line' : `${lines.length} lines`;
  return `${n} of ${AUDIT_FILE} could not be read (line${lines.length === 1 ? '' : 's'} ${shown}${more}); every other event is shown.`;
}

export async function showAudit(
  session: CliSession,
  o: { key?: string; account?: string; json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  let keyIds: string[] | undefined;
  if (o.key !== undefined) {
    const data = await core.store.read();
    const accountId = o.account === undefined ? undefined : findAccount(data, o.account).id;
    // A label's history includes the revoked keys that carried it before.
    keyIds = data.keys
      .filter((k) => k.label === o.key && (accountId === undefined || k.accountId === accountId))
      .map((k) => k.id);
    if (keyIds.length === 0)
      throw new AppError('UNKNOWN_KEY', `No key is labelled "${o.key.slice(0, 64)}".`);
  }
  const { events, unreadableLines } = await core.audit.read(keyIds ? { keyIds } : {});
  // Said on stderr, so --json on stdout keeps its shape.
  if (unreadableLines.length) warn(unreadableNote(unreadableLines));
  if (o.json) return printJson(events);
  printTable(
    ['TIME', 'ACTION', 'OUTCOME', 'LABEL', 'FINGERPRINT', 'DETAIL'],
    events.map((e) => [
      shortDate(e.at),
      e.action,
      e.outcome,
      e.label ?? '-',
      e.fingerprint ?? '-',
      e.detail
        ? Object.entries(e.detail)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')
        : '',
    ]),
  );
}
