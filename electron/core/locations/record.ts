// A key's known locations: added wherever the app writes the key into a file (or a scan finds
// it), forgotten on request. Each change is one store update, de-duplicated by path and variable
// (a newer record of the same place replaces the older one, keeping one entry). Forgetting one
// writes a 'location-forgotten' audit event (the path, never the file's contents).
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { sameLocation, type KeyLocation } from '../../../shared/locations.ts';
import type { KeyRecord, StoreData } from '../../../shared/schemas.ts';
import { recordEvent } from '../audit.ts';
import type { CoreDeps } from '../deps.ts';
import { mutateKey, resolveKey, type KeyRef } from '../key-records.ts';

export type NewLocation = Pick<KeyLocation, 'path' | 'variable' | 'via'>;

/** Adds `places` to the key inside an update already under way (the caller's store write). */
export function addLocationsIn(
  data: StoreData,
  keyId: string,
  places: readonly NewLocation[],
  now: string,
): KeyRecord {
  return mutateKey(data, keyId, (k) => {
    for (const p of places) {
      const loc: KeyLocation = { ...p, path: resolve(p.path), recordedAt: now };
      k.locations = [...(k.locations ?? []).filter((l) => !sameLocation(l, loc)), loc];
    }
  });
}

export async function addLocations(
  deps: Pick<CoreDeps, 'store' | 'clock'>,
  keyId: string,
  places: readonly NewLocation[],
): Promise<void> {
  if (!places.length) return;
  const now = deps.clock.now().toISOString();
  await deps.store.update((d) => void addLocationsIn(d, keyId, places, now));
}

/** Forgets every location of the key in `file` (any variable); returns how many went. */
export async function forgetLocation(
  deps: Pick<CoreDeps, 'store' | 'audit'>,
  ref: KeyRef,
  file: string,
): Promise<number> {
  const path = resolve(file);
  const { gone, key, accountId } = await deps.store.update((d) => {
    const { key, account } = resolveKey(d, ref);
    const before = key.locations ?? [];
    key.locations = before.filter((l) => l.path !== path);
    const gone = before.length - key.locations.length;
    if (gone === 0)
      throw new AppError(
        'BAD_INPUT',
        `"${key.label}" has no known location in ${path}; nothing was changed.`,
        { field: 'file' },
      );
    return { gone, key, accountId: account.id };
  });
  await recordEvent(deps, {
    action: 'location-forgotten',
    keyId: key.id,
    accountId,
    label: key.label,
    fingerprint: key.fingerprint,
    outcome: 'ok',
    detail: { file: path, forgotten: gone },
  });
  return gone;
}
