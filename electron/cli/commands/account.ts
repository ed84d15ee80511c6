import type { Command } from 'commander';
import { addAccount, listAccounts } from '../../core/accounts.ts';
import { openCore } from '../context.ts';
import { printJson, printTable, readSecret } from '../io.ts';

export function registerAccount(program: Command): void {
  const account = program
    .command('account')
    .description('ApexVerify accounts: the key the app calls the API with');

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
        const core = await openCore(cmd.optsWithGlobals());
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

  account
    .command('list')
    .description('list accounts')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const core = await openCore(cmd.optsWithGlobals());
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
    });
}
