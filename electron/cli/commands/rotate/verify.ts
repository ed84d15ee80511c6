// apexkeys rotate verify: check the new key (200) and confirm the step; a recently used old key
// needs --accept-recent-use as the second confirmation.
import type { Command } from 'commander';
import { verifyNewKey } from '../../../core/rotation/index.ts';
import { printJson } from '../../io.ts';
import { accountOption, refOf } from '../../key-ref.ts';
import { rotationLines } from '../../rotate-format.ts';
import type { CliSession } from '../../session.ts';
import { settleAt } from './settle.ts';

export function registerRotateVerify(rotate: Command, session: CliSession): void {
  rotate
    .command('verify')
    .description('verify the new key (200) and confirm the step; API mode shows both last uses')
    .argument('<label>')
    .addOption(accountOption())
    .option('--json', 'print JSON')
    .option('--accept-recent-use', 'the second confirmation when the old key was used recently')
    .action(
      async (
        label: string,
        o: { account?: string; json?: boolean; acceptRecentUse?: boolean },
        cmd: Command,
      ) => {
        const core = await session.openCore(cmd);
        const v = await verifyNewKey(core, refOf(label, o.account), {
          acceptRecentUse: o.acceptRecentUse === true,
        });
        if (o.json) printJson(v);
        else process.stdout.write(`${rotationLines(v).join('\n')}\n`);
        if (v.evidence.verify?.recentUse && v.step === 'verify')
          v.notice = `${v.notice} Run again with --accept-recent-use to confirm anyway.`;
        settleAt(session, v, 'revoke', label);
      },
    );
}
