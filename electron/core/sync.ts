// Sync with the server (API mode): list each account's keys, merge them in one store update,
// record one 'synced' event per account. Dashboard mode has no list to sync: it is skipped.
import { randomUUID } from 'node:crypto';
import { AppError, toErrorInfo, type ErrorInfo } from '../../shared/errors.ts';
import type { Account, StoreData } from '../../shared/schemas.ts';
import { accountById, accountKey, findAccount } from './accounts.ts';
import type { RemoteKey } from './apexverify/index.ts';
import { recordEvent } from './audit.ts';
import type { CoreDeps } from './deps.ts';
import { proveRemoteId } from './remote-link.ts';
import { mergeRemoteKeys, snapshotOf, type MergeCounts } from './sync-merge.ts';

export interface AccountSyncResult {
  accountId: string;
  name: string;
  outcome: 'synced' | 'failed' | 'skipped';
  changes: string[];
  error?: ErrorInfo;
}

export interface SyncResult {
  accounts: AccountSyncResult[];
  syncedAt: string;
}

/** Every API-mode account, or one, named (the CLI) or by id (the window). */
export type SyncScope = { account?: string } | { accountId?: string };

// The account's own key is listed too, and so are the keys of other accounts on the same server;
// which ones they are takes a proof (two lists with each), so it is remembered for the process,
// per account and account key.
const accountKeyIds = new Map<string, string>();

async function accountKeyRemoteIds(
  deps: CoreDeps,
  data: StoreData,
  account: Account,
  remote: RemoteKey[],
): Promise<Set<string>> {
  const linked = new Set(
    data.keys.filter((k) => k.accountId === account.id).map((k) => k.remoteId),
  );
  const ids = new Set<string>();
  // Only worth proving when some listed key is not linked here: one of them may be one.
  if (remote.every((k) => linked.has(k.id))) return ids;
  for (const a of data.accounts) {
    if (a.baseUrl !== account.baseUrl) continue;
    // Proven when the account was added: nothing to ask.
    if (a.keyRemoteId !== null) {
      ids.add(a.keyRemoteId);
      continue;
    }
    const memo = `${a.id}:${a.keyFingerprint}`;
    // Another ApexVerify account on the same host has its own list: its key's id is simply
    // absent from this one, so a remembered id is never proven again.
    let id = accountKeyIds.get(memo);
    if (id === undefined) {
      const secret = await accountKey(deps, a).catch(() => null);
      const proven = secret && (await proveRemoteId(deps.clientFor(a), secret).catch(() => null));
      if (proven) accountKeyIds.set(memo, proven.id);
      id = proven ? proven.id : undefined;
    }
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/**
 * The secrets of keys the merge marked revoked, as a local revoke removes them: they no longer
 * work and only clutter. Best effort (a locked keychain): the merge stands, the next revoke's
 * sweep takes what is left. Returns how many were removed.
 */
async function removeRevokedSecrets(deps: CoreDeps, ids: readonly string[]): Promise<number> {
  let removed = 0;
  for (const id of ids)
    await deps.vault.delete(id).then(
      (gone) => {
        if (gone) removed++;
      },
      () => undefined,
    );
  return removed;
}

async function syncOne(deps: CoreDeps, account: Account): Promise<AccountSyncResult> {
  const base = { accountId: account.id, name: account.name };
  if (account.mode !== 'api') return { ...base, outcome: 'skipped', changes: [] };
  let counts: MergeCounts;
  let changes: string[];
  let revokedIds: string[];
  try {
    const secret = await accountKey(deps, account);
    const client = deps.clientFor(account);
    // Read before the list is asked for: the merge leaves alone what changes meanwhile.
    const beforeList = await deps.store.read();
    const before = snapshotOf(beforeList, account.id);
    const remote = await client.listKeys(secret);
    const ownIds = await accountKeyRemoteIds(deps, await deps.store.read(), account, remote);
    const now = deps.clock.now().toISOString();
    ({ counts, changes, revokedIds } = await deps.store.update((data) => {
      const acc = accountById(data, account.id);
      acc.lastSyncAt = now;
      return mergeRemoteKeys(data, {
        account: acc,
        remote,
        accountKeyRemoteIds: ownIds,
        before,
        now,
        newId: () => `key_${randomUUID()}`,
      });
    }));
  } catch (e) {
    const error = toErrorInfo(e);
    await recordEvent(deps, {
      action: 'synced',
      keyId: null,
      accountId: account.id,
      label: null,
      fingerprint: null,
      outcome: 'failed',
      detail: { error: error.code },
    });
    return { ...base, outcome: 'failed', changes: [], error };
  }
  // After the store says revoked, never before: a failed write leaves the secrets in place.
  const secretsRemoved = await removeRevokedSecrets(deps, revokedIds);
  await recordEvent(deps, {
    action: 'synced',
    keyId: null,
    accountId: account.id,
    label: null,
    fingerprint: null,
    outcome: 'ok',
    detail: {
      ...counts,
      changes: changes.length ? changes.join(' ') : 'nothing changed',
      ...(revokedIds.length ? { secretsRemoved } : {}),
    },
  });
  return { ...base, outcome: 'synced', changes };
}

/** An unknown account is refused before anything is asked or written. */
export async function syncAccounts(deps: CoreDeps, scope: SyncScope = {}): Promise<SyncResult> {
  const data = await deps.store.read();
  let accounts = data.accounts;
  if ('account' in scope && scope.account !== undefined)
    accounts = [findAccount(data, scope.account)];
  if ('accountId' in scope && scope.accountId !== undefined) {
    const { accountId } = scope;
    const found = data.accounts.find((a) => a.id === accountId);
    if (!found)
      throw new AppError(
        'UNKNOWN_ACCOUNT',
        'That account no longer exists (it may have been removed in another window). Nothing was synced.',
      );
    accounts = [found];
  }
  const results: AccountSyncResult[] = [];
  // One at a time: each merge is one store update, and accounts rarely number more than a few.
  for (const account of accounts) results.push(await syncOne(deps, account));
  return { accounts: results, syncedAt: deps.clock.now().toISOString() };
}
