// Every change to a run goes through one store update: re-read under the lock, re-check the
// rule (another process may have moved the run), change, stamp, write. A transition is written
// before the caller reports its side effect done, so an interrupted one is repeated on resume.
import { AppError } from '../../../shared/errors.ts';
import type { RotationRun } from '../../../shared/rotation.ts';
import type { KeyRecord, StoreData } from '../../../shared/schemas.ts';
import type { CoreDeps } from '../deps.ts';
import { refuse, type Refusal } from './guards.ts';

export function runById(data: StoreData, id: string): RotationRun {
  const run = data.rotations.find((r) => r.id === id);
  if (!run)
    throw new AppError('INTERNAL', `Rotation ${id} vanished from the store; nothing was changed.`);
  return run;
}

export function keyById(data: StoreData, id: string): KeyRecord {
  const key = data.keys.find((k) => k.id === id);
  if (!key)
    throw new AppError(
      'UNKNOWN_KEY',
      'A key of this rotation was removed from the store; nothing was changed.',
    );
  return key;
}

export async function transition<T>(
  deps: Pick<CoreDeps, 'store' | 'clock'>,
  runId: string,
  guard: (run: RotationRun, data: StoreData) => Refusal | null,
  change: (run: RotationRun, data: StoreData, now: string) => T,
): Promise<T> {
  return deps.store.update((data) => {
    const run = runById(data, runId);
    refuse(guard(run, data));
    const now = deps.clock.now().toISOString();
    const out = change(run, data, now);
    run.updatedAt = now;
    return out;
  });
}

export const always = (): null => null;
