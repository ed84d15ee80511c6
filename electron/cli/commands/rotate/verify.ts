// apexkeys rotate verify: check the new key (200) and confirm the step; a recently used old key
// needs --accept-recent-use as the second confirmation.
import type { Command } from 'commander';
import { verifyNewKey } from '../../../core/rotation/index.ts';
import { printJson } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import { rotationLines } from '../../rotate-format.ts';
import type { CliSession } from '../../session.ts';
import { settleAt } from './settle.ts';

export async function rotateVerify(
  session: CliSession,
  label: string,
  o: { account?: string; json?: boolean; acceptRecentUse?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const v = await verifyNewKey(core, refOf(label, o.account), {
    acceptRecentUse: o.acceptRecentUse === true,
  });
  if (o.json) printJson(v);
  else process.stdout.write(`${rotationLines(v).join('\n')}\n`);
  if (v.evidence.verify?.recentUse && v.step === 'verify')
    v.notice = `${v.notice} Run again with --accept-recent-use to confirm anyway.`;
  settleAt(session, v, 'revoke', label);
}
