// apexkeys key scan: look for copies of the key in folders (read-only), and remember each one
// found as an assignment as a location of the key.
import type { Command } from 'commander';
import { findCopies } from '../../../core/locations/find-copies.ts';
import { info, printJson, warn } from '../../io.ts';
import { refOf } from '../../key-ref.ts';
import type { CliSession } from '../../session.ts';

export async function keyScan(
  session: CliSession,
  label: string,
  o: { account?: string; dir: string[]; json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const r = await findCopies(core, refOf(label, o.account), o.dir);
  if (o.json) return printJson(r);
  for (const h of r.hits)
    info(
      h.variables.length
        ? `${h.path}: holds the key (${h.variables.join(', ')}); recorded as a location.`
        : `${h.path}: contains the key, but not as an assignment; not recorded.`,
    );
  const s = r.skipped;
  info(
    `Read ${r.read} file(s); skipped ${s.ignoredDirs} node_modules/.git folder(s), ${s.tooLarge} file(s) over 1 MiB, ${s.binary} binary file(s), ${s.symlinks} link(s) out of the folder, ${s.unreadable} unreadable. Found ${r.hits.length} file(s) with the key.`,
  );
  if (r.limitHit)
    warn(
      r.limitHit === 'files'
        ? 'Stopped at the file limit (10,000 files): name a smaller folder to look further.'
        : 'Stopped at the time limit: name a smaller folder to look further.',
    );
}
