// Checking a location: read the file, parse its variable as a dotenv parser would, compare with
// the secret in memory. The value read is dropped at once: only the state leaves this module.
import { readFile } from 'node:fs/promises';
import type { CheckedLocation, KeyLocation, LocationState } from '../../../shared/locations.ts';
import type { CoreDeps } from '../deps.ts';
import { errnoCode } from '../fs/errno.ts';
import { resolveKey, type KeyRef } from '../key-records.ts';
import { assignedValue } from './assignments.ts';
import { refuseRemoteOnly } from '../remote-only.ts';

/** The state of one variable of one file with respect to `secret`. */
export async function locationState(
  path: string,
  variable: string,
  secret: string,
): Promise<LocationState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = errnoCode(e);
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'file-missing' : 'unreadable';
  }
  const value = assignedValue(text, variable);
  if (value === undefined) return 'variable-missing';
  return value === secret ? 'holds' : 'other-value';
}

export async function checkLocations(
  locations: readonly KeyLocation[],
  secret: string,
): Promise<CheckedLocation[]> {
  const out: CheckedLocation[] = [];
  for (const l of locations)
    out.push({ ...l, state: await locationState(l.path, l.variable, secret) });
  return out;
}

/** The key's known locations; with `check`, each with its state (the secret read from the keychain). */
export async function keyLocations(
  deps: Pick<CoreDeps, 'store' | 'vault'>,
  ref: KeyRef,
  opts: { check?: boolean } = {},
): Promise<Array<KeyLocation | CheckedLocation>> {
  const { key } = resolveKey(await deps.store.read(), ref);
  const known = key.locations ?? [];
  if (!opts.check) return known;
  // The check compares with the secret: a key not on this device (held by a teammate) has none.
  refuseRemoteOnly(key);
  return checkLocations(known, await deps.vault.get(key.id));
}
