// Reading the store file, and repairing it: a corrupt file is moved aside (never deleted) and the
// last-good copy restored; with no good copy the file is left exactly as it is.
import {
  chmodSync,
  constants as fsConstants,
  copyFileSync,
  existsSync,
  linkSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { emptyStoreData, type StoreData } from '../../../shared/schemas.ts';
import type { Clock } from '../clock.ts';
import { errnoCode } from '../fs/errno.ts';
import {
  CORRUPT_FILE_PREFIX,
  FILE_MODE,
  readOwnFile,
  storeIoError,
  writeStoreFile,
} from './files.ts';
import type { StorePaths } from './files.ts';
import { interpretStoreData, isBlankStore } from './format.ts';
import type { ParsedStore } from './format.ts';

/**
 * What the store file holds now. Parsed strictly: a damaged `null` or `[]` is corrupt, never
 * read as `{}` (conf's getter did that, which made a silently empty new store).
 */
export function readState(paths: StorePaths): ParsedStore {
  // A vanished store file beside a last-good copy is a loss to repair, not a first run: an
  // empty store would overwrite the last-good copy on the next save.
  if (!existsSync(paths.file) && existsSync(paths.lastGood)) {
    return { kind: 'corrupt', reason: 'it is missing' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readOwnFile(paths.file));
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { kind: 'ok', data: emptyStoreData() };
    if (errnoCode(e)) throw storeIoError(e, 'read', paths.file);
    return {
      kind: 'corrupt',
      reason: e instanceof SyntaxError ? 'it is not valid JSON' : 'it could not be parsed',
    };
  }
  // `{}` (or conf's bookkeeping alone) is a first run only in a folder that never held a store:
  // beside a last-good copy it is a wiped file, and reading it as empty would overwrite that
  // copy on the next save.
  if (isBlankStore(raw) && !existsSync(paths.lastGood))
    return { kind: 'ok', data: emptyStoreData() };
  return interpretStoreData(raw, paths.file);
}

function readLastGood(path: string): { data: StoreData; at: Date } | null {
  let text: string;
  try {
    text = readOwnFile(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw storeIoError(e, 'read', path);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  // We always write a full copy, so a blank object is not a good copy (interpretStoreData says
  // it is corrupt).
  const parsed = interpretStoreData(raw, path);
  if (parsed.kind !== 'ok') return null;
  return { data: parsed.data, at: statSync(path).mtime };
}

/**
 * Caller holds the lock. Moves a corrupt file aside and restores the last-good copy, returning
 * the data and a notice for the user; with no good copy, throws STORE_CORRUPT and leaves the
 * file untouched.
 */
export function recover(
  paths: StorePaths,
  clock: Clock,
): { data: StoreData; notice: string | null } {
  const state = readState(paths);
  // Another process may have repaired it while we waited for the lock.
  if (state.kind === 'ok') return { data: state.data, notice: null };
  const good = readLastGood(paths.lastGood);
  if (!good) {
    throw new AppError(
      'STORE_CORRUPT',
      `The store file ${paths.file} is corrupt (${state.reason}) and there is no valid last ` +
        `good copy (${paths.lastGood}) to restore. The file was left in place, untouched. ` +
        'Restore it from a backup, or move it elsewhere to start with an empty store.',
    );
  }
  const since = good.at.toISOString();
  if (!existsSync(paths.file)) {
    writeStoreFile(paths.file, good.data);
    const notice = `The store file ${paths.file} was missing; the last good copy from ${since} was restored.`;
    return { data: good.data, notice };
  }
  const moved = moveAside(paths, clock);
  writeStoreFile(paths.file, good.data);
  const notice =
    `The store file was corrupt (${state.reason}); it was moved to ${moved} and the last ` +
    `good copy from ${since} was restored.`;
  return { data: good.data, notice };
}

/**
 * Keeps the corrupt bytes under a new name. A hard link (then the restore renames over the
 * old name) means the store path never goes missing for a lock-free reader.
 */
function moveAside(paths: StorePaths, clock: Clock): string {
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
  let target = join(paths.dir, `${CORRUPT_FILE_PREFIX}${stamp}.json`);
  for (let n = 1; existsSync(target); n++) {
    target = join(paths.dir, `${CORRUPT_FILE_PREFIX}${stamp}-${n}.json`);
  }
  try {
    try {
      linkSync(paths.file, target);
    } catch (e) {
      // Some file systems (FAT, some network shares) have no hard links.
      if (errnoCode(e) === 'EEXIST') throw e;
      copyFileSync(paths.file, target, fsConstants.COPYFILE_EXCL);
      chmodSync(target, FILE_MODE);
    }
  } catch (e) {
    throw storeIoError(e, 'move the corrupt store aside to', target);
  }
  return target;
}
