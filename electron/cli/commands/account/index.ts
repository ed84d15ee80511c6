// apexkeys account: the ApexVerify accounts the app calls the API for.
import type { Command } from 'commander';
import type { CliSession } from '../../session.ts';
import { registerAccountAdd } from './add.ts';
import { registerAccountList } from './list.ts';

export function registerAccount(program: Command, session: CliSession): void {
  const account = program
    .command('account')
    .description('ApexVerify accounts: the key the app calls the API with');
  registerAccountAdd(account, session);
  registerAccountList(account, session);
}
