// Finding key records and shaping them for display. Pure functions over StoreData.
import type { ErrorRule } from '../../shared/error-rules.ts';
import { AppError } from '../../shared/errors.ts';
import { rotationDueAt } from '../../shared/input-rules.ts';
import type { Account, KeyRecord, Settings, StoreData } from '../../shared/schemas.ts';
import type { KeyView } from '../../shared/views.ts';
import { accountById, findAccount } from './accounts.ts';
import { isAppsOwnUse } from './app-calls.ts';
import type { CoreDeps } from './deps.ts';

/** A label names one live key within an account; `account` chooses where labels repeat. */
export type KeyRef = { id: string } | { label: string; account?: string };

export const isLive = (k: KeyRecord): boolean => k.status !== 'revoked';

/**
 * The account whose own key (the one the app calls the API with) has this fingerprint. Checked
 * across accounts: the same key may back two accounts on one server.
 */
export function accountUsingKey(data: StoreData, fingerprint: string): Account | undefined {
  return data.accounts.find((a) => a.keyFingerprint === fingerprint);
}

/**
 * Refuses `what` (disable, revoke) on a key some account uses to call the API: afterwards every
 * call of that account, the undo included, would answer 401.
 */
export function refuseAccountKey(data: StoreData, key: KeyRecord, what: string): void {
  const owner = accountUsingKey(data, key.fingerprint);
  if (owner)
    throw new AppError(
      'REFUSED',
      `"${key.label}" is the key this app uses for account "${owner.name}": ${what} it would lock the account out (every call, the undo included, would answer 401). Add the account again with another key first.`,
    );
}

export function resolveKey(data: StoreData, ref: KeyRef): { key: KeyRecord; account: Account } {
  if ('id' in ref) {
    const key = data.keys.find((k) => k.id === ref.id);
    if (!key)
      throw new AppError(
        'UNKNOWN_KEY',
        'That key does not exist (it may have been removed in another window).',
      );
    return { key, account: accountById(data, key.accountId) };
  }
  const accountId = ref.account === undefined ? undefined : findAccount(data, ref.account).id;
  const matches = data.keys.filter(
    (k) =>
      isLive(k) && k.label === ref.label && (accountId === undefined || k.accountId === accountId),
  );
  if (matches.length === 0) {
    const where = ref.account ? ` in account "${ref.account}"` : '';
    throw new AppError(
      'UNKNOWN_KEY',
      `No live key is labelled "${ref.label.slice(0, 64)}"${where}.`,
      { rule: 'no-such-label' satisfies ErrorRule },
    );
  }
  if (matches.length > 1) {
    const names = matches.map((k) => accountById(data, k.accountId).name).join(', ');
    throw new AppError(
      'AMBIGUOUS_LABEL',
      `"${ref.label}" names a key in several accounts (${names}); choose the account.`,
    );
  }
  const key = matches[0] as KeyRecord;
  return { key, account: accountById(data, key.accountId) };
}

export function rotationPeriod(key: KeyRecord, settings: Settings): number | null {
  // Own properties only: an environment named "toString" or "constructor" has no period unless
  // one was set for it.
  const days = settings.rotationDays;
  return (
    key.rotationPeriodDays ??
    (Object.hasOwn(days, key.environment) ? days[key.environment] : undefined) ??
    null
  );
}

// The view's one definition is its schema in shared/views.ts; re-exported for the core's users.

export function toView(data: StoreData, key: KeyRecord): KeyView {
  const account = accountById(data, key.accountId);
  const period = rotationPeriod(key, data.settings);
  return {
    id: key.id,
    account: account.name,
    accountId: account.id,
    remoteId: key.remoteId,
    label: key.label,
    environment: key.environment,
    service: key.service,
    owner: key.owner,
    notes: key.notes,
    status: key.status,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    lastUsedByApp: isAppsOwnUse(key.lastUsedAt, key.appCalls),
    rotationPeriodDays: period,
    rotationDueAt: key.status === 'revoked' ? null : rotationDueAt(key.createdAt, period),
    fingerprint: key.fingerprint,
    hint: key.hint,
    lastVerification: key.lastVerification,
    revokedAt: key.revokedAt,
    custody: key.custody,
    heldBy: key.custody === 'held' ? (key.heldBy ?? null) : null,
    locations: key.locations,
  };
}

/** Applies `change` to the record with this id inside a store update (re-read under the lock). */
export function mutateKey(data: StoreData, id: string, change: (k: KeyRecord) => void): KeyRecord {
  const key = data.keys.find((k) => k.id === id);
  if (!key)
    throw new AppError(
      'UNKNOWN_KEY',
      'That key was removed by another process; nothing was changed.',
    );
  change(key);
  return key;
}

/** Marks the key revoked now, once its revocation is proven; the key's view and when. */
export async function markRevoked(
  deps: Pick<CoreDeps, 'store' | 'clock'>,
  keyId: string,
): Promise<{ view: KeyView; checkedAt: string }> {
  const checkedAt = deps.clock.now().toISOString();
  const view = await deps.store.update((data) =>
    toView(
      data,
      mutateKey(data, keyId, (k) => {
        k.status = 'revoked';
        k.revokedAt = checkedAt;
      }),
    ),
  );
  return { view, checkedAt };
}
