// One call of the credits endpoint with a key, as evidence: the one check behind both `key verify`
// and the rotation's checks of the new key; each caller maps the result to what it stores. A
// failure is an outcome, not thrown, except keychain trouble, which says nothing about the key
// (the caller stops and tells the user instead of recording a verdict).
import { isKeychainError, toErrorInfo, type ErrorInfo } from '../../shared/errors.ts';
import type { AppCall, Verification } from '../../shared/schemas.ts';
import type { ApexClient } from './apexverify/index.ts';
import type { CoreDeps } from './deps.ts';

export type KeyCheckResult = Pick<Verification, 'at' | 'outcome' | 'credits'> & {
  /** Why the check failed, when outcome is 'error'; else null. */
  error: ErrorInfo | null;
  /** When the request went out and came back; null when none was sent (no secret to send).
   * The caller notes it on the key (app-calls.ts): the server counts it as the key's use. */
  call: AppCall | null;
};

/**
 * Checks the key. `secret` may be a reader (the keychain), so that a secret missing from the
 * keychain is recorded as a failed check like any other failure.
 */
export async function checkKey(
  deps: Pick<CoreDeps, 'clock'>,
  client: ApexClient,
  secret: string | (() => Promise<string>),
): Promise<KeyCheckResult> {
  let sentAt: string | null = null;
  try {
    const value = typeof secret === 'string' ? secret : await secret();
    sentAt = deps.clock.now().toISOString();
    const r = await client.checkKey(value);
    const at = deps.clock.now().toISOString();
    const call = { sentAt, answeredAt: at };
    if (r.status === 'unauthorized')
      return { at, outcome: 'unauthorized', credits: null, error: null, call };
    const credits = { email: r.credits.email_credit, phone: r.credits.phone_credit };
    return { at, outcome: 'ok', credits, error: null, call };
  } catch (e) {
    if (isKeychainError(e)) throw e;
    const at = deps.clock.now().toISOString();
    return {
      at,
      outcome: 'error',
      credits: null,
      error: toErrorInfo(e),
      // A request that timed out may still have reached the server.
      call: sentAt === null ? null : { sentAt, answeredAt: at },
    };
  }
}
