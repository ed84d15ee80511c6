// apexkeys key env: write the key into a .env file, warning when git or other users can read it.
import type { Command } from 'commander';
import { writeKeyToEnv } from '../../../core/key-handout.ts';
import { info, warn } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export async function keyEnv(
  session: CliSession,
  label: string,
  o: { file: string; var: string; account?: string; private?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const makePrivate = o.private === true;
  const r = await writeKeyToEnv(core, refOf(label, o.account), o.file, o.var, { makePrivate });
  info(
    `${r.created ? 'Created' : 'Updated'} ${r.path} (${o.var})${r.backup ? `; previous file kept as ${r.backup}` : ''}${makePrivate ? '; the file is private (mode 600)' : ''}.`,
  );
  if (r.gitTracked)
    warn(
      `${r.path} is tracked by git: the key will be committed unless you remove the file from git and ignore it.`,
    );
  if (r.readableByOthers !== null)
    warn(
      `${r.path} is readable by other users (mode ${r.readableByOthers.toString(8)}); run chmod 600 on it (or write with --private) unless a service needs that.`,
    );
}
