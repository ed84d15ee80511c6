// apexkeys key disable / key enable (API mode): one command under two names, which differ only
// in the state they ask for.
import type { Command } from 'commander';
import { setKeyEnabled } from '../../../core/key-lifecycle.ts';
import { info } from '../../io.ts';
import { accountOption, refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export function registerKeyEnabled(key: Command, session: CliSession, enabled: boolean): void {
  key
    .command(enabled ? 'enable' : 'disable')
    .description(
      enabled
        ? 'enable a disabled key (API mode)'
        : 'disable a key: it gets 401 until enabled again (API mode)',
    )
    .argument('<label>')
    .addOption(accountOption())
    .action(async (label: string, o: { account?: string }, cmd: Command) => {
      const core = await session.openCore(cmd);
      const view = await setKeyEnabled(core, refOf(label, o.account), enabled);
      info(`"${view.label}" is now ${view.status}.`);
    });
}
