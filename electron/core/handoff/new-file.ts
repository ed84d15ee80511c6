// Writing a file the user asked for that must not exist yet (a share file, an exported identity):
// whole or not at all, mode 0600 from the first byte, and never over an existing file. The temp
// file is hard-linked to its name, which fails if the name exists (a rename would replace it), and
// the folder is synced too, so after this returns the file survives a crash (hand-over counts on it).
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { pathProblem } from '../../../shared/input-rules.ts';
import { errnoCode, errnoText } from '../fs/errno.ts';

const MODE = 0o600;

function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems (and Windows) cannot open or sync a folder; the file itself was synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function publish(temp: string, file: string): void {
  try {
    linkSync(temp, file);
  } catch (e) {
    // A file system without hard links: 'wx' below made the name ours, so the rename is safe.
    if (errnoCode(e) !== 'EPERM' && errnoCode(e) !== 'ENOTSUP') throw e;
    closeSync(openSync(file, 'wx', MODE));
    renameSync(temp, file);
    return;
  }
  unlinkSync(temp);
}

/** Writes `content` to `file`, which must not exist; returns the absolute path written. */
export function writeNewFile(file: string, content: string | Uint8Array, what: string): string {
  const problem = pathProblem(file, what);
  if (problem) throw new AppError('BAD_INPUT', problem, { field: 'file' });
  const target = resolve(file);
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const fd = openSync(temp, 'wx', MODE);
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, MODE);
    publish(temp, target);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already linked and removed.
    }
    if (errnoCode(e) === 'EEXIST')
      throw new AppError(
        'REFUSED',
        `${target} already exists; it was left as it was. Choose another file name, or move that file away first.`,
        { field: 'file' },
      );
    throw new AppError('BAD_INPUT', `Could not write ${what} ${target}: ${errnoText(e)}.`, {
      field: 'file',
    });
  }
  syncDir(dirname(target));
  return target;
}
