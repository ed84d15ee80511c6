// The store's files in the data folder, their modes, and the one way a file-system failure
// becomes a STORE_IO error. Writes go through the Node side's one atomic writer.
import { closeSync, constants as fsConstants, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import type { StoreData } from '../../../shared/schemas.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { errnoCode, errnoText } from '../fs/errno.ts';
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

/** The app never reads or writes its own files through a link: one could send them elsewhere. */
export function symlinkRefusal(path: string): AppError {
  return new AppError(
    'STORE_IO',
    `${path} is a symbolic link, and the app does not follow links for its own files (a link ` +
      'could send them elsewhere). Replace it with the file itself, then try again.',
  );
}

/** File-system failures become STORE_IO naming the path; AppErrors pass through. */
export function storeIoError(e: unknown, action: string, path: string): AppError {
  if (e instanceof AppError) return e;
  if (errnoCode(e) === 'ELOOP') return symlinkRefusal(path);
  return new AppError(
    'STORE_IO',
    `Could not ${action} ${path}: ${errnoText(e)}. Check that the folder is yours and writable ` +
      'and that the disk has space, then try again.',
  );
}

/** O_NOFOLLOW: a link in the file's place fails with ELOOP (where the platform has the flag). */
const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0;

/** Reads one of the app's own files, never through a symbolic link; errors are thrown as they are. */
export function readOwnFile(path: string): string {
  const fd = openSync(path, fsConstants.O_RDONLY | NO_FOLLOW);
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** The whole store, atomically, at mode 0600 (also over a looser file: the rename replaces it). */
export function writeStoreFile(path: string, data: StoreData): void {
  try {
    writeFileAtomic(path, serialize(data), { mode: FILE_MODE });
  } catch (e) {
    throw storeIoError(e, 'write', path);
  }
}
