// Creating, importing, listing and editing key records. The secret goes to the keychain before
// the record is written, so a record never exists without its secret.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import {
  environmentProblem,
  freeTextProblem,
  keyLabelProblem,
  maskedHint,
  secretProblem,
} from '../../shared/input-rules.ts';
import type { Account, AppCall, KeyRecord, StoreData } from '../../shared/schemas.ts';
import { findAccount } from './accounts.ts';
import type { RemoteKey } from './apexverify/index.ts';
import type { KeyView } from '../../shared/views.ts';
import type { CoreDeps } from './deps.ts';
import { fingerprint } from './fingerprint.ts';
import { checkImported } from './import-check.ts';
import {
  accountUsingKey,
  isLive,
  mutateKey,
  resolveKey,
  toView,
  type KeyRef,
} from './key-records.ts';
import { recordEvent } from './audit.ts';
import { adoptImported } from './capture-remote.ts';
import { intentHolding } from './generate-intent.ts';

export interface KeyMeta {
  label: string;
  environment: string;
  service?: string;
  owner?: string;
  notes?: string;
  rotationPeriodDays?: number | null;
}

export function checkMeta(meta: Partial<KeyMeta>): void {
  if (meta.label !== undefined) {
    const p = keyLabelProblem(meta.label);
    if (p) throw new AppError('BAD_INPUT', p);
  }
  if (meta.environment !== undefined) {
    const p = environmentProblem(meta.environment);
    if (p) throw new AppError('BAD_INPUT', p);
  }
  for (const field of ['service', 'owner'] as const) {
    const v = meta[field];
    const p = v === undefined ? null : freeTextProblem(field, v, { max: 128 });
    if (p) throw new AppError('BAD_INPUT', p);
  }
  const notes =
    meta.notes === undefined
      ? null
      : freeTextProblem('notes', meta.notes, { max: 4000, multiline: true });
  if (notes) throw new AppError('BAD_INPUT', notes);
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

/** A live key, or a generate under way (its intent), holds the label within the account. */
export function assertLabelFree(
  data: StoreData,
  accountId: string,
  label: string,
  exceptId?: string,
): void {
  if (intentHolding(data, accountId, label, exceptId))
    throw new AppError(
      'DUPLICATE',
      `A "key generate" of "${label}" in this account is under way (or was interrupted: the next generate for the account settles it). Choose another label, or run it again.`,
    );
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

export function newRecord(
  deps: CoreDeps,
  account: Account,
  meta: KeyMeta,
  secret: string,
  remote: RemoteKey | null,
  id = `key_${randomUUID()}`,
): KeyRecord {
  return {
    id,
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
    custody: 'local',
    locations: [],
  };
}

/** What a caller adds to persistNew: generate's kill point and the removal of its intent. */
export interface PersistHooks {
  /** Between the keychain write and the record's. */
  afterVault?: () => Promise<void>;
  /** Runs in the update that writes the record. */
  alsoIn?: (data: StoreData) => void;
}

/** Keychain first, then the record; if the record cannot be written the secret is removed again. */
export async function persistNew(
  deps: CoreDeps,
  record: KeyRecord,
  secret: string,
  hooks: PersistHooks = {},
): Promise<KeyView> {
  await deps.vault.set(record.id, secret);
  try {
    await hooks.afterVault?.();
    return await deps.store.update((data) => {
      assertLabelFree(data, record.accountId, record.label, record.id);
      hooks.alsoIn?.(data);
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
export async function keyRecorded(deps: CoreDeps, id: string): Promise<boolean> {
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
  /** When it was made, if known (a received key); the server's date wins where it is linked. */
  createdAt?: string;
}

export async function importKey(deps: CoreDeps, input: ImportInput): Promise<KeyView> {
  checkMeta(input);
  const sp = secretProblem(input.secret);
  if (sp) throw new AppError('BAD_INPUT', sp);
  const data = await deps.store.read();
  const account = findAccount(data, input.account);
  // A key sync found on the server (created elsewhere) may hold the label: if the secret proves
  // to be that key, the import adopts its record instead of making a second one.
  const holder = data.keys.find(
    (k) =>
      isLive(k) &&
      k.custody === 'remote-only' &&
      k.accountId === account.id &&
      k.label === input.label,
  );
  if (!holder) assertLabelFree(data, account.id, input.label);
  const owner = accountUsingKey(data, fingerprint(input.secret));
  if (owner)
    throw new AppError(
      'REFUSED',
      `This is the key account "${owner.name}" itself uses to call ApexVerify; it is already in the keychain as that account's key. Stored as a key too, a disable or revoke of it would lock the account out. Nothing was stored.`,
    );
  if (data.keys.some((k) => isLive(k) && k.fingerprint === fingerprint(input.secret)))
    throw new AppError('DUPLICATE', 'This key is already stored (same fingerprint).');

  let remote: RemoteKey | null = null;
  let verification: KeyRecord['lastVerification'] = null;
  let calls: AppCall[] = [];
  if (input.verify !== false) {
    ({ verification, remote, calls } = await checkImported(deps, account, input.secret));
    const found = data.keys.find(
      (k) => isLive(k) && k.custody === 'remote-only' && k.remoteId === remote?.id,
    );
    if (found && remote) return adoptImported(deps, found, input, verification, remote, calls);
    if (remote && data.keys.some((k) => isLive(k) && k.remoteId === remote?.id)) remote = null;
  }
  if (holder) assertLabelFree(data, account.id, input.label);
  // The check just made is the key's first verification: the window shows it at once.
  const record = {
    ...newRecord(deps, account, input, input.secret, remote),
    ...(remote === null && input.createdAt ? { createdAt: input.createdAt } : {}),
    lastVerification: verification,
    appCalls: calls,
  };
  const view = await persistNew(deps, record, input.secret);
  await recordEvent(deps, {
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

// Plain generate, with its crash-safe intent, lives in its own module.
export { generateKey, type GenerateInput } from './key-generate.ts';

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
  // An empty patch would record an "updated" event that changed nothing: both fronts refuse it.
  if (!Object.values(patch).some((v) => v !== undefined))
    throw new AppError('BAD_INPUT', 'Nothing to change: give at least one field to update.');
  checkMeta(patch);
  const view = await deps.store.update((data) => {
    const { key } = resolveKey(data, ref);
    // A revoked key is history: the window shows it read-only, and the CLI agrees.
    if (key.status === 'revoked')
      throw new AppError('REFUSED', `"${key.label}" is revoked: its details can no longer change.`);
    const updated = mutateKey(data, key.id, (k) => {
      if (patch.environment !== undefined) k.environment = patch.environment;
      if (patch.service !== undefined) k.service = patch.service;
      if (patch.owner !== undefined) k.owner = patch.owner;
      if (patch.notes !== undefined) k.notes = patch.notes;
      if (patch.rotationPeriodDays !== undefined) k.rotationPeriodDays = patch.rotationPeriodDays;
    });
    return toView(data, updated);
  });
  await recordEvent(deps, {
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
