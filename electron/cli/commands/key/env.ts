// apexkeys key env: write the key into a .env file, warning when git or other users can read it.
import type { Command } from 'commander';
import { DEFAULT_ENV_VAR } from '../../../core/env-file.ts';
import { writeKeyToEnv } from '../../../core/key-handout.ts';
import { info, warn } from '../../io.ts';
import { accountOption, refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export function registerKeyEnv(key: Command, session: CliSession): void {
  key
    .command('env')
    .description(
      "write the key into a .env file (only its variable's line changes; a backup is kept)",
    )
    .argument('<label>')
    .requiredOption('--file <path>', 'the .env file')
    .option('--var <name>', 'variable name', DEFAULT_ENV_VAR)
    .addOption(accountOption())
    .action(
      async (label: string, o: { file: string; var: string; account?: string }, cmd: Command) => {
        const core = await session.openCore(cmd);
        const r = await writeKeyToEnv(core, refOf(label, o.account), o.file, o.var);
        info(
          `${r.created ? 'Created' : 'Updated'} ${r.path} (${o.var})${r.backup ? `; previous file kept as ${r.backup}` : ''}.`,
        );
        if (r.gitTracked)
          warn(
            `${r.path} is tracked by git: the key will be committed unless you remove the file from git and ignore it.`,
          );
        if (r.readableByOthers !== null)
          warn(
            `${r.path} is readable by other users (mode ${r.readableByOthers.toString(8)}); run chmod 600 on it unless a service needs that.`,
          );
      },
    );
}
