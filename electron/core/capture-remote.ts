// Capture: a key sync found on the server (created elsewhere) gets its secret by pasting it. The
// secret is linked by proof, as import links: it must be accepted by the server and be THAT key
// (its own last use moves between two lists), never matched by label.
import { AppError } from '../../shared/errors.ts';
import { maskedHint, secretProblem } from '../../shared/input-rules.ts';
import type { AppCall, KeyRecord } from '../../shared/schemas.ts';
import type { RemoteKey } from './apexverify/index.ts';
import type { KeyMeta } from './keys.ts';
import type { KeyView } from '../../shared/views.ts';
import { callTimer } from './app-calls.ts';
import { recordEvent } from './audit.ts';
import type { CoreDeps } from './deps.ts';
import { fingerprint } from './fingerprint.ts';
import { accountUsingKey, isLive, mutateKey, resolveKey, toView } from './key-records.ts';
import { proveRemoteId } from './remote-link.ts';

export async function captureRemoteKey(
  deps: CoreDeps,
  ref: { id: string },
  secret: string,
): Promise<KeyView> {
  const sp = secretProblem(secret);
  if (sp) throw new AppError('BAD_INPUT', sp);
  const data = await deps.store.read();
  const { key, account } = resolveKey(data, ref);
  if (key.custody !== 'remote-only' || key.remoteId === null)
    throw new AppError('REFUSED', `"${key.label}" is already on this device: nothing to capture.`);
  if (!isLive(key))
    throw new AppError('REFUSED', `"${key.label}" is revoked: there is nothing to capture.`);
  const fp = fingerprint(secret);
  const owner = accountUsingKey(data, fp);
  if (owner)
    throw new AppError(
      'REFUSED',
      `This is the key account "${owner.name}" itself uses to call ApexVerify, not "${key.label}". Nothing was stored.`,
    );
  const twin = data.keys.find((k) => isLive(k) && k.fingerprint === fp);
  if (twin)
    throw new AppError(
      'DUPLICATE',
      `This secret is already stored as "${twin.label}". Nothing was stored.`,
    );
  const client = deps.clientFor(account);
  // The proof's calls move the key's server last use: noted so they are not taken for traffic.
  const timer = callTimer(deps.clock);
  const check = await timer.run(() => client.checkKey(secret));
  if (check.status === 'unauthorized')
    throw new AppError(
      'UNAUTHORIZED',
      `ApexVerify rejected this secret (401): it is invalid, disabled or revoked. A disabled key can be captured once it is enabled on the server. Nothing was stored.`,
      { status: 401 },
    );
  const proven = await timer.run(() => proveRemoteId(client, secret)).catch(() => null);
  if (proven?.id !== key.remoteId)
    throw new AppError(
      'REFUSED',
      proven
        ? `This secret belongs to another key on the server ("${proven.label.slice(0, 64)}"), not to "${key.label}". Nothing was stored.`
        : `Could not prove this secret is "${key.label}" (other traffic on the account moved other keys at the same time). Nothing was stored; try again.`,
    );
  const view = await adoptSecret(deps, key.id, secret, {
    lastUsedAt: proven.last_used_at,
    appCalls: timer.calls,
    lastVerification: {
      at: deps.clock.now().toISOString(),
      outcome: 'ok',
      credits: { email: check.credits.email_credit, phone: check.credits.phone_credit },
    },
  });
  await recordEvent(deps, {
    action: 'imported',
    keyId: view.id,
    accountId: account.id,
    label: view.label,
    fingerprint: view.fingerprint,
    outcome: 'ok',
    detail: { captured: true, remoteId: key.remoteId },
  });
  return view;
}

/** The import of a key sync found: its record gets the secret and the import's local details. */
export async function adoptImported(
  deps: CoreDeps,
  found: KeyRecord,
  input: KeyMeta & { secret: string },
  verification: KeyRecord['lastVerification'],
  remote: RemoteKey,
  /** The check's and proof's calls, which moved its server last use (app-calls.ts). */
  calls: AppCall[],
): Promise<KeyView> {
  const view = await adoptSecret(deps, found.id, input.secret, {
    lastUsedAt: remote.last_used_at,
    appCalls: calls,
    lastVerification: verification,
    environment: input.environment,
    service: input.service ?? found.service,
    owner: input.owner ?? found.owner,
    notes: input.notes ?? found.notes,
    rotationPeriodDays: input.rotationPeriodDays ?? found.rotationPeriodDays,
  });
  await recordEvent(deps, {
    action: 'imported',
    keyId: view.id,
    accountId: view.accountId,
    label: view.label,
    fingerprint: view.fingerprint,
    outcome: 'ok',
    detail: { verified: true, remoteId: view.remoteId, captured: true },
  });
  return view;
}

/**
 * Gives a remote-only record its secret (proven by the caller): keychain first, then custody
 * local with the fingerprint; `also` carries what else the caller learnt (last use, the check,
 * an import's local metadata).
 */
export async function adoptSecret(
  deps: CoreDeps,
  keyId: string,
  secret: string,
  also: Partial<Pick<KeyRecord, AdoptedField>>,
): Promise<KeyView> {
  await deps.vault.set(keyId, secret);
  try {
    return await deps.store.update((d) =>
      toView(
        d,
        mutateKey(d, keyId, (k) => {
          if (k.custody !== 'remote-only')
            throw new AppError('REFUSED', `"${k.label}" was captured meanwhile.`);
          Object.assign(k, also);
          k.custody = 'local';
          k.fingerprint = fingerprint(secret);
          k.hint = maskedHint(secret);
        }),
      ),
    );
  } catch (e) {
    // Unless another process captured it meanwhile (its entry, the same secret, must stay), a
    // secret whose record still says remote-only must not linger in the keychain.
    const capturedElsewhere = await deps.store.read().then(
      (d) => d.keys.some((k) => k.id === keyId && k.custody === 'local'),
      () => true,
    );
    if (!capturedElsewhere) await deps.vault.delete(keyId).catch(() => false);
    throw e;
  }
}

type AdoptedField =
  | 'lastUsedAt'
  | 'appCalls'
  | 'lastVerification'
  | 'environment'
  | 'service'
  | 'owner'
  | 'notes'
  | 'rotationPeriodDays';
