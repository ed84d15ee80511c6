// apexkeys account rename: a new name for an account; its keys, runs and audit follow by id.
import type { Command } from 'commander';
import { renameAccount } from '../../../core/account-admin.ts';
import { info, printJson } from '../../io.ts';
import type { CliSession } from '../../session.ts';

export async function accountRename(
  session: CliSession,
  oldName: string,
  newName: string,
  opts: { json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const renamed = await renameAccount(core, { name: oldName }, newName);
  if (opts.json) printJson({ from: oldName, name: renamed.name, baseUrl: renamed.baseUrl });
  else if (renamed.name === oldName) info(`Account "${oldName}" already has that name.`);
  else info(`Renamed account "${oldName}" to "${renamed.name}".`);
}
