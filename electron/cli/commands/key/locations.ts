// apexkeys key locations: where the key is known to be (files and variables; never a value),
// and with --check what each file holds now.
import type { Command } from 'commander';
import { LOCATION_STATE_WORDS, type CheckedLocation } from '../../../../shared/locations.ts';
import { keyLocations } from '../../../core/locations/check.ts';
import { info, printJson, printTable } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export async function keyLocationsCmd(
  session: CliSession,
  label: string,
  o: { account?: string; check?: boolean; json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const list = await keyLocations(core, refOf(label, o.account), { check: o.check });
  const rows = list.map((l) => ({
    path: l.path,
    variable: l.variable,
    ...('state' in l ? { state: (l as CheckedLocation).state } : {}),
    recordedAt: l.recordedAt,
  }));
  if (o.json) return printJson(rows);
  if (!rows.length) return info(`No known location of "${label}".`);
  printTable(
    o.check ? ['FILE', 'VARIABLE', 'STATE', 'RECORDED'] : ['FILE', 'VARIABLE', 'RECORDED'],
    rows.map((r) =>
      r.state
        ? [r.path, r.variable, LOCATION_STATE_WORDS[r.state], r.recordedAt]
        : [r.path, r.variable, r.recordedAt],
    ),
  );
}
