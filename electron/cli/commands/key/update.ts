// apexkeys key update: change a key's local metadata; at least one change is required.
import type { Command } from 'commander';
import { updateKeyMeta, type MetaPatch } from '../../../core/keys.ts';
import { keyJson } from '../../format.ts';
import { info, printJson } from '../../io.ts';
import { accountOption, refOf } from '../../key-ref.ts';
import { parseWholeNumber } from '../../parse.ts';
import type { CliSession } from '../../session.ts';

interface UpdateOpts {
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

export function registerKeyUpdate(key: Command, session: CliSession): void {
  key
    .command('update')
    .description(
      "change a key's local metadata (environment, service, owner, notes, rotation period)",
    )
    .argument('<label>')
    .addOption(accountOption())
    .option('--env <environment>', 'new environment')
    .option('--service <name>', 'the service that uses the key')
    .option('--owner <name>', 'who owns the key')
    .option('--notes <text>', 'free notes')
    .option(
      '--rotation-days <days|default>',
      'rotation period in days, or "default" for the environment\'s',
      (v) => (v === 'default' ? ('default' as const) : parseWholeNumber(1, 3650)(v)),
    )
    .option('--json', 'print the record as JSON')
    .action(async (label: string, o: UpdateOpts, cmd: Command) => {
      const patch = patchOf(o);
      if (Object.keys(patch).length === 0)
        cmd.error('error: nothing to change; see --help', { exitCode: 2 });
      const view = await updateKeyMeta(await session.openCore(cmd), refOf(label, o.account), patch);
      if (o.json) printJson(keyJson(view));
      else info(`Updated "${view.label}".`);
    });
}
