// The rotation's record of one check of the new key (the core's one check, key-check.ts): a
// failure is recorded as evidence, not thrown, except keychain trouble, which says nothing
// about the key.
import { AppError } from '../../../shared/errors.ts';
import type { CheckEvidence } from '../../../shared/rotation.ts';
import type { AppCall, KeyRecord } from '../../../shared/schemas.ts';
import type { ApexClient } from '../apexverify/index.ts';
import type { CoreDeps } from '../deps.ts';
import { checkKey } from '../key-check.ts';

export async function checkKeyEvidence(
  deps: Pick<CoreDeps, 'clock'>,
  client: ApexClient,
  secret: string,
): Promise<CheckEvidence> {
  const { at, outcome, credits, error, call } = await checkKey(deps, client, secret);
  // The run's evidence (checkEvidenceSchema) keeps the error's code only.
  return { at, outcome, credits, errorCode: error?.code ?? null, sentAt: call?.sentAt ?? at };
}

/** The check as one of the app's own calls with the key, for its record (app-calls.ts). */
export const callOf = (c: CheckEvidence): AppCall => ({
  sentAt: c.sentAt ?? c.at,
  answeredAt: c.at,
});

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
