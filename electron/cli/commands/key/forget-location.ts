// apexkeys key forget-location: stop tracking a file as a location of the key (the file is not
// touched).
import type { Command } from 'commander';
import { forgetLocation } from '../../../core/locations/record.ts';
import { info } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export async function keyForgetLocation(
  session: CliSession,
  label: string,
  o: { account?: string; file: string },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const n = await forgetLocation(core, refOf(label, o.account), o.file);
  info(`Forgot ${n} location(s) of "${label}" in ${o.file}; the file was not changed.`);
}
