// apexkeys rotate finish: revoke the old key (the label typed again) and prove it answers 401.
import type { Command } from 'commander';
import { finishRotation } from '../../../core/rotation/index.ts';
import { info } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';
import { settleAt } from './settle.ts';

export async function rotateFinish(
  session: CliSession,
  label: string,
  o: { confirm: string; account?: string },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const v = await finishRotation(core, refOf(label, o.account), { confirmLabel: o.confirm });
  if (v.step === 'done')
    info(
      `Revoked the old key: it answered 401 at ${v.evidence.revoke?.proof?.checkedAt}. "${v.newKey?.label}" now names the new key (${v.newKey?.hint}).`,
    );
  settleAt(session, v, 'done', label);
}
