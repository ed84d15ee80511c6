// The one way finishing (finish.ts, held-finish.ts) takes the old key's proof of revocation: a key
// still there is recorded as evidence (200: the server still knows it) and the run stays at
// revoke, so finishing again later checks once more.
import { isAppError } from '../../../shared/errors.ts';
import { checkpoint, type RotationDeps } from './deps.ts';
import { always, transition } from './run-store.ts';

/** When the proof came (ISO), or null when the old key is still there and that was recorded. */
export async function proveOrRecordStillThere(
  deps: RotationDeps,
  runId: string,
  prove: () => Promise<unknown>,
): Promise<string | null> {
  try {
    await prove();
  } catch (e) {
    if (!isAppError(e, 'NOT_REVOKED')) throw e;
    await transition(deps, runId, always, (r, _d, now) => {
      if (r.revoke) r.revoke.lastCheck = { at: now, status: 200 };
    });
    return null;
  }
  const provenAt = deps.clock.now().toISOString();
  await checkpoint(deps, 'revoke:proven');
  return provenAt;
}
