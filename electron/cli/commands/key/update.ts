// apexkeys key update: change a key's local metadata; at least one change is required.
import type { Command } from 'commander';
import { updateKeyMeta, type MetaPatch } from '../../../core/keys.ts';
import { keyJson } from '../../format.ts';
import { info, printJson } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export interface UpdateOpts {
  account?: string;
  env?: string;
  service?: string;
  owner?: string;
  notes?: string;
  rotationDays?: number | 'default';
  json?: boolean;
}

function patchOf(o: UpdateOpts): MetaPatch {
  return {
    ...(o.env !== undefined ? { environment: o.env } : {}),
    ...(o.service !== undefined ? { service: o.service } : {}),
    ...(o.owner !== undefined ? { owner: o.owner } : {}),
    ...(o.notes !== undefined ? { notes: o.notes } : {}),
    // commander turns a parser's null into '', hence the 'default' marker.
    ...(o.rotationDays !== undefined
      ? { rotationPeriodDays: o.rotationDays === 'default' ? null : o.rotationDays }
      : {}),
  };
}

export async function keyUpdate(
  session: CliSession,
  label: string,
  o: UpdateOpts,
  cmd: Command,
): Promise<void> {
  const patch = patchOf(o);
  if (Object.keys(patch).length === 0)
    cmd.error('error: nothing to change; see --help', { exitCode: 2 });
  const view = await updateKeyMeta(await session.openCore(cmd), refOf(label, o.account), patch);
  if (o.json) printJson(keyJson(view));
  else info(`Updated "${view.label}".`);
}
