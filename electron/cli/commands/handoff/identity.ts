// apexkeys identity: this installation's age recipient (made on first use), and `identity export`,
// which writes the identity itself (a secret) for other age tools, only when asked.
import type { Command } from 'commander';
import { ensureIdentity, exportIdentity as writeIdentity } from '../../../core/handoff/identity.ts';
import { info, printJson, printLine, warn } from '../../io.ts';
import type { CliSession } from '../../session.ts';

export async function showIdentity(
  session: CliSession,
  o: { json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const { recipient } = await ensureIdentity(core.vault);
  if (o.json) printJson({ recipient });
  else printLine(recipient);
}

export async function exportIdentity(
  session: CliSession,
  o: { file: string },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const { recipient } = await writeIdentity(core.vault, o.file, core.clock.now());
  warn(
    `${o.file} now holds this installation's identity, a secret: whoever reads it can open every key shared with ${recipient}. Keep it private (mode 0600) and delete it when done.`,
  );
  info(`Wrote the identity for ${recipient} to ${o.file}.`);
}
