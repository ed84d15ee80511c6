// apexkeys account add: the account key arrives on stdin; prints the mode the probe found.
import type { Command } from 'commander';
import { addAccount } from '../../../core/accounts.ts';
import { readSecret } from '../../io.ts';
import type { CliSession } from '../../session.ts';

export function registerAccountAdd(account: Command, session: CliSession): void {
  account
    .command('add')
    .description(
      'add an account; its API key is read from stdin; prints the mode (api or dashboard)',
    )
    .requiredOption('--name <name>', 'a short name, e.g. acme-prod')
    .requiredOption('--base-url <url>', 'API base URL, e.g. https://api.apexverify.com')
    .option('--dashboard-url <url>', 'dashboard URL for dashboard-mode steps')
    .action(
      async (opts: { name: string; baseUrl: string; dashboardUrl?: string }, cmd: Command) => {
        const core = await session.openCore(cmd);
        const secret = await readSecret('the account API key');
        const added = await addAccount(core, {
          name: opts.name,
          baseUrl: opts.baseUrl,
          secret,
          ...(opts.dashboardUrl ? { dashboardUrl: opts.dashboardUrl } : {}),
        });
        process.stdout.write(`${added.mode}\n`);
      },
    );
}
