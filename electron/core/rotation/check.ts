// One call of the credits endpoint with the new key, as evidence: a failure is recorded, not
// thrown, except keychain trouble, which says nothing about the key.
import { AppError } from '../../../shared/errors.ts';
import type { CheckEvidence } from '../../../shared/rotation.ts';
import type { KeyRecord } from '../../../shared/schemas.ts';
import type { ApexClient } from '../apexverify/index.ts';
import type { CoreDeps } from '../deps.ts';

export async function checkKeyEvidence(
  deps: Pick<CoreDeps, 'clock'>,
  client: ApexClient,
  secret: string,
): Promise<CheckEvidence> {
  try {
    const r = await client.checkKey(secret);
    const at = deps.clock.now().toISOString();
    if (r.status === 'unauthorized')
      return { at, outcome: 'unauthorized', credits: null, errorCode: null };
    const credits = { email: r.credits.email_credit, phone: r.credits.phone_credit };
    return { at, outcome: 'ok', credits, errorCode: null };
  } catch (e) {
    if (
      e instanceof AppError &&
      (e.code === 'KEYCHAIN_DENIED' || e.code === 'KEYCHAIN_UNAVAILABLE')
    )
      throw e;
    return {
      at: deps.clock.now().toISOString(),
      outcome: 'error',
      credits: null,
      errorCode: e instanceof AppError ? e.code : 'INTERNAL',
    };
  }
}

/** The same evidence as the key's own last verification, so `key list` shows it too. */
export function toVerification(c: CheckEvidence): NonNullable<KeyRecord['lastVerification']> {
  return {
    at: c.at,
    outcome: c.outcome,
    credits: c.credits,
    ...(c.errorCode ? { errorCode: c.errorCode } : {}),
  };
}

/** The secret under this id, or null when the keychain provably lacks it. */
export async function secretOrNull(
  deps: Pick<CoreDeps, 'vault'>,
  id: string,
): Promise<string | null> {
  try {
    return await deps.vault.get(id);
  } catch (e) {
    if (e instanceof AppError && e.code === 'SECRET_MISSING') return null;
    throw e;
  }
}
