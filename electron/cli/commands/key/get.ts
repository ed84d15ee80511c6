// apexkeys key get: print the secret (or, with --pending, the new key of LABEL's rotation).
import type { Command } from 'commander';
import { revealKey } from '../../../core/key-handout.ts';
import { revealPending } from '../../../core/rotation/index.ts';
import { accountOption, refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export function registerKeyGet(key: Command, session: CliSession): void {
  key
    .command('get')
    .description('print the secret and a newline (recorded in the audit trail)')
    .argument('<label>')
    .addOption(accountOption())
    .option('--pending', "the new key of LABEL's open rotation")
    .action(async (label: string, o: { account?: string; pending?: boolean }, cmd: Command) => {
      const core = await session.openCore(cmd);
      const secret = o.pending
        ? await revealPending(core, refOf(label, o.account), 'cli-get')
        : await revealKey(core, refOf(label, o.account), 'cli-get');
      process.stdout.write(`${secret}\n`);
    });
}
