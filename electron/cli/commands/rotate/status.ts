// apexkeys rotate status: the step, both keys (no secrets), the evidence and the next command.
import type { Command } from 'commander';
import { AppError } from '../../../../shared/errors.ts';
import { getRotation } from '../../../core/rotation/index.ts';
import { printJson } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import { nextCommand, rotationLines } from '../../rotate-format.ts';
import type { CliSession } from '../../session.ts';

export async function rotateStatus(
  session: CliSession,
  label: string,
  o: { account?: string; json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const v = await getRotation(core, refOf(label, o.account));
  if (!v)
    throw new AppError(
      'REFUSED',
      `"${label}" has never been rotated; start with "apexkeys rotate start ${label}".`,
    );
  if (o.json) return printJson(v);
  process.stdout.write(`${rotationLines(v).join('\n')}\n`);
  const next = nextCommand(v, label);
  if (next) process.stdout.write(`  next: ${next}\n`);
}
