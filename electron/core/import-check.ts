// An imported secret's check before it is stored: it must answer 200 (a 401 refuses it), and in
// API mode its server id is proven (remote-link.ts). Both are timed: each moved the key's server
// last use, which is then the app's own check, not traffic (app-calls.ts).
import { AppError } from '../../shared/errors.ts';
import type { Account, AppCall, Verification } from '../../shared/schemas.ts';
import type { RemoteKey } from './apexverify/index.ts';
import { callTimer } from './app-calls.ts';
import type { CoreDeps } from './deps.ts';
import { proveRemoteId } from './remote-link.ts';

export interface ImportCheck {
  verification: Verification;
  /** The proven server key; null in dashboard mode or when it could not be proven. */
  remote: RemoteKey | null;
  calls: AppCall[];
}

export async function checkImported(
  deps: CoreDeps,
  account: Account,
  secret: string,
): Promise<ImportCheck> {
  const client = deps.clientFor(account);
  const timer = callTimer(deps.clock);
  const check = await timer.run(() => client.checkKey(secret));
  if (check.status === 'unauthorized')
    throw new AppError(
      'UNAUTHORIZED',
      'ApexVerify rejected this key (401): it is invalid, disabled or revoked. It was not stored.',
      { status: 401 },
    );
  const verification: Verification = {
    at: deps.clock.now().toISOString(),
    outcome: 'ok',
    credits: { email: check.credits.email_credit, phone: check.credits.phone_credit },
  };
  // Linked only on proof: a wrong link would make a later revoke delete another key.
  const remote =
    account.mode === 'api'
      ? await timer.run(() => proveRemoteId(client, secret)).catch(() => null)
      : null;
  return { verification, remote, calls: timer.calls };
}
