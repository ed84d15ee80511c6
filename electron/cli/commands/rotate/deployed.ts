// apexkeys rotate deployed: confirm the deployment, after replacing the old key's value in the
// named .env files. A key held by a teammate (issue 14) gets no .env file: --to and --file write
// the new key into a share file for the holder first.
import type { Command } from 'commander';
import { AppError } from '../../../../shared/errors.ts';
import { confirmDeployed } from '../../../core/rotation/index.ts';
import { info, warn } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';
import { settleAt } from './settle.ts';

interface DeployedFlags {
  account?: string;
  envFile?: string[];
  allLocations?: boolean;
  to?: string[];
  file?: string;
}

/** --to and --file go together: a share file needs both. */
function shareOf(o: DeployedFlags): { recipients: string[]; file: string } | undefined {
  if (!o.to?.length && o.file === undefined) return undefined;
  if (!o.to?.length || o.file === undefined)
    throw new AppError(
      'BAD_INPUT',
      'A share file for the holder needs both --to RECIPIENT and --file PATH. Nothing was written.',
    );
  return { recipients: o.to, file: o.file };
}

export async function rotateDeployed(
  session: CliSession,
  label: string,
  o: DeployedFlags,
  cmd: Command,
): Promise<void> {
  const share = shareOf(o);
  const core = await session.openCore(cmd);
  const v = await confirmDeployed(core, refOf(label, o.account), {
    envFiles: o.envFile ?? [],
    allLocations: Boolean(o.allLocations),
    ...(share ? { share } : {}),
  });
  if (v.held) {
    for (const s of v.held.shares.filter((x) => x.writtenAt))
      info(
        `Wrote the new key, encrypted to ${s.recipients.length === 1 ? '1 recipient' : `${s.recipients.length} recipients`}, to ${s.file}: send it to ${v.held.holder}, who receives it with "apexkeys key receive --file PATH".`,
      );
    if (o.allLocations) info(`Known locations skipped: ${v.held.locationsSkipped}`);
  }
  for (const f of v.evidence.deploy?.envFiles ?? []) {
    if (f.changed)
      info(`Updated ${f.path} (${f.variables.join(', ')}); previous file kept as ${f.backup}.`);
    else info(`${f.path} does not hold the old key; left untouched.`);
    if (f.gitTracked)
      warn(`${f.path} is tracked by git: the key will be committed unless you untrack it.`);
  }
  settleAt(session, v, 'verify', label);
}
