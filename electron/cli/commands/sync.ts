// apexkeys sync: list the server's keys and merge them (API mode), one line per change. A
// dashboard-mode account has no list to sync: it is said, not treated as a failure.
import type { Command } from 'commander';
import { syncAccounts } from '../../core/sync.ts';
import { oneLineSafe, printJson, printLine, warn } from '../io.ts';
import type { CliSession } from '../session.ts';

export async function syncCommand(
  session: CliSession,
  o: { account?: string; json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const result = await syncAccounts(core, o.account === undefined ? {} : { account: o.account });
  if (result.accounts.some((a) => a.outcome === 'failed')) session.exitCode = 1;
  if (o.json) return printJson(result);
  if (result.accounts.length === 0) {
    printLine('There are no accounts: nothing to sync.');
    return;
  }
  for (const a of result.accounts) {
    if (a.outcome === 'skipped') {
      printLine(
        oneLineSafe(`${a.name}: dashboard mode has no list of keys to sync: nothing to sync.`),
      );
      continue;
    }
    if (a.outcome === 'failed') {
      warn(oneLineSafe(`${a.name}: sync failed: ${a.error?.message ?? 'unknown error'}`));
      continue;
    }
    if (a.changes.length === 0) printLine(oneLineSafe(`${a.name}: up to date, nothing changed.`));
    // One line per change whatever a label holds: a script reads it line by line.
    for (const c of a.changes) printLine(oneLineSafe(`${a.name}: ${c}`));
  }
}
