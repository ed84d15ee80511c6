import type { Command } from 'commander';
import { DEFAULT_ENV_VAR } from '../../core/env-file.ts';
import { runWithKey } from '../../core/key-handout.ts';
import { runWithPending } from '../../core/rotation/index.ts';
import { openCore } from '../context.ts';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description("run a command with the key in its environment; exits with the command's code")
    .requiredOption('--key <label>', 'the key to hand to the command')
    .option('--var <name>', 'variable name', DEFAULT_ENV_VAR)
    .option('--account <name>', 'the account, where a label exists in several')
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
        const core = await openCore(cmd.optsWithGlobals());
        const ref =
          o.account === undefined ? { label: o.key } : { label: o.key, account: o.account };
        process.exitCode = o.pending
          ? await runWithPending(core, ref, command, args, o.var)
          : await runWithKey(core, ref, command, args, o.var);
      },
    );
}
