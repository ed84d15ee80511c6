// apexkeys rotate deployed: confirm the deployment, after replacing the old key's value in the
// named .env files.
import type { Command } from 'commander';
import { confirmDeployed } from '../../../core/rotation/index.ts';
import { info, warn } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';
import { settleAt } from './settle.ts';

export async function rotateDeployed(
  session: CliSession,
  label: string,
  o: { account?: string; envFile?: string[]; allLocations?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const v = await confirmDeployed(core, refOf(label, o.account), {
    envFiles: o.envFile ?? [],
    allLocations: Boolean(o.allLocations),
  });
  for (const f of v.evidence.deploy?.envFiles ?? []) {
    if (f.changed)
      info(`Updated ${f.path} (${f.variables.join(', ')}); previous file kept as ${f.backup}.`);
    else info(`${f.path} does not hold the old key; left untouched.`);
    if (f.gitTracked)
      warn(`${f.path} is tracked by git: the key will be committed unless you untrack it.`);
  }
  settleAt(session, v, 'verify', label);
}
