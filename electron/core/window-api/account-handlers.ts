// The Accounts dialog's channels: list (with key counts and reachability), add, rename, remove.
import type { Account, StoreData } from '../../../shared/schemas.ts';
import { isLoopbackName } from '../../../shared/loopback.ts';
import type { AccountView } from '../../../shared/views.ts';
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';
import { notBuilt } from './not-built.ts';

// An account at one of the loopback names is shown as the sandbox: exactly those names, not
// every 127.x address (which the base-URL rule accepts for plain http).
export const isSandbox = (a: Account) => isLoopbackName(new URL(a.baseUrl).hostname);

export function accountView(data: StoreData, a: Account): AccountView {
  return {
    id: a.id,
    name: a.name,
    baseUrl: a.baseUrl,
    dashboardUrl: a.dashboardUrl,
    mode: a.mode,
    lastSyncAt: a.lastSyncAt,
    isSandbox: isSandbox(a),
    keyCount: data.keys.filter((k) => k.accountId === a.id).length,
    reachability: { state: 'unknown', since: null, reason: null },
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
      return data.accounts.map((a) => accountView(data, a));
    },
    addAccount: async () => notBuilt(),
    renameAccount: async () => notBuilt(),
    removeAccount: async () => notBuilt(),
    checkAccount: async () => notBuilt(),
  };
}
