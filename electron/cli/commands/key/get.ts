// apexkeys key get: print the secret (or, with --pending, the new key of LABEL's rotation).
import type { Command } from 'commander';
import { revealKey } from '../../../core/key-handout.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export async function keyGet(
  session: CliSession,
  label: string,
  o: { account?: string; pending?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  // The rotation code is loaded only for --pending: a plain `key get` is the CLI's most frequent
  // call, in scripts, and should start as fast as it can.
  const secret = o.pending
    ? await (
        await import('../../../core/rotation/index.ts')
      ).revealPending(core, refOf(label, o.account), 'cli-get')
    : await revealKey(core, refOf(label, o.account), 'cli-get');
  process.stdout.write(`${secret}\n`);
}
