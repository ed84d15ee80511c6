// apexkeys rotate start: start or resume a run; API mode generates the new key, dashboard mode
// reads the one the dashboard showed from stdin.
import type { Command } from 'commander';
import { pastedKeyNeeded, startRotation } from '../../../core/rotation/index.ts';
import { info, readSecret } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';
import { settleAt } from './settle.ts';

export async function rotateStart(
  session: CliSession,
  label: string,
  o: { account?: string },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const ref = refOf(label, o.account);
  const pasted = (await pastedKeyNeeded(core, ref))
    ? await readSecret('the new key the dashboard showed')
    : '';
  const v = await startRotation(core, ref, pasted ? { newSecret: pasted } : {});
  if (v.newKey)
    info(
      `Rotation ${v.runId}: the new key "${v.newKey.label}" (${v.newKey.hint}, fingerprint ${v.newKey.fingerprint}) is in the keychain, status ${v.newKey.status}.`,
    );
  settleAt(session, v, 'deploy', label);
}
