// apexkeys run: hand the key (or, with --pending, the rotation's new key) to a command's
// environment; the CLI exits with the command's code.
import type { Command } from 'commander';
import { DEFAULT_ENV_VAR } from '../../core/env-file.ts';
import { runWithKey } from '../../core/key-handout.ts';
import { runWithPending } from '../../core/rotation/index.ts';
import { accountOption, refOf } from '../key-ref.ts';
import type { CliSession } from '../session.ts';

export function registerRun(program: Command, session: CliSession): void {
  program
    .command('run')
    .description("run a command with the key in its environment; exits with the command's code")
    .requiredOption('--key <label>', 'the key to hand to the command')
    .option('--var <name>', 'variable name', DEFAULT_ENV_VAR)
    .addOption(accountOption())
    .option('--pending', "hand over the new key of the label's open rotation (deploy helper)")
    .argument('<command>', 'the command (after --)')
    .argument('[args...]', 'its arguments')
    .action(
      async (
        command: string,
        args: string[],
        o: { key: string; var: string; account?: string; pending?: boolean },
        cmd: Command,
      ) => {
        const core = await session.openCore(cmd);
        const ref = refOf(o.key, o.account);
        session.exitCode = o.pending
          ? await runWithPending(core, ref, command, args, o.var)
          : await runWithKey(core, ref, command, args, o.var);
      },
    );
}
