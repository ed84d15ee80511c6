// A scan for one key: its secret read from the keychain, the folders walked, and each hit that is
// an assignment recorded as a location of the key (via 'scan'). Nothing in the files changes.
import { AppError } from '../../../shared/errors.ts';
import { pathProblem } from '../../../shared/input-rules.ts';
import type { CoreDeps } from '../deps.ts';
import { resolveKey, type KeyRef } from '../key-records.ts';
import { addLocations } from './record.ts';
import { scanFolders, type ScanResult } from './scan.ts';

/** The window and the CLI give a scan this long unless told otherwise. */
export const DEFAULT_SCAN_BUDGET_MS = 60_000;

export async function findCopies(
  deps: CoreDeps,
  ref: KeyRef,
  dirs: readonly string[],
  opts: { timeBudgetMs?: number; signal?: AbortSignal } = {},
): Promise<ScanResult> {
  if (!dirs.length)
    throw new AppError('BAD_INPUT', 'Name at least one folder to look in.', { field: 'dir' });
  for (const d of dirs) {
    const problem = pathProblem(d);
    if (problem) throw new AppError('BAD_INPUT', problem, { field: 'dir' });
  }
  const { key } = resolveKey(await deps.store.read(), ref);
  const secret = await deps.vault.get(key.id);
  const result = await scanFolders(dirs, secret, {
    timeBudgetMs: opts.timeBudgetMs ?? DEFAULT_SCAN_BUDGET_MS,
    now: () => deps.clock.now().getTime(),
    ...(opts.signal ? { signal: opts.signal } : {}),
  }).catch((e: unknown) => {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'BAD_INPUT',
      `Cannot read a folder to scan (${(e as NodeJS.ErrnoException).code ?? 'error'}); name an existing folder.`,
      { field: 'dir' },
    );
  });
  await addLocations(
    deps,
    key.id,
    result.hits.flatMap((h) =>
      h.variables.map((variable) => ({ path: h.path, variable, via: 'scan' as const })),
    ),
  );
  return result;
}
