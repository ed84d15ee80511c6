// The one atomic file write of the Node side (the store, .env files, the sandbox's state file
// through injection): a reader sees the old content or the new, never half, even after a crash.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** The file's mode, applied to the temp file before the rename (so never looser, not even briefly). */
  mode: number;
}

/**
 * Writes `text` to a temp file in the same folder (so the rename stays on one file system),
 * fsyncs it, sets its mode (the umask cannot loosen it) and renames it over `file`. On failure
 * the temp file is removed and the file-system error is thrown as it is, for the caller to word.
 * Synchronous: the files are small, and the store writes inside its lock with no await between
 * reading and writing.
 */
export function writeFileAtomic(file: string, text: string, opts: AtomicWriteOptions): void {
  const temp = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    // 'wx': a temp name that somehow exists (or a planted symlink) is never written through.
    const fd = openSync(temp, 'wx', opts.mode);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, opts.mode);
    renameSync(temp, file);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // The temp file may never have been created.
    }
    throw e;
  }
}
