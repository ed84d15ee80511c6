// apexkeys restore --file PATH: merges a backup into this installation (passphrase on stdin) and
// says what it added, updated and skipped; restoring where nothing is missing writes nothing.
import type { Command } from 'commander';
import { restoreBackup, type RestoreResult } from '../../../core/backup/restore.ts';
import type { MergeCounts } from '../../../core/backup/restore-merge.ts';
import { printJson, printLine, readSecret } from '../../io.ts';
import type { CliSession } from '../../session.ts';

const countLine = (what: string, c: MergeCounts) =>
  `  ${what}: ${c.added} added, ${c.updated} updated, ${c.skipped} skipped`;

function report(r: RestoreResult): string[] {
  if (r.noOp)
    return [
      `Nothing to restore: everything in ${r.file} is already here (backup made ${r.backupCreatedAt}). Nothing was changed.`,
    ];
  return [
    `Restored from ${r.file} (backup made ${r.backupCreatedAt}):`,
    countLine('accounts', r.accounts),
    countLine('keys', r.keys),
    countLine('rotation runs', r.rotations),
    `  secrets restored to the keychain: ${r.secretsRestored}`,
    `  settings taken from the backup: ${r.settingsApplied.length === 0 ? 'none' : r.settingsApplied.join(', ')}`,
    ...r.notes,
  ];
}

export async function restoreCommand(
  session: CliSession,
  o: { file: string; json?: boolean },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const passphrase = await readSecret("the backup's passphrase");
  const result = await restoreBackup(core, { file: o.file, passphrase });
  if (o.json) printJson(result);
  else for (const line of report(result)) printLine(line);
}
