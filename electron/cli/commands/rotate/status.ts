// apexkeys rotate status: the step, both keys (no secrets), the evidence and the next command.
import type { Command } from 'commander';
import { AppError } from '../../../../shared/errors.ts';
import { getRotation } from '../../../core/rotation/index.ts';
import { printJson } from '../../io.ts';
import { accountOption, refOf } from '../../key-ref.ts';
import { nextCommand, rotationLines } from '../../rotate-format.ts';
import type { CliSession } from '../../session.ts';

export function registerRotateStatus(rotate: Command, session: CliSession): void {
  rotate
    .command('status')
    .description('the step, both keys (no secrets) and the evidence so far')
    .argument('<label>')
    .addOption(accountOption())
    .option('--json', 'print JSON')
    .action(async (label: string, o: { account?: string; json?: boolean }, cmd: Command) => {
      const core = await session.openCore(cmd);
      const v = await getRotation(core, refOf(label, o.account));
      if (!v)
        throw new AppError(
          'REFUSED',
          `"${label}" has never been rotated; start with "apexkeys rotate start ${label}".`,
        );
      if (o.json) return printJson(v);
      process.stdout.write(`${rotationLines(v).join('\n')}\n`);
      const next = nextCommand(v, label);
      if (next) process.stdout.write(`  next: ${next}\n`);
    });
}
