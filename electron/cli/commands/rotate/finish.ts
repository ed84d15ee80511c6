// apexkeys rotate finish: revoke the old key (the label typed again) and prove it answers 401.
import type { Command } from 'commander';
import { finishRotation } from '../../../core/rotation/index.ts';
import { info, warn } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';
import { withFileLines } from './refusal-lines.ts';
import { settleAt } from './settle.ts';

export async function rotateFinish(
  session: CliSession,
  label: string,
  o: { confirm: string; account?: string; ignoreLocations?: boolean },
  cmd: Command,
): Promise<void> {
  await withFileLines(session, async () => {
    const core = await session.openCore(cmd);
    const v = await finishRotation(core, refOf(label, o.account), {
      confirmLabel: o.confirm,
      ignoreLocations: Boolean(o.ignoreLocations),
    });
    for (const l of v.evidence.locationCheck?.stillHeld ?? [])
      warn(`${l.path} (${l.variable}) still held the old key when it was revoked.`);
    const proof = v.evidence.revoke?.proof;
    if (v.step === 'done' && v.held)
      info(
        `Revoked the old key: the server no longer lists it (checked ${proof?.checkedAt}). "${v.newKey?.label}" now names the new key (${v.newKey?.hint}), held by ${v.held.holder}; its secret was removed from this keychain.`,
      );
    else if (v.step === 'done')
      info(
        `Revoked the old key: it answered 401 at ${proof?.checkedAt}. "${v.newKey?.label}" now names the new key (${v.newKey?.hint}).`,
      );
    settleAt(session, v, 'done', label);
  });
}
