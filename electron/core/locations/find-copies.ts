// A scan for one key: its secret read from the keychain, the folders walked, and each hit that is
// an assignment recorded as a location of the key (via 'scan'), with a 'located' audit event for
// each one the key did not have. Nothing in the files changes.
import { sameLocation } from '../../../shared/locations.ts';
import { recordEvent } from '../audit.ts';
import { AppError } from '../../../shared/errors.ts';
import { pathProblem } from '../../../shared/input-rules.ts';
import type { CoreDeps } from '../deps.ts';
import { resolveKey, type KeyRef } from '../key-records.ts';
import { addLocations } from './record.ts';
import { scanFolders, type ScanLimits, type ScanResult } from './scan.ts';

/** The window and the CLI give a scan this long unless told otherwise. */
export const DEFAULT_SCAN_BUDGET_MS = 60_000;

export interface FindCopiesResult extends ScanResult {
  /** How many of the hits were locations the key did not have yet. */
  added: number;
}

export async function findCopies(
  deps: CoreDeps,
  ref: KeyRef,
  dirs: readonly string[],
  opts: Pick<ScanLimits, 'signal' | 'onProgress'> & { timeBudgetMs?: number } = {},
): Promise<FindCopiesResult> {
  if (!dirs.length)
    throw new AppError('BAD_INPUT', 'Name at least one folder to look in.', { field: 'dir' });
  for (const d of dirs) {
    const problem = pathProblem(d);
    if (problem) throw new AppError('BAD_INPUT', problem, { field: 'dir' });
  }
  const { key, account } = resolveKey(await deps.store.read(), ref);
  const secret = await deps.vault.get(key.id);
  const result = await scanFolders(dirs, secret, {
    timeBudgetMs: opts.timeBudgetMs ?? DEFAULT_SCAN_BUDGET_MS,
    now: () => deps.clock.now().getTime(),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  }).catch((e: unknown) => {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'BAD_INPUT',
      `Cannot read a folder to scan (${(e as NodeJS.ErrnoException).code ?? 'error'}); name an existing folder.`,
      { field: 'dir' },
    );
  });
  const found = result.hits.flatMap((h) =>
    h.variables.map((variable) => ({ path: h.path, variable, via: 'scan' as const })),
  );
  const fresh = found.filter((f) => !(key.locations ?? []).some((l) => sameLocation(l, f)));
  await addLocations(deps, key.id, found);
  for (const f of fresh)
    await recordEvent(deps, {
      action: 'located',
      keyId: key.id,
      accountId: account.id,
      label: key.label,
      fingerprint: key.fingerprint,
      outcome: 'ok',
      detail: { file: f.path, variable: f.variable },
    });
  return { ...result, added: fresh.length };
}
