// apexkeys account list: the accounts as a table or JSON (never their keys).
import type { Command } from 'commander';
import { listAccounts } from '../../../core/accounts.ts';
import { printJson, printTable } from '../../io.ts';
import type { CliSession } from '../../session.ts';

export async function accountList(
  session: CliSession,
  opts: { json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const accounts = await listAccounts(core);
  if (opts.json) {
    printJson(
      accounts.map((a) => ({
        name: a.name,
        baseUrl: a.baseUrl,
        mode: a.mode,
        dashboardUrl: a.dashboardUrl,
        lastSyncAt: a.lastSyncAt,
      })),
    );
    return;
  }
  printTable(
    ['NAME', 'MODE', 'BASE URL'],
    accounts.map((a) => [a.name, a.mode, a.baseUrl]),
  );
}
