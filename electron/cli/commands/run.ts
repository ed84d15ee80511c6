// apexkeys run: hand the key (or, with --pending, the rotation's new key) to a command's
// environment; the CLI exits with the command's code.
import type { Command } from 'commander';
import { runWithKey } from '../../core/key-handout.ts';
import { runWithPending } from '../../core/rotation/index.ts';
import { refOf } from '../key-ref.ts';
import type { CliSession } from '../session.ts';

export async function runCommand(
  session: CliSession,
  command: string,
  args: string[],
  o: { key: string; var: string; account?: string; pending?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const ref = refOf(o.key, o.account);
  session.exitCode = o.pending
    ? await runWithPending(core, ref, command, args, o.var)
    : await runWithKey(core, ref, command, args, o.var);
}
