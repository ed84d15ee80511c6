// apexkeys account: the ApexVerify accounts the app calls the API for. Each action lives in its
// own module, imported only when that command runs (see lazy-action.ts).
import type { Command } from 'commander';
import { lazyAction } from '../../lazy-action.ts';
import type { CliSession } from '../../session.ts';

export function registerAccount(program: Command, session: CliSession): void {
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
    .action(lazyAction(session, async () => (await import('./add.ts')).accountAdd));
  account
    .command('list')
    .description('list accounts')
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./list.ts')).accountList));
  account
    .command('rename')
    .description('rename an account; its keys, rotations and audit trail follow')
    .argument('<old>', 'the account name now')
    .argument('<new>', 'the new name')
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./rename.ts')).accountRename));
  account
    .command('remove')
    .description(
      "remove an account: its key and its keys' secrets leave the keychain, its keys and rotations the store; the audit trail is kept and the keys on the server are not touched",
    )
    .argument('<name>')
    .requiredOption('--confirm <name>', 'the account name again, typed exactly')
    .option('--json', 'print JSON')
    .action(lazyAction(session, async () => (await import('./remove.ts')).accountRemove));
}
