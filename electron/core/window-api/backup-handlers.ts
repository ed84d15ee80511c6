// Back up…, Restore… and Export inventory… (issue 14) over the same core calls the CLI makes. The
// window knows nothing of this process's working folder, so its paths must be full ones. The
// passphrase goes to the core and nowhere else: no answer or error carries it.
import { isAbsolute } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { restoreBackup } from '../backup/restore.ts';
import { testScryptLogN } from '../backup/passphrase-file.ts';
import { writeBackup } from '../backup/write.ts';
import { writeNewFile } from '../handoff/new-file.ts';
import { inventoryCsv, inventoryJson, inventoryRows } from '../inventory.ts';
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';

type BackupHandlers = Pick<Handlers, 'backupData' | 'restoreData' | 'exportInventory'>;

/** A relative path would name a file wherever the app was started: refused, at the file field. */
function requireFullPath(path: string, what: string, nothing: string): void {
  if (path.trim() !== '' && !isAbsolute(path))
    throw new AppError(
      'BAD_INPUT',
      `Give the full path of ${what}, not a relative one ("${path.slice(0, 200)}"). ${nothing}`,
      { field: 'file' },
    );
}

/**
 * `env` decides the scrypt work factor: age's default, except inside a throwaway test keyring
 * that asks for less (the CLI's rule, testScryptLogN), so the suites need not hash at 2^18.
 */
export function createBackupHandlers(
  { deps }: AppContext,
  env: NodeJS.ProcessEnv = process.env,
): BackupHandlers {
  return {
    async backupData({ path, passphrase }) {
      requireFullPath(path, 'the backup file', 'Nothing was written.');
      const r = await writeBackup(deps, {
        file: path,
        passphrase,
        scryptLogN: testScryptLogN(env),
      });
      return r;
    },
    async restoreData({ path, passphrase }) {
      requireFullPath(path, 'the backup file', 'Nothing was changed.');
      return restoreBackup(deps, { file: path, passphrase });
    },
    async exportInventory({ path, format }) {
      requireFullPath(path, 'the inventory file', 'Nothing was written.');
      const rows = await inventoryRows(deps);
      const text = format === 'csv' ? inventoryCsv(rows) : inventoryJson(rows);
      return { file: writeNewFile(path, text, 'the inventory file'), format, rows: rows.length };
    },
  };
}
