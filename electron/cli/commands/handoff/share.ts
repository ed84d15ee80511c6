// apexkeys key share LABEL --to age1… [--to …] --file PATH [--handover [--owner NAME]]: the key,
// encrypted to each recipient, in one new file; with --handover this device's copy then goes.
import type { Command } from 'commander';
import { shareKey } from '../../../core/handoff/share.ts';
import { keyJson } from '../../format.ts';
import { info, printJson } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export interface ShareOpts {
  to: string[];
  file: string;
  handover?: boolean;
  owner?: string;
  account?: string;
  json?: boolean;
}

export async function keyShare(
  session: CliSession,
  label: string,
  o: ShareOpts,
  cmd: Command,
): Promise<void> {
  if (o.owner !== undefined && !o.handover)
    cmd.error('error: --owner goes with --handover (it names who holds the key now)', {
      exitCode: 2,
    });
  const core = await session.openCore(cmd);
  const r = await shareKey(core, {
    ref: refOf(label, o.account),
    recipients: o.to,
    file: o.file,
    ...(o.handover ? { handover: true } : {}),
    ...(o.owner !== undefined ? { owner: o.owner } : {}),
  });
  if (o.json) {
    printJson({ file: r.file, recipients: r.recipients, heldBy: r.heldBy, key: keyJson(r.key) });
    return;
  }
  const to = r.recipients.length === 1 ? '1 recipient' : `${r.recipients.length} recipients`;
  info(`Wrote "${r.key.label}", encrypted to ${to}, to ${r.file}.`);
  if (r.heldBy !== null)
    info(
      `Handed over: its secret was removed from this keychain; "${r.key.label}" is now held by ${r.heldBy}.`,
    );
}
