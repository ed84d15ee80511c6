// The data folder and the app's own files in it are the user's alone: a folder made beforehand
// (0755) or a file copied in (0644) is tightened when the store opens, and the user is told once
// (the next open finds nothing to tighten). A symbolic link in the place of one of these files
// is refused, never followed.
import { chmodSync, lstatSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_FILE } from '../audit.ts';
import { errnoCode } from '../fs/errno.ts';
import { DIR_MODE, FILE_MODE, storeIoError, symlinkRefusal, type StorePaths } from './files.ts';

const octal = (mode: number): string => `0${(mode & 0o777).toString(8)}`;

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw storeIoError(e, 'check the permissions of', path);
  }
}

function tighten(path: string, st: Stats, mode: number, what: string): string | null {
  if ((st.mode & 0o077) === 0) return null;
  try {
    chmodSync(path, mode);
  } catch (e) {
    throw storeIoError(e, 'restrict the permissions of', path);
  }
  return `The ${what} ${path} could be read by other users (mode ${octal(st.mode)}); it was restricted to ${octal(mode)}, yours alone.`;
}

/**
 * Tightens the folder to 0700 and the store, its last-good copy and the audit trail to 0600;
 * returns a notice per change. A link in the place of the store or its copy throws STORE_IO;
 * one in the place of the audit trail is reported (its writer refuses to follow it).
 */
export function secureDataFiles(paths: StorePaths): string[] {
  const notices: string[] = [];
  // The folder itself may be a link the user made (a data folder on another disk): followed.
  let dir: Stats;
  try {
    dir = statSync(paths.dir);
  } catch (e) {
    throw storeIoError(e, 'check the permissions of', paths.dir);
  }
  const dirNotice = tighten(paths.dir, dir, DIR_MODE, 'data folder');
  if (dirNotice) notices.push(dirNotice);
  const files: Array<[string, string]> = [
    [paths.file, 'store file'],
    [paths.lastGood, 'last good copy'],
    [join(paths.dir, AUDIT_FILE), 'audit trail'],
  ];
  for (const [path, what] of files) {
    const st = lstatOrNull(path);
    if (!st) continue;
    if (st.isSymbolicLink()) {
      if (what !== 'audit trail') throw symlinkRefusal(path);
      notices.push(
        `The audit trail ${path} is a symbolic link; the app does not write through links, so ` +
          'no event is recorded until it is replaced with a regular file.',
      );
      continue;
    }
    // A folder in a file's place is left for the file's own reader or writer to report.
    if (!st.isFile()) continue;
    const notice = tighten(path, st, FILE_MODE, what);
    if (notice) notices.push(notice);
  }
  return notices;
}
