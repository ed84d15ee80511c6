// The one check every .env writer makes before it reads or writes a target: the path is a real
// path (not empty, no control characters) and names no file of the app's own. A secret written
// into the store, the audit trail or the last-good copy would be moved aside as "corrupt" and
// kept there for good, so the data folder is refused however the path reaches it: directly,
// through "..", through a symbolic link to the folder, or as a hard link to one of its files.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { pathProblem } from '../../shared/input-rules.ts';
import type { CoreDeps } from './deps.ts';

/** The folders holding the app's own files: the store's and the audit trail's. */
export function protectedDirsOf(deps: Pick<CoreDeps, 'store' | 'audit'>): string[] {
  return [...new Set([dirname(deps.store.path), dirname(deps.audit.path)])];
}

const isWithin = (dir: string, p: string) => {
  const rel = relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The real path, or the resolved one when it does not exist (nothing can be written there). */
async function realOrResolved(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    return resolve(p);
  }
}

/** dev:ino of every file in `dir` and its sub-folders (the store keeps a handful). */
async function identitiesIn(dir: string, depth = 2): Promise<Set<string>> {
  const ids = new Set<string>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return ids;
  }
  for (const name of names) {
    const st = await lstat(join(dir, name)).catch(() => null);
    if (!st) continue;
    if (st.isDirectory() && depth > 0)
      for (const id of await identitiesIn(join(dir, name), depth - 1)) ids.add(id);
    else if (st.isFile()) ids.add(`${st.dev}:${st.ino}`);
  }
  return ids;
}

function refuse(path: string): AppError {
  return new AppError(
    'ENV_FILE',
    `Cannot write ${path}: it is one of the app's own files or inside its data folder, where the key would end up in the app's records. Choose a .env file elsewhere. Nothing was changed.`,
  );
}

/** Throws BAD_INPUT for a malformed path and ENV_FILE for a target among the app's own files. */
export async function assertEnvTargetAllowed(
  path: string,
  protectedDirs: readonly string[],
): Promise<void> {
  const problem = pathProblem(path);
  if (problem) throw new AppError('BAD_INPUT', problem);
  // The raw path, not resolve(path): the OS follows a symbolic link before "..", and so must
  // the check ("out/link/../apexkeys.json" with link -> the data folder's sub-folder).
  const folder = await realOrResolved(dirname(path));
  const dirs = await Promise.all(protectedDirs.map(realOrResolved));
  if (dirs.some((d) => isWithin(d, folder))) throw refuse(path);
  // The target itself may be a link into the folder, symbolic or hard.
  // Missing: it links nowhere. Any other failure is the reader's to report.
  const st = await stat(path).catch(() => null);
  if (!st) return;
  const real = await realOrResolved(path);
  if (dirs.some((d) => isWithin(d, real))) throw refuse(path);
  const id = `${st.dev}:${st.ino}`;
  for (const d of dirs) if ((await identitiesIn(d)).has(id)) throw refuse(path);
}
