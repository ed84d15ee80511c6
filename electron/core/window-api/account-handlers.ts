// The Accounts dialog's channels: list (with key counts and reachability), add, rename, remove.
import type { Account, StoreData } from '../../../shared/schemas.ts';
import { isLoopbackName } from '../../../shared/loopback.ts';
import type { AccountView, Reachability } from '../../../shared/views.ts';
import { removeAccount, renameAccount } from '../account-admin.ts';
import { accountById, addAccount } from '../accounts.ts';
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';
import { probeAccount, withReachability } from './status.ts';

// An account at one of the loopback names is shown as the sandbox: exactly those names, not
// every 127.x address (which the base-URL rule accepts for plain http).
export const isSandbox = (a: Account) => isLoopbackName(new URL(a.baseUrl).hostname);

const NOT_ASKED: Reachability = { state: 'unknown', since: null, reason: null };

export function accountView(
  data: StoreData,
  a: Account,
  reachability: Reachability = NOT_ASKED,
): AccountView {
  return {
    id: a.id,
    name: a.name,
    baseUrl: a.baseUrl,
    dashboardUrl: a.dashboardUrl,
    mode: a.mode,
    lastSyncAt: a.lastSyncAt,
    isSandbox: isSandbox(a),
    keyCount: data.keys.filter((k) => k.accountId === a.id).length,
    reachability,
  };
}

type AccountHandlers = Pick<
  Handlers,
  'listAccounts' | 'addAccount' | 'renameAccount' | 'removeAccount' | 'checkAccount'
>;

export function createAccountHandlers(ctx: AppContext): AccountHandlers {
  const { deps } = ctx;
  return {
    async listAccounts() {
      const data = await deps.store.read();
      return data.accounts.map((a) => accountView(data, a, ctx.reachability?.get(a.id)));
    },
    async addAccount(input) {
      const added = await addAccount(deps, input);
      return accountView(await deps.store.read(), added, ctx.reachability?.get(added.id));
    },
    async renameAccount({ accountId, name }) {
      const renamed = await renameAccount(deps, { id: accountId }, name);
      return accountView(await deps.store.read(), renamed, ctx.reachability?.get(renamed.id));
    },
    removeAccount: ({ accountId, confirmName }) =>
      removeAccount(deps, { id: accountId }, confirmName),
    async checkAccount({ accountId }) {
      // Try again for one account: probe it, and show what the tracker now knows.
      const account = accountById(await deps.store.read(), accountId);
      const tracked = withReachability(ctx);
      await probeAccount(tracked.deps, tracked.reachability, account);
      return accountView(await deps.store.read(), account, tracked.reachability.get(account.id));
    },
  };
}
