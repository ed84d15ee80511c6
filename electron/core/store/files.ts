// The store's files in the data folder, their modes, and the one way a file-system failure
// becomes a STORE_IO error. Writes go through the Node side's one atomic writer.
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import type { StoreData } from '../../../shared/schemas.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { errnoText } from '../fs/errno.ts';
import { serialize } from './format.ts';

export const STORE_NAME = 'apexkeys';
export const STORE_FILE = `${STORE_NAME}.json`;
export const LAST_GOOD_FILE = `${STORE_NAME}.last-good.json`;
/** proper-lockfile creates this as a directory while a process holds the lock. */
export const LOCK_FILE = `${STORE_NAME}.lock`;
export const CORRUPT_FILE_PREFIX = `${STORE_NAME}.corrupt-`;
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** Absolute paths of one store's files; `dir` is resolved by openStore. */
export interface StorePaths {
  readonly dir: string;
  readonly file: string;
  readonly lastGood: string;
  readonly lock: string;
}

export function storePaths(dir: string): StorePaths {
  return {
    dir,
    file: join(dir, STORE_FILE),
    lastGood: join(dir, LAST_GOOD_FILE),
    lock: join(dir, LOCK_FILE),
  };
}

/** File-system failures become STORE_IO naming the path; AppErrors pass through. */
export function storeIoError(e: unknown, action: string, path: string): AppError {
  if (e instanceof AppError) return e;
  return new AppError(
    'STORE_IO',
    `Could not ${action} ${path}: ${errnoText(e)}. Check that the folder is yours and writable ` +
      'and that the disk has space, then try again.',
  );
}

/** The whole store, atomically, at mode 0600 (also over a looser file: the rename replaces it). */
export function writeStoreFile(path: string, data: StoreData): void {
  try {
    writeFileAtomic(path, serialize(data), { mode: FILE_MODE });
  } catch (e) {
    throw storeIoError(e, 'write', path);
  }
}
