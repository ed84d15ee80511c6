// The window's .env writing: checkEnvTarget first (what the write would meet, so the window warns
// before the secret is written), then writeKeyToEnv. Both take full paths only.
import { isAbsolute } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { pathProblem } from '../../../shared/input-rules.ts';
import { checkEnvTarget } from '../env-file.ts';
import { protectedDirsOf } from '../env-target.ts';
import { writeKeyToEnv } from '../key-handout.ts';
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';

type EnvHandlers = Pick<Handlers, 'checkEnvTarget' | 'writeKeyToEnv'>;

/**
 * The window knows nothing of this process's working folder: a relative path would name a file
 * wherever the app happened to be started, and put a secret there.
 */
function fullPathProblem(path: string): string | null {
  const problem = pathProblem(path);
  if (problem) return `${problem} Nothing was written.`;
  if (!isAbsolute(path))
    return `Give the full path of the .env file, not a relative one ("${path}"). Nothing was written.`;
  return null;
}

/** Throws BAD_INPUT for the first path that is malformed or not a full path. */
export function requireFullPaths(paths: string[]): void {
  for (const p of paths) {
    const problem = fullPathProblem(p);
    if (problem) throw new AppError('BAD_INPUT', problem);
  }
}

export function createEnvHandlers({ deps }: AppContext): EnvHandlers {
  return {
    async checkEnvTarget({ path }) {
      const problem = fullPathProblem(path);
      if (problem) return { exists: false, gitTracked: false, readableByOthers: null, problem };
      return checkEnvTarget(path, protectedDirsOf(deps));
    },
    async writeKeyToEnv({ id, path, variable, makePrivate }) {
      requireFullPaths([path]);
      return writeKeyToEnv(deps, { id }, path, variable, { makePrivate: makePrivate === true });
    },
  };
}
