// Creating, importing, listing and editing key records. The secret goes to the keychain before
// the record is written, so a record never exists without its secret.
import { randomUUID } from 'node:crypto';
import type { ErrorRule } from '../../shared/error-rules.ts';
import { AppError } from '../../shared/errors.ts';
import {
  environmentProblem,
  labelProblem,
  maskedHint,
  secretProblem,
} from '../../shared/input-rules.ts';
import type { Account, KeyRecord, StoreData } from '../../shared/schemas.ts';
import { accountKey, findAccount } from './accounts.ts';
import type { RemoteKey } from './apexverify/index.ts';
import type { CoreDeps } from './deps.ts';
import { fingerprint } from './fingerprint.ts';
import { proveRemoteId } from './remote-link.ts';
import { isLive, mutateKey, resolveKey, toView, type KeyRef, type KeyView } from './key-records.ts';

export interface KeyMeta {
  label: string;
  environment: string;
  service?: string;
  owner?: string;
  notes?: string;
  rotationPeriodDays?: number | null;
}

function checkMeta(meta: Partial<KeyMeta>): void {
  if (meta.label !== undefined) {
    const p = labelProblem(meta.label);
    if (p) throw new AppError('BAD_INPUT', p);
  }
  if (meta.environment !== undefined) {
    const p = environmentProblem(meta.environment);
    if (p) throw new AppError('BAD_INPUT', p);
  }
  for (const field of ['service', 'owner'] as const) {
    const v = meta[field];
    // eslint-disable-next-line no-control-regex
    if (v !== undefined && (v.length > 128 || /[\u0000-\u001f\u007f]/.test(v)))
      throw new AppError(
        'BAD_INPUT',
        `The ${field} must be at most 128 characters with no control characters.`,
      );
  }
  if (meta.notes !== undefined && meta.notes.length > 4000)
    throw new AppError('BAD_INPUT', 'Notes are limited to 4000 characters.');
  const period = meta.rotationPeriodDays;
  if (
    period !== undefined &&
    period !== null &&
    (!Number.isInteger(period) || period < 1 || period > 3650)
  )
    throw new AppError(
      'BAD_INPUT',
      'The rotation period is a whole number of days from 1 to 3650.',
    );
}

function assertLabelFree(
  data: StoreData,
  accountId: string,
  label: string,
  exceptId?: string,
): void {
  if (
    data.keys.some(
      (k) => isLive(k) && k.accountId === accountId && k.label === label && k.id !== exceptId,
    )
  )
    throw new AppError(
      'DUPLICATE',
      `This account already has a live key labelled "${label}". Choose another label.`,
    );
}

function newRecord(
  deps: CoreDeps,
  account: Account,
  meta: KeyMeta,
  secret: string,
  remote: RemoteKey | null,
): KeyRecord {
  return {
    id: `key_${randomUUID()}`,
    accountId: account.id,
    remoteId: remote?.id ?? null,
    label: meta.label,
    environment: meta.environment,
    service: meta.service ?? '',
    owner: meta.owner ?? '',
    notes: meta.notes ?? '',
    createdAt: remote?.created_at ?? deps.clock.now().toISOString(),
    lastUsedAt: remote?.last_used_at ?? null,
    lastVerification: null,
    status: remote && !remote.enabled ? 'disabled' : 'active',
    rotationPeriodDays: meta.rotationPeriodDays ?? null,
    fingerprint: fingerprint(secret),
    hint: maskedHint(secret),
    revokedAt: null,
  };
}

/** Keychain first, then the record; if the record cannot be written the secret is removed again. */
async function persistNew(deps: CoreDeps, record: KeyRecord, secret: string): Promise<KeyView> {
  await deps.vault.set(record.id, secret);
  try {
    return await deps.store.update((data) => {
      assertLabelFree(data, record.accountId, record.label);
      data.keys.push(record);
      return toView(data, record);
    });
  } catch (e) {
    if (!(await keyRecorded(deps, record.id)))
      await deps.vault.delete(record.id).catch(() => false);
    throw e;
  }
}

/**
 * Whether a record made it to the store despite an error. When that cannot be told, the answer
 * is yes: an unused secret left in the keychain is harmless, a record without its secret is not.
 */
async function keyRecorded(deps: CoreDeps, id: string): Promise<boolean> {
  return deps.store.read().then(
    (d) => d.keys.some((k) => k.id === id),
    () => true,
  );
}

export interface ImportInput extends KeyMeta {
  account: string;
  secret: string;
  /** Check the key against the server before storing it (default true; false works offline). */
  verify?: boolean;
}

export async function importKey(deps: CoreDeps, input: ImportInput): Promise<KeyView> {
  checkMeta(input);
  const sp = secretProblem(input.secret);
  if (sp) throw new AppError('BAD_INPUT', sp);
  const data = await deps.store.read();
  const account = findAccount(data, input.account);
  assertLabelFree(data, account.id, input.label);
  if (data.keys.some((k) => isLive(k) && k.fingerprint === fingerprint(input.secret)))
    throw new AppError('DUPLICATE', 'This key is already stored (same fingerprint).');

  let remote: RemoteKey | null = null;
  let verification: KeyRecord['lastVerification'] = null;
  if (input.verify !== false) {
    const client = deps.clientFor(account);
    const check = await client.checkKey(input.secret);
    if (check.status === 'unauthorized')
      throw new AppError(
        'UNAUTHORIZED',
        'ApexVerify rejected this key (401): it is invalid, disabled or revoked. It was not stored.',
        { status: 401 },
      );
    verification = {
      at: deps.clock.now().toISOString(),
      outcome: 'ok',
      credits: { email: check.credits.email_credit, phone: check.credits.phone_credit },
    };
    if (account.mode === 'api') {
      // Linked only on proof: a wrong link would make a later revoke delete another key.
      remote = await proveRemoteId(client, input.secret).catch(() => null);
      if (remote && data.keys.some((k) => isLive(k) && k.remoteId === remote?.id)) remote = null;
    }
  }
  // The check just made is the key's first verification: the window shows it at once.
  const record = {
    ...newRecord(deps, account, input, input.secret, remote),
    lastVerification: verification,
  };
  const view = await persistNew(deps, record, input.secret);
  await deps.audit.append({
    action: 'imported',
    keyId: view.id,
    accountId: account.id,
    label: view.label,
    fingerprint: view.fingerprint,
    outcome: 'ok',
    detail: { verified: input.verify !== false, remoteId: view.remoteId },
  });
  return view;
}

export type GenerateInput = KeyMeta & { account: string };

export async function generateKey(deps: CoreDeps, input: GenerateInput): Promise<KeyView> {
  checkMeta(input);
  const data = await deps.store.read();
  const account = findAccount(data, input.account);
  if (account.mode !== 'api')
    throw new AppError(
      'WRONG_MODE',
      `Account "${account.name}" is in dashboard mode: generate the key at ${account.dashboardUrl} (Settings → API Keys), then store it as an existing key.`,
      { rule: 'generate-in-dashboard' satisfies ErrorRule },
    );
  assertLabelFree(data, account.id, input.label);
  const client = deps.clientFor(account);
  const created = await client.createKey(await accountKey(deps, account), input.label);
  const record = newRecord(deps, account, input, created.secret, created.key);
  let view: KeyView;
  try {
    view = await persistNew(deps, record, created.secret);
  } catch (e) {
    // The secret is shown once: if it cannot be kept, a key nobody holds must not stay live.
    if (!(await keyRecorded(deps, record.id)))
      await client
        .deleteKey(await accountKey(deps, account), created.key.id)
        .catch(() => undefined);
    throw e;
  }
  await deps.audit.append({
    action: 'generated',
    keyId: view.id,
    accountId: account.id,
    label: view.label,
    fingerprint: view.fingerprint,
    outcome: 'ok',
    detail: { remoteId: created.key.id },
  });
  return view;
}

export async function listKeys(
  deps: CoreDeps,
  filter: { account?: string; includeRevoked?: boolean } = {},
): Promise<KeyView[]> {
  const data = await deps.store.read();
  const accountId = filter.account === undefined ? undefined : findAccount(data, filter.account).id;
  return data.keys
    .filter(
      (k) =>
        (accountId === undefined || k.accountId === accountId) &&
        (filter.includeRevoked || isLive(k)),
    )
    .map((k) => toView(data, k));
}

export type MetaPatch = Partial<Omit<KeyMeta, 'label'>>;

/** Local metadata only; a label change would have to reach the server and is not offered here. */
export async function updateKeyMeta(
  deps: CoreDeps,
  ref: KeyRef,
  patch: MetaPatch,
): Promise<KeyView> {
  checkMeta(patch);
  const view = await deps.store.update((data) => {
    const { key } = resolveKey(data, ref);
    const updated = mutateKey(data, key.id, (k) => {
      if (patch.environment !== undefined) k.environment = patch.environment;
      if (patch.service !== undefined) k.service = patch.service;
      if (patch.owner !== undefined) k.owner = patch.owner;
      if (patch.notes !== undefined) k.notes = patch.notes;
      if (patch.rotationPeriodDays !== undefined) k.rotationPeriodDays = patch.rotationPeriodDays;
    });
    return toView(data, updated);
  });
  await deps.audit.append({
    action: 'updated',
    keyId: view.id,
    accountId: view.accountId,
    label: view.label,
    fingerprint: view.fingerprint,
    outcome: 'ok',
    detail: { fields: Object.keys(patch).join(',') },
  });
  return view;
}
