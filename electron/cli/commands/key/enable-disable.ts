// apexkeys key disable / key enable (API mode): one command under two names, which differ only
// in the state they ask for.
import type { Command } from 'commander';
import { setKeyEnabled } from '../../../core/key-lifecycle.ts';
import { info } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export function keyEnabled(enabled: boolean) {
  return async (
    session: CliSession,
    label: string,
    o: { account?: string },
    cmd: Command,
  ): Promise<void> => {
    const core = await session.openCore(cmd);
    const view = await setKeyEnabled(core, refOf(label, o.account), enabled);
    info(`"${view.label}" is now ${view.status}.`);
  };
}
