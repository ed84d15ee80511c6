// apexkeys account add: the account key arrives on stdin; prints the mode the probe found.
import type { Command } from 'commander';
import { addAccount } from '../../../core/accounts.ts';
import { readSecret } from '../../io.ts';
import type { CliSession } from '../../session.ts';

export async function accountAdd(
  session: CliSession,
  opts: { name: string; baseUrl: string; dashboardUrl?: string },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const secret = await readSecret('the account API key');
  const added = await addAccount(core, {
    name: opts.name,
    baseUrl: opts.baseUrl,
    secret,
    ...(opts.dashboardUrl ? { dashboardUrl: opts.dashboardUrl } : {}),
  });
  process.stdout.write(`${added.mode}\n`);
}
